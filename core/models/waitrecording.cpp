#include "waitrecording.h"

#include "lanewriter.h"
#include "trace/monotonicclock.h"
#include "workload/cpukernel.h"

#include <algorithm>

namespace conlab {

void recordWaitAndResume(LaneWriter& lane, std::uint64_t& state, std::uint64_t value, std::int64_t waitBeginNs,
    std::int64_t waitOverNs, std::int64_t resumedNs, int task)
{
    waitOverNs = std::clamp(waitOverNs, waitBeginNs, resumedNs);
    lane.record(TaskState::WaitingIo, waitBeginNs, waitOverNs, task);
    lane.record(TaskState::Ready, waitOverNs, resumedNs, task);
    const std::int64_t begin = monotonicNowNs();
    state = mixChecksum(state, value);
    lane.record(TaskState::Running, begin, monotonicNowNs(), task);
}

} // namespace conlab
