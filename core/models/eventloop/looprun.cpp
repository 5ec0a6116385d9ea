#include "core/models/eventloop/looprun.h"

#include "core/models/eventloop/looplock.h"
#include "core/models/eventloop/loopwait.h"
#include "core/models/eventloop/slotrunner.h"
#include "core/models/eventloop/yieldtoloop.h"
#include "core/models/lanewriter.h"
#include "core/models/poollanes.h"
#include "core/models/processexecutor.h"
#include "core/models/threadexecutor.h"
#include "core/run/canceltoken.h"
#include "core/trace/monotonicclock.h"
#include "core/workload/workload.h"

#include <QAbstractEventDispatcher>

namespace conlab {

LoopRun::LoopRun(const ExecutionContext& context)
    : m_context(context)
    , m_gil(context.gil, -1)
    , m_cpuOptions {context.workload.sliceIterations, slowCallbackDurationNs, &m_gil}
    , m_cancelNotifier(context.cancel.fd(), QSocketNotifier::Read)
{
    if (context.workload.spec.lock)
        m_counterLock = std::make_unique<LoopLock>(*this);
    const int slotTotal = poolSize(context.workers, int(context.workload.tasks.size()));
    const int executors = executorWorkers(context.offload, slotTotal);
    if (context.offload == OffloadKind::Threads)
        m_executor = std::make_unique<ThreadExecutor>(context, std::uint16_t(slotTotal), executors);
    else if (context.offload == OffloadKind::Processes)
        m_executor = std::make_unique<ProcessExecutor>(context, std::uint16_t(slotTotal), executors);
    if (m_gil.enabled()) {
        // With the GLib dispatcher `awake` comes only after the sources were dispatched, so drainReady() takes the GIL
        // back too: between the two, every coroutine runs with it.
        QAbstractEventDispatcher* dispatcher = QAbstractEventDispatcher::instance();
        QObject::connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, &m_loop, [this] { m_gil.release(); });
        QObject::connect(dispatcher, &QAbstractEventDispatcher::awake, &m_loop, [this] { ensureGil(); });
    }
    m_readyTimer.setInterval(0);
    m_readyTimer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&m_readyTimer, &QTimer::timeout, &m_loop, [this] { drainReady(); });
    QObject::connect(&m_cancelNotifier, &QSocketNotifier::activated, &m_loop, [this] {
        // The eventfd stays readable once cancelled: one activation is all there is to hear.
        m_cancelNotifier.setEnabled(false);
        cancelWaits();
        if (m_executor)
            m_executor->cancel();
    });
}

// Declared here, where LoopLock and CpuExecutor's subclasses are complete.
LoopRun::~LoopRun() = default;

void LoopRun::ensureGil()
{
    if (!m_gil.enabled() || m_gil.holds())
        return;
    const std::int64_t begin = monotonicNowNs();
    bool waited = false;
    m_gil.acquire(&waited);
    if (waited)
        m_lastGilWait = GilWait {begin, monotonicNowNs()};
}

ModelOutcome LoopRun::run()
{
    const int count = poolSize(m_context.workers, int(m_context.workload.tasks.size()));
    std::vector<QCoro::Task<>> slotTasks;
    slotTasks.reserve(std::size_t(count));
    m_slotsRunning = count;
    // Each slot starts eagerly but suspends at once, so all the work happens inside exec().
    ensureGil();
    for (int i = 0; i < count; ++i)
        slotTasks.push_back(slot(i));
    if (m_slotsRunning > 0)
        m_loop.exec();
    // exec() only returns early if someone quits every loop of this thread (QThread::quit). The coroutines must run
    // to their end regardless: their frames, notifiers and timers point into this run.
    while (m_slotsRunning > 0)
        m_loop.processEvents(QEventLoop::WaitForMoreEvents);
    m_gil.release();
    // Every slot ran to its end, so each Task now frees a finished frame.
    return m_outcome;
}

void LoopRun::schedule(std::coroutine_handle<> coroutine)
{
    m_ready.push_back(coroutine);
    if (!m_readyTimer.isActive())
        m_readyTimer.start();
}

void LoopRun::drainReady()
{
    // One pass of asyncio's _run_once: only what was ready when the pass began runs now. Whatever it schedules waits
    // for the next pass, after the loop has looked at its sockets and timers again.
    ensureGil();
    m_resuming.swap(m_ready);
    for (const std::coroutine_handle<> coroutine : m_resuming)
        coroutine.resume();
    m_resuming.clear();
    if (m_ready.empty())
        m_readyTimer.stop();
}

void LoopRun::addWait(LoopWait& wait)
{
    wait.m_previous = nullptr;
    wait.m_next = m_waits;
    if (m_waits)
        m_waits->m_previous = &wait;
    m_waits = &wait;
}

void LoopRun::removeWait(LoopWait& wait)
{
    if (wait.m_previous)
        wait.m_previous->m_next = wait.m_next;
    else
        m_waits = wait.m_next;
    if (wait.m_next)
        wait.m_next->m_previous = wait.m_previous;
    wait.m_previous = wait.m_next = nullptr;
}

void LoopRun::cancelWaits()
{
    while (m_waits)
        m_waits->finish(WaitResult::Cancelled); // unlinks it
}

void LoopRun::fail(const Problem& error)
{
    if (m_outcome.error.isEmpty())
        m_outcome.error = error;
    m_failed = true;
}

QCoro::Task<> LoopRun::slot(int index)
{
    LaneWriter lane(m_context.recorder, std::uint16_t(index));
    SlotRunner runner(*this, lane);
    const auto& tasks = m_context.workload.tasks;
    // Like create_task, the slot's first step runs from the loop, not from the caller.
    co_await YieldToLoop {*this};
    while (!m_failed && !m_context.cancel.isCancelled() && m_nextTask < int(tasks.size())) {
        const TaskSpec& task = tasks[std::size_t(m_nextTask++)];
        const TaskOutcome outcome = co_await runner.run(task);
        if (!outcome.completed) {
            if (!outcome.error.isEmpty())
                fail(outcome.error);
            break;
        }
        ++m_outcome.tasksCompleted;
        m_outcome.checksum += outcome.checksum;
        // One turn of the loop between two tasks: the other slots, and every wait that completed meanwhile,
        // get to run before this slot starts its next task.
        co_await YieldToLoop {*this};
    }
    if (--m_slotsRunning == 0)
        m_loop.quit();
}

} // namespace conlab
