#pragma once

#include "core/python/observationsink.h"

#include <atomic>
#include <cstdint>
#include <map>
#include <sys/types.h>
#include <utility>

namespace conlab {

class TraceRecorder;

// Where the observer's lanes and segments go in a python run: each lane it reports becomes a lane of the run's
// recorder the moment it is seen (TraceRecorder::addLane), named for a reader of the timeline: the root process's
// threads by their Python names ("MainThread", "ThreadPoolExecutor-0_0"), other processes' with their pid beside,
// and one "GIL" lane per process. GIL segments name their holder by its lane, as the emulated GIL lane does.
// The observer calls this from one thread at a time; the recorder is what other threads read.
class RecorderSink : public python::ObservationSink
{
public:
    // What laneFor() returns once the recorder has no room for another lane; record() drops its segments.
    static constexpr std::uint16_t noLane = 0xFFFF;

    RecorderSink(TraceRecorder& recorder, pid_t rootPid);

    std::uint16_t laneFor(const python::ObservedLane& lane) override;
    void record(const Segment& segment) override;
    std::int32_t functionFor(const QString& name) override;

    // Lanes refused for want of room, and segments dropped with them.
    int refusedLanes() const { return m_refusedLanes.load(std::memory_order_relaxed); }

private:
    QString laneName(const python::ObservedLane& lane) const;

    TraceRecorder& m_recorder;
    pid_t m_rootPid;
    std::map<std::pair<pid_t, pid_t>, std::uint16_t> m_threadLanes; // (pid, tid) -> lane
    std::map<std::uint16_t, pid_t> m_gilLanes; // GIL lane -> its process
    std::map<QString, std::int32_t> m_functions; // name -> index in the recorder's function names
    std::atomic<int> m_refusedLanes {0};
};

} // namespace conlab
