// Why QCoro plus awaiters of our own: QCoro gives the coroutine type (QCoro::Task) and the co_await plumbing between
// coroutines. What a task waits for is watched by the small awaiters in eventloop/, on raw descriptors, so the I/O
// path is the same wire code as the blocking client's (LatencyRoundTrip) and every wait can also watch the cancel
// token's eventfd: a cancelled run wakes every suspended task at once.

#include "core/models/eventloopmodel.h"

#include "core/gil/gillane.h"
#include "core/models/cpuexecutor.h"
#include "core/models/eventloop/looprun.h"
#include "core/models/poollanes.h"

namespace conlab {

std::vector<LaneInfo> EventLoopModel::lanes(int workers, int tasks, const ModelOptions& options) const
{
    std::vector<LaneInfo> lanes;
    const int slotTotal = poolSize(workers, tasks);
    appendPoolLanes(lanes, slotTotal, QStringLiteral("slot"), LaneKind::LoopSlot);
    const int executors = executorWorkers(options.offload, slotTotal);
    if (options.offload == OffloadKind::Threads)
        appendPoolLanes(lanes, executors, QStringLiteral("executor thread"), LaneKind::Thread);
    else
        appendPoolLanes(lanes, executors, QStringLiteral("executor process"), LaneKind::Process);
    if (options.gil)
        appendGilLane(lanes);
    return lanes;
}

ModelOutcome EventLoopModel::run(const ExecutionContext& context)
{
    LoopRun run(context);
    return run.run();
}

} // namespace conlab
