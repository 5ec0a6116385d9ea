#include "core/trace/tracerecorder.h"

#include <utility>

namespace conlab {

TraceRecorder::TraceRecorder(std::vector<LaneInfo> lanes)
    : m_lanes(std::move(lanes))
{
    m_buffers.reserve(m_lanes.size());
    for (std::size_t i = 0; i < m_lanes.size(); ++i)
        m_buffers.push_back(std::make_unique<LaneBuffer>());
}

std::vector<Segment> TraceRecorder::drain()
{
    std::vector<Segment> segments;
    for (auto& buffer : m_buffers)
        buffer->drainTo(segments);
    return segments;
}

void TraceRecorder::recordInstant(const InstantEvent& event)
{
    std::lock_guard lock(m_instantMutex);
    m_instants.push_back(event);
}

std::vector<InstantEvent> TraceRecorder::drainInstants()
{
    std::lock_guard lock(m_instantMutex);
    return std::exchange(m_instants, {});
}

} // namespace conlab
