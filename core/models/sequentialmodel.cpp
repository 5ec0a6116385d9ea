#include "core/models/sequentialmodel.h"

#include "core/gil/gillane.h"
#include "core/models/taskexecutor.h"
#include "core/workload/workload.h"

namespace conlab {

std::vector<LaneInfo> SequentialModel::lanes(int, int, const ModelOptions& options) const
{
    std::vector<LaneInfo> lanes {LaneInfo {QStringLiteral("thread 1"), LaneKind::Thread}};
    if (options.gil)
        appendGilLane(lanes);
    return lanes;
}

ModelOutcome SequentialModel::run(const ExecutionContext& context)
{
    ModelOutcome outcome;
    TaskExecutor executor(context, 0);
    // One thread: it takes the GIL once and nobody ever asks for it.
    if (!executor.takeGil())
        return outcome;
    for (const TaskSpec& task : context.workload.tasks) {
        const TaskOutcome result = executor.run(task);
        if (!result.completed) {
            outcome.error = result.error;
            break;
        }
        ++outcome.tasksCompleted;
        outcome.checksum += result.checksum;
    }
    return outcome;
}

} // namespace conlab
