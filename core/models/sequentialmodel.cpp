#include "sequentialmodel.h"

#include "taskexecutor.h"
#include "workload/workload.h"

namespace conlab {

std::vector<LaneInfo> SequentialModel::lanes(int, int) const
{
    return { LaneInfo { QStringLiteral("thread 1"), LaneKind::Thread } };
}

ModelOutcome SequentialModel::run(const ExecutionContext& context)
{
    ModelOutcome outcome;
    TaskExecutor executor(context, 0);
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
