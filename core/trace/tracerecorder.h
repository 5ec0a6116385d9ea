#pragma once

#include "core/trace/lanebuffer.h"
#include "core/trace/trace.h"

#include <memory>
#include <mutex>
#include <vector>

namespace conlab {

// The lanes of one run, each with its own lock-free buffer. A lane is written by exactly one thread at a time
// (its worker); drain() is called by the controller's thread.
class TraceRecorder
{
public:
    explicit TraceRecorder(std::vector<LaneInfo> lanes);

    const std::vector<LaneInfo>& lanes() const { return m_lanes; }
    int laneCount() const { return int(m_lanes.size()); }

    void record(const Segment& segment) { m_buffers[segment.lane]->record(segment); }

    // Everything recorded since the last drain, lane by lane.
    std::vector<Segment> drain();

    // Moments (GIL drop requests), from any thread. A few hundred a second at most, so a lock is fine here.
    void recordInstant(const InstantEvent& event);
    std::vector<InstantEvent> drainInstants();

private:
    std::vector<LaneInfo> m_lanes;
    std::vector<std::unique_ptr<LaneBuffer>> m_buffers;
    std::mutex m_instantMutex;
    std::vector<InstantEvent> m_instants;
};

} // namespace conlab
