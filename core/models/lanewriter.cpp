#include "core/models/lanewriter.h"

#include "core/trace/tracerecorder.h"

#include <algorithm>
#include <sched.h>

namespace conlab {

int currentCore()
{
    const int core = sched_getcpu();
    return core >= 0 && core < 128 ? core : -1;
}

LaneWriter::LaneWriter(TraceRecorder& recorder, std::uint16_t lane)
    : m_recorder(recorder)
    , m_lane(lane)
{
}

void LaneWriter::record(TaskState state, std::int64_t beginNs, std::int64_t endNs, int task, int core)
{
    // Only a segment's own end is kept from preceding its start (both come from one monotonic clock, so this is a
    // model's arithmetic slip, never a measurement); where it starts against its neighbours is what was measured.
    endNs = std::max(endNs, beginNs);
    if (core < 0 && (state == TaskState::Running || state == TaskState::BlockingLoop))
        core = currentCore();
    m_recorder.record(Segment {beginNs, endNs, task, m_lane, state, std::int8_t(core)});
}

} // namespace conlab
