#include "cpuphase.h"

#include "lanewriter.h"
#include "run/canceltoken.h"
#include "trace/monotonicclock.h"
#include "workload/cpukernel.h"

#include <algorithm>

namespace conlab {

bool runCpuPhase(LaneWriter& lane, std::uint64_t& state, std::int64_t iterations, int task,
    const CancelToken& cancel, const CpuPhaseOptions& options)
{
    const bool splitOnMigration = options.blockingThresholdNs == 0;
    const std::int64_t phaseBegin = monotonicNowNs();
    std::int64_t segmentBegin = phaseBegin;
    int core = currentCore();
    for (std::int64_t done = 0; done < iterations;) {
        const std::int64_t step = std::min(options.sliceIterations, iterations - done);
        state = cpuKernel(state, step);
        done += step;
        if (cancel.isCancelled())
            break;
        if (!splitOnMigration)
            continue;
        // The scheduler may move a thread between slices; a new segment per core keeps "which core" honest.
        if (const int nowCore = currentCore(); nowCore != core) {
            const std::int64_t now = monotonicNowNs();
            lane.record(TaskState::Running, segmentBegin, now, task, core);
            segmentBegin = now;
            core = nowCore;
        }
    }
    const std::int64_t end = monotonicNowNs();
    const bool blocking = !splitOnMigration && end - phaseBegin > options.blockingThresholdNs;
    lane.record(blocking ? TaskState::BlockingLoop : TaskState::Running, segmentBegin, end, task, core);
    return !cancel.isCancelled();
}

} // namespace conlab
