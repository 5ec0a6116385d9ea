#include "core/python/recordersink.h"

#include "core/trace/laneprocess.h"
#include "core/trace/tracerecorder.h"

namespace conlab {

RecorderSink::RecorderSink(TraceRecorder& recorder, pid_t rootPid)
    : m_recorder(recorder)
    , m_rootPid(rootPid)
{
}

QString RecorderSink::laneName(const python::ObservedLane& lane) const
{
    const QString process = lane.pid == m_rootPid ? QString() : processLaneSuffix(int(lane.pid));
    if (lane.kind == python::ObservedLane::Kind::Gil)
        return QStringLiteral("GIL") + process;
    const QString name = lane.name.isEmpty() ? QStringLiteral("thread %1").arg(lane.tid) : lane.name;
    return name + process;
}

std::uint16_t RecorderSink::laneFor(const python::ObservedLane& lane)
{
    const bool gil = lane.kind == python::ObservedLane::Kind::Gil;
    const auto index = m_recorder.addLane(LaneInfo {laneName(lane), gil ? LaneKind::Gil : LaneKind::Thread});
    if (!index || *index == noLane) {
        m_refusedLanes.fetch_add(1, std::memory_order_relaxed);
        return noLane;
    }
    if (gil)
        m_gilLanes.emplace(*index, lane.pid);
    else
        m_threadLanes.emplace(std::pair(lane.pid, lane.tid), *index);
    return *index;
}

void RecorderSink::record(const Segment& segment)
{
    if (segment.lane == noLane)
        return;
    const auto gil = m_gilLanes.find(segment.lane);
    if (gil == m_gilLanes.end()) {
        m_recorder.record(segment);
        return;
    }
    // The observer names the holder by its thread id; a GIL lane's task is the holder's lane (-1 while the holder
    // has no lane yet: a thread gets one only once it has lived long enough to be named).
    Segment held = segment;
    const auto holder = m_threadLanes.find(std::pair(gil->second, pid_t(segment.task)));
    held.task = holder == m_threadLanes.end() ? -1 : holder->second;
    m_recorder.record(held);
}

std::int32_t RecorderSink::functionFor(const QString& name)
{
    const auto known = m_functions.find(name);
    if (known != m_functions.end())
        return known->second;
    const std::int32_t index = m_recorder.addFunctionName(name);
    m_functions.emplace(name, index);
    return index;
}

} // namespace conlab
