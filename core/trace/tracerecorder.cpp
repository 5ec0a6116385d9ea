#include "core/trace/tracerecorder.h"

#include <algorithm>
#include <utility>

namespace conlab {

TraceRecorder::TraceRecorder(std::vector<LaneInfo> lanes, std::size_t laneCapacity)
    : m_lanes(std::move(lanes))
{
    m_buffers.resize(std::max(std::min(laneCapacity, maxLanes), m_lanes.size()));
    for (std::size_t i = 0; i < m_lanes.size(); ++i)
        m_buffers[i] = std::make_unique<LaneBuffer>();
    m_laneCount.store(m_lanes.size(), std::memory_order_release);
}

std::vector<LaneInfo> TraceRecorder::lanes() const
{
    return lanesFrom(0);
}

std::vector<LaneInfo> TraceRecorder::lanesFrom(std::size_t first) const
{
    std::lock_guard lock(m_laneMutex);
    if (first >= m_lanes.size())
        return {};
    return std::vector<LaneInfo>(m_lanes.begin() + std::ptrdiff_t(first), m_lanes.end());
}

std::optional<std::uint16_t> TraceRecorder::addLane(const LaneInfo& lane)
{
    std::lock_guard lock(m_laneMutex);
    const std::size_t index = m_lanes.size();
    if (index >= m_buffers.size())
        return std::nullopt;
    m_buffers[index] = std::make_unique<LaneBuffer>();
    m_lanes.push_back(lane);
    // Published last: drain() reads the slot only once it sees the count that includes it.
    m_laneCount.store(index + 1, std::memory_order_release);
    return std::uint16_t(index);
}

std::vector<Segment> TraceRecorder::drain(std::size_t laneLimit)
{
    const std::size_t count = std::min(laneLimit, m_laneCount.load(std::memory_order_acquire));
    std::vector<Segment> segments;
    for (std::size_t i = 0; i < count; ++i)
        m_buffers[i]->drainTo(segments);
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

std::int32_t TraceRecorder::addFunctionName(const QString& name)
{
    std::lock_guard lock(m_functionMutex);
    m_functionNames.push_back(name);
    return std::int32_t(m_functionNames.size() - 1);
}

std::vector<QString> TraceRecorder::functionNamesFrom(std::size_t first) const
{
    std::lock_guard lock(m_functionMutex);
    if (first >= m_functionNames.size())
        return {};
    return std::vector<QString>(m_functionNames.begin() + std::ptrdiff_t(first), m_functionNames.end());
}

} // namespace conlab
