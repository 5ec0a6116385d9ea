#include "core/models/cpuphase.h"

#include "core/gil/gilthread.h"
#include "core/models/lanewriter.h"
#include "core/run/canceltoken.h"
#include "core/trace/monotonicclock.h"
#include "core/workload/cpukernel.h"

#include <algorithm>

namespace conlab {

bool runCpuPhase(LaneWriter& lane, std::uint64_t& state, std::int64_t iterations, int task, const CancelToken& cancel,
    const CpuPhaseOptions& options)
{
    const bool splitOnMigration = options.blockingThresholdNs == 0;
    const std::int64_t phaseBegin = monotonicNowNs();
    const auto runningState = [&](std::int64_t now) {
        return !splitOnMigration && now - phaseBegin > options.blockingThresholdNs ? TaskState::BlockingLoop
                                                                                   : TaskState::Running;
    };
    std::int64_t segmentBegin = phaseBegin;
    int core = currentCore();
    for (std::int64_t done = 0; done < iterations;) {
        const std::int64_t step = std::min(options.sliceIterations, iterations - done);
        state = cpuKernel(state, step);
        done += step;
        if (cancel.isCancelled())
            break;
        // The eval breaker: another thread has waited a whole switch interval for the GIL.
        if (options.gil && options.gil->dropRequested()) [[unlikely]] {
            const std::int64_t dropped = monotonicNowNs();
            lane.record(runningState(dropped), segmentBegin, dropped, task, core);
            options.gil->release();
            const bool ok = options.gil->acquire();
            segmentBegin = monotonicNowNs();
            lane.record(TaskState::WaitingGil, dropped, segmentBegin, task);
            core = currentCore();
            if (!ok)
                return false;
            continue;
        }
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
    lane.record(runningState(end), segmentBegin, end, task, core);
    return !cancel.isCancelled();
}

} // namespace conlab
