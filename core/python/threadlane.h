#pragma once

#include "core/python/segmentrun.h"

#include <QString>
#include <cstdint>
#include <optional>
#include <sys/types.h>
#include <vector>

namespace conlab::python {

class ObservationSink;

// One thread's lane: its sampled states become segments for the sink. Two things are held back before they reach it:
// - the first segments, until the lane exists: it is created once the thread has lived long enough for the name it
//   gives itself at start to be read (the bootstrap sets the native name from threading.Thread.name);
// - on an asyncio loop thread (one seen idle in epoll_wait), each stretch away from the selector, until it ends: a
//   stretch of at least 100 ms (asyncio's slow_callback_duration) is drawn as one BlockingLoop segment, as the
//   emulated event loop draws a blocking callback; a shorter one as the states seen.
class ThreadLane
{
public:
    static constexpr std::int64_t blockingLoopNs = 100'000'000;

    ThreadLane(pid_t pid, pid_t tid, std::int64_t firstSeenNs);

    pid_t pid() const { return m_pid; }
    pid_t tid() const { return m_tid; }
    std::int64_t firstSeenNs() const { return m_firstSeenNs; }
    bool hasLane() const { return m_lane.has_value(); }
    const QString& name() const { return m_name; }
    std::int64_t gilWaitNs() const { return m_gilWaitNs; }
    // The state of the open segment, if any.
    std::optional<TaskState> currentState() const { return m_currentState; }

    // One state sample. `epollFd` is set when the thread sits in epoll_wait (its first argument). `function`: the
    // Python function it was last seen in (ObservationSink::functionFor()), -1 if none is known; a change ends the
    // segment.
    void observe(ObservationSink& sink, std::int64_t nowNs, TaskState state, int core, std::optional<int> epollFd,
        std::int32_t function = -1);
    // Creates the lane under `name` and sends what was held back.
    void createLane(ObservationSink& sink, const QString& name);
    // A loop thread that has been away from its selector long enough that its loop may be gone: the descriptor to
    // check, if a check is due.
    std::optional<int> loopCheckDue(std::int64_t nowNs) const;
    // Its loop's epoll descriptor was closed: the loop has ended, the thread is an ordinary thread again.
    void loopClosed(ObservationSink& sink);
    // The thread is gone, or observation stops: ends the open segment at its last sample and flushes everything
    // (creating the lane under `name` if it does not exist yet).
    void finish(ObservationSink& sink, const QString& name);

private:
    void deliver(ObservationSink& sink, const Segment& segment);
    void send(ObservationSink& sink, Segment segment);
    void endStretch(ObservationSink& sink, std::int64_t endNs, bool judge);

    pid_t m_pid;
    pid_t m_tid;
    std::int64_t m_firstSeenNs;
    std::optional<std::uint16_t> m_lane;
    QString m_name;
    SegmentRun m_run;
    std::optional<TaskState> m_currentState;
    std::vector<Segment> m_unlaned;
    std::int64_t m_gilWaitNs = 0;
    // Loop thread bookkeeping.
    std::optional<int> m_epollFd;
    bool m_inSelector = false;
    std::optional<std::int64_t> m_stretchBeginNs;
    std::vector<Segment> m_stretch;
    mutable std::int64_t m_lastLoopCheckNs = 0;
};

} // namespace conlab::python
