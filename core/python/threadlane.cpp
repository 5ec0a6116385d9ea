#include "core/python/threadlane.h"

#include "core/python/observationsink.h"

#include <algorithm>

namespace conlab::python {
namespace {

constexpr std::int64_t loopCheckPeriodNs = 50'000'000;

} // namespace

ThreadLane::ThreadLane(pid_t pid, pid_t tid, std::int64_t firstSeenNs)
    : m_pid(pid)
    , m_tid(tid)
    , m_firstSeenNs(firstSeenNs)
{
}

void ThreadLane::observe(ObservationSink& sink, std::int64_t nowNs, TaskState state, int core,
    std::optional<int> epollFd, std::int32_t function)
{
    // Into or out of the selector ends the segment even where the state stays WaitingIo (a blocking read in a
    // callback): the stretch away from the loop must start exactly there.
    const bool inSelector = epollFd.has_value();
    if (inSelector != m_inSelector) {
        m_inSelector = inSelector;
        if (std::optional<Segment> ended = m_run.close(nowNs))
            deliver(sink, *ended);
    }
    if (std::optional<Segment> ended = m_run.observe(nowNs, state, function, core))
        deliver(sink, *ended);
    m_currentState = state;
    if (epollFd) {
        m_epollFd = epollFd;
        if (m_stretchBeginNs)
            endStretch(sink, nowNs, true);
    } else if (m_epollFd && !m_stretchBeginNs) {
        m_stretchBeginNs = nowNs;
    }
}

void ThreadLane::createLane(ObservationSink& sink, const QString& name)
{
    if (m_lane)
        return;
    m_name = name;
    m_lane = sink.laneFor(ObservedLane {ObservedLane::Kind::Thread, m_pid, m_tid, name});
    for (Segment& segment : std::exchange(m_unlaned, {}))
        send(sink, segment);
}

std::optional<int> ThreadLane::loopCheckDue(std::int64_t nowNs) const
{
    if (!m_stretchBeginNs || nowNs - *m_stretchBeginNs < blockingLoopNs
        || nowNs - m_lastLoopCheckNs < loopCheckPeriodNs)
        return std::nullopt;
    m_lastLoopCheckNs = nowNs;
    return m_epollFd;
}

void ThreadLane::loopClosed(ObservationSink& sink)
{
    m_epollFd.reset();
    if (m_stretchBeginNs)
        endStretch(sink, 0, false);
}

void ThreadLane::finish(ObservationSink& sink, const QString& name)
{
    const std::optional<std::int64_t> lastNs = m_run.lastSampleNs();
    if (lastNs) {
        if (std::optional<Segment> ended = m_run.close(*lastNs))
            deliver(sink, *ended);
    }
    m_currentState.reset();
    // A stretch cut short by the thread's end or by stop() was never seen to return to its loop: its states as seen.
    if (m_stretchBeginNs)
        endStretch(sink, 0, false);
    createLane(sink, name);
}

void ThreadLane::deliver(ObservationSink& sink, const Segment& segment)
{
    if (segment.state == TaskState::WaitingGil)
        m_gilWaitNs += segment.durationNs();
    if (m_stretchBeginNs)
        m_stretch.push_back(segment);
    else
        send(sink, segment);
}

void ThreadLane::send(ObservationSink& sink, Segment segment)
{
    if (!m_lane) {
        m_unlaned.push_back(segment);
        return;
    }
    segment.lane = *m_lane;
    sink.record(segment);
}

void ThreadLane::endStretch(ObservationSink& sink, std::int64_t endNs, bool judge)
{
    const std::int64_t beginNs = *std::exchange(m_stretchBeginNs, std::nullopt);
    std::vector<Segment> stretch = std::exchange(m_stretch, {});
    if (judge && endNs - beginNs >= blockingLoopNs) {
        Segment blocking;
        blocking.beginNs = beginNs;
        blocking.endNs = endNs;
        blocking.state = TaskState::BlockingLoop;
        blocking.core = stretch.empty() ? std::int8_t(-1) : stretch.front().core;
        // The function that blocked the loop: the one it was in longest.
        const auto longest = std::max_element(stretch.begin(), stretch.end(),
            [](const Segment& a, const Segment& b) { return a.durationNs() < b.durationNs(); });
        blocking.task = longest == stretch.end() ? -1 : longest->task;
        send(sink, blocking);
        return;
    }
    for (const Segment& segment : stretch)
        send(sink, segment);
}

} // namespace conlab::python
