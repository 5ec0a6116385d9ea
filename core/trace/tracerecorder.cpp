#include "tracerecorder.h"

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

} // namespace conlab
