#include "core/models/threadsmodel.h"

#include "core/gil/gillane.h"
#include "core/models/poollanes.h"
#include "core/models/taskexecutor.h"
#include "core/trace/monotonicclock.h"
#include "core/trace/tracerecorder.h"
#include "core/util/workerthread.h"
#include "core/workload/workload.h"

#include <QMutex>
#include <algorithm>
#include <atomic>
#include <memory>

namespace conlab {
namespace {

// What the workers share. Each task index is handed out once through `next`.
struct Pool
{
    explicit Pool(const ExecutionContext& c)
        : context(c)
    {
    }

    const ExecutionContext& context;
    std::atomic<int> next {0};
    std::atomic<bool> failed {false};
    std::atomic<int> completed {0};
    std::atomic<std::uint64_t> checksum {0};
    QMutex errorMutex;
    Problem error;

    void fail(const Problem& message)
    {
        QMutexLocker lock(&errorMutex);
        if (error.isEmpty())
            error = message;
        failed.store(true);
    }
};

void workerLoop(Pool& pool, std::uint16_t lane, std::int64_t spawnedNs)
{
    TaskExecutor executor(pool.context, lane);
    executor.lane().record(TaskState::StartingUp, spawnedNs, monotonicNowNs(), -1);
    if (!executor.takeGil())
        return;
    const auto& tasks = pool.context.workload.tasks;
    while (!pool.failed.load(std::memory_order_relaxed)) {
        const int index = pool.next.fetch_add(1, std::memory_order_relaxed);
        if (index >= int(tasks.size()))
            return;
        const TaskOutcome result = executor.run(tasks[index]);
        if (!result.completed) {
            if (!result.error.isEmpty())
                pool.fail(result.error);
            return;
        }
        pool.completed.fetch_add(1, std::memory_order_relaxed);
        pool.checksum.fetch_add(result.checksum, std::memory_order_relaxed);
    }
}

} // namespace

std::vector<LaneInfo> ThreadsModel::lanes(int workers, int tasks, const ModelOptions& options) const
{
    std::vector<LaneInfo> lanes;
    appendPoolLanes(lanes, poolSize(workers, tasks), QStringLiteral("thread"), LaneKind::Thread);
    if (options.gil)
        appendGilLane(lanes);
    return lanes;
}

ModelOutcome ThreadsModel::run(const ExecutionContext& context)
{
    Pool pool(context);
    std::vector<std::unique_ptr<WorkerThread>> threads;
    const int count = poolSize(context.workers, int(context.workload.tasks.size()));
    for (int i = 0; i < count; ++i) {
        const std::int64_t spawnedNs = monotonicNowNs();
        const auto lane = std::uint16_t(i);
        threads.push_back(std::make_unique<WorkerThread>(QStringLiteral("conlab-thread-%1").arg(i + 1),
            [&pool, lane, spawnedNs] { workerLoop(pool, lane, spawnedNs); }));
        threads.back()->start();
    }
    // Every worker returns promptly on cancel (it checks between CPU slices and its waits watch the cancel fd).
    for (auto& thread : threads)
        thread->wait();
    ModelOutcome outcome;
    outcome.tasksCompleted = pool.completed.load();
    outcome.checksum = pool.checksum.load();
    outcome.error = pool.error;
    return outcome;
}

} // namespace conlab
