#include "core/models/waitrecording.h"

#include "core/models/lanewriter.h"
#include "core/trace/monotonicclock.h"
#include "core/workload/cpukernel.h"

#include <algorithm>

namespace conlab {

void recordWaitAndResume(LaneWriter& lane, std::uint64_t& state, std::uint64_t value, std::int64_t waitBeginNs,
    std::int64_t waitOverNs, std::int64_t resumedNs, int task, GilWait gil)
{
    waitOverNs = std::clamp(waitOverNs, waitBeginNs, resumedNs);
    lane.record(TaskState::WaitingIo, waitBeginNs, waitOverNs, task);
    const std::int64_t gilBegin = std::clamp(gil.beginNs, waitOverNs, resumedNs);
    const std::int64_t gilEnd = std::clamp(gil.endNs, gilBegin, resumedNs);
    if (gilEnd > gilBegin) {
        if (gilBegin > waitOverNs)
            lane.record(TaskState::Ready, waitOverNs, gilBegin, task);
        lane.record(TaskState::WaitingGil, gilBegin, gilEnd, task);
        if (resumedNs > gilEnd)
            lane.record(TaskState::Ready, gilEnd, resumedNs, task);
    } else {
        lane.record(TaskState::Ready, waitOverNs, resumedNs, task);
    }
    const std::int64_t begin = monotonicNowNs();
    state = mixChecksum(state, value);
    lane.record(TaskState::Running, begin, monotonicNowNs(), task);
}

} // namespace conlab
