#include "core/models/processesmodel.h"

#include "core/models/poollanes.h"
#include "core/models/processpool.h"
#include "core/run/canceltoken.h"
#include "core/workload/workload.h"

#include <QEventLoop>
#include <QSocketNotifier>
#include <algorithm>

namespace conlab {
namespace {

// One run of the pool, driven by the engine thread's own event loop: each worker that is ready or done gets the
// next task, until there is none and its stdin is closed.
class PoolRun
{
public:
    explicit PoolRun(const ExecutionContext& context)
        : m_context(context)
        , m_cancelNotifier(context.cancel.fd(), QSocketNotifier::Read)
        , m_pool(context, 0, poolSize(context.workers, int(context.workload.tasks.size())),
              QT_TRANSLATE_NOOP("conlab::Problem", "worker process"),
              ProcessPool::Events {
                  [this](int worker) { dispatchNext(worker); },
                  [this](int worker, const workerprotocol::TaskDone& done) { onTaskDone(worker, done); },
                  [this](const Problem& error) { fail(error); },
                  [this] { m_loop.quit(); },
              })
    {
        // The eventfd stays readable once cancelled: one activation is all we need.
        QObject::connect(&m_cancelNotifier, &QSocketNotifier::activated, &m_loop, [this] {
            m_cancelNotifier.setEnabled(false);
            m_pool.stopAll();
        });
    }

    ModelOutcome run()
    {
        m_pool.start();
        if (m_pool.running() > 0)
            m_loop.exec();
        m_pool.reap();
        m_outcome.workerPeakRssMb = m_pool.peakRssMb();
        return m_outcome;
    }

private:
    void onTaskDone(int worker, const workerprotocol::TaskDone& done)
    {
        if (!done.completed) {
            // The worker's own reason (an I/O failure) crosses the pipe as a sentence and its values.
            fail(done.error.isEmpty()
                    ? Problem(QT_TRANSLATE_NOOP("conlab::Problem", "task %1 did not complete"), {done.task})
                    : done.error);
            return;
        }
        ++m_outcome.tasksCompleted;
        m_outcome.checksum += done.checksum;
        dispatchNext(worker);
    }

    void dispatchNext(int worker)
    {
        const auto& tasks = m_context.workload.tasks;
        if (m_pool.isStopping() || m_next >= int(tasks.size())) {
            m_pool.close(worker); // end of input: the worker exits on its own
            return;
        }
        m_pool.send(worker, tasks[std::size_t(m_next++)]);
    }

    void fail(const Problem& error)
    {
        if (m_outcome.error.isEmpty())
            m_outcome.error = error;
        m_pool.stopAll();
    }

    const ExecutionContext& m_context;
    QEventLoop m_loop;
    QSocketNotifier m_cancelNotifier;
    ModelOutcome m_outcome;
    int m_next = 0;
    ProcessPool m_pool; // last: destroyed first, while what its callbacks touch still exists
};

} // namespace

std::vector<LaneInfo> ProcessesModel::lanes(int workers, int tasks, const ModelOptions&) const
{
    // No GIL lane even with --gil: each worker process has its own interpreter and its own GIL.
    std::vector<LaneInfo> lanes;
    appendPoolLanes(lanes, poolSize(workers, tasks), QStringLiteral("process"), LaneKind::Process);
    return lanes;
}

ModelOutcome ProcessesModel::run(const ExecutionContext& context)
{
    if (context.cancel.isCancelled())
        return {};
    PoolRun pool(context);
    return pool.run();
}

} // namespace conlab
