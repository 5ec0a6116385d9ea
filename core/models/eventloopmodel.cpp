// Why QCoro plus awaiters of our own: QCoro gives the coroutine type (QCoro::Task) and the co_await plumbing between
// coroutines. What a task waits for is watched by the small awaiters below, on raw descriptors, so the I/O path is
// the same wire code as the blocking client's (LatencyRoundTrip) and every wait can also watch the cancel token's
// eventfd: a cancelled run wakes every suspended task at once.

#include "core/models/eventloopmodel.h"

#include "core/gil/gillane.h"
#include "core/gil/gilthread.h"
#include "core/models/counterphase.h"
#include "core/models/cpuexecutor.h"
#include "core/models/cpuphase.h"
#include "core/models/lanewriter.h"
#include "core/models/processexecutor.h"
#include "core/models/sharedstate.h"
#include "core/models/taskexecutor.h"
#include "core/models/threadexecutor.h"
#include "core/models/waitrecording.h"
#include "core/run/canceltoken.h"
#include "core/trace/monotonicclock.h"
#include "core/workload/cpukernel.h"
#include "core/workload/latencyroundtrip.h"
#include "core/workload/workload.h"

#include <QAbstractEventDispatcher>
#include <QCoro/QCoroTask>
#include <QEventLoop>
#include <QSocketNotifier>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <coroutine>
#include <deque>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace conlab {
namespace {

// asyncio's slow_callback_duration: a CPU phase that holds the loop longer than this is shown as blocking it.
constexpr std::int64_t slowCallbackDurationNs = 100'000'000;

int slotCount(int workers, int tasks)
{
    return std::max(1, std::min(workers, tasks));
}

struct Woken
{
    WaitResult result = WaitResult::Cancelled;
    std::int64_t atNs = 0; // when the coroutine actually ran again: the end of its `ready` time
};

struct IoExchange
{
    IoResult result;
    std::int64_t resumedNs = 0;
};

class LoopWait;
class LoopLock;

// One run of the model: the loop, its ready queue, the hand-out of task indices and the outcome. Lives on the
// engine thread's stack; every coroutine, notifier and timer it makes is gone before run() returns.
class LoopRun
{
public:
    explicit LoopRun(const ExecutionContext& context);

    ModelOutcome run();

    const CancelToken& cancelToken() const { return m_context.cancel; }

    // asyncio's call_soon for a suspended coroutine: it runs on the loop's next pass.
    void schedule(std::coroutine_handle<> coroutine);

    void addWait(LoopWait& wait);
    void removeWait(LoopWait& wait);

    CpuExecutor* executor() const { return m_executor.get(); }
    SharedState& shared() { return m_context.shared ? *m_context.shared : m_ownShared; }

private:
    QCoro::Task<> slot(int index);
    QCoro::Task<TaskOutcome> runTask(LaneWriter& lane, const TaskSpec& task);
    QCoro::Task<bool> waitIo(
        LaneWriter& lane, std::uint64_t& state, std::int64_t delayUs, const TaskSpec& task, QString& error);
    QCoro::Task<IoExchange> roundTrip(std::uint64_t token, std::int64_t delayUs);
    QCoro::Task<bool> sleep(LaneWriter& lane, std::uint64_t& state, std::int64_t delayUs, int task);
    QCoro::Task<bool> runCpu(LaneWriter& lane, std::uint64_t& state, std::int64_t iterations, int task, QString& error);
    QCoro::Task<bool> convoyIo(LaneWriter& lane, const Phase& phase, const TaskSpec& task, QString& error);
    QCoro::Task<bool> incrementsAwaitingBetween(LaneWriter& lane, std::uint64_t& state, const Phase& phase, int task);

    // The loop's thread runs Python code only while holding the GIL: it takes it back before running coroutines and
    // drops it when the loop is about to block in poll, as CPython's selector call does.
    void ensureGil();

    void drainReady();
    void cancelWaits();
    void fail(const QString& error);

    const ExecutionContext& m_context;
    GilThread m_gil; // before m_loop: the loop's connections to it go first
    GilWait m_lastGilWait; // the loop thread's latest wait to take the GIL back
    const CpuPhaseOptions m_cpuOptions;
    SharedState m_ownShared; // for a context without shared state: one thread, so one run's globals
    std::unique_ptr<LoopLock> m_counterLock; // --lock: asyncio.Lock
    std::unique_ptr<CpuExecutor> m_executor; // --offload: run_in_executor; null runs CPU phases inline
    QEventLoop m_loop;
    QSocketNotifier m_cancelNotifier;
    std::vector<std::coroutine_handle<>> m_ready;
    std::vector<std::coroutine_handle<>> m_resuming; // the pass being run; kept to reuse its allocation
    // Runs one pass of the ready queue per turn of the loop while the queue is not empty. A zero timer rather than a
    // posted call per pass: it needs no wake-up write, so a turn costs one poll and no allocation.
    QTimer m_readyTimer;
    LoopWait* m_waits = nullptr; // every suspended wait, so cancel can wake each of them
    int m_slotsRunning = 0;
    int m_nextTask = 0;
    bool m_failed = false;
    ModelOutcome m_outcome;
};

// Suspends the awaiting coroutine until `fd` is ready for `type`, the monotonic deadline passes (0: none) or the
// run is cancelled, whichever comes first; fd -1 waits for the deadline alone. The coroutine is resumed exactly
// once, from the run's ready queue: never from inside the notifier's or timer's own signal, so it may destroy
// this awaiter (and them) as soon as it runs.
class LoopWait
{
public:
    LoopWait(LoopRun& run, int fd, QSocketNotifier::Type type, std::int64_t deadlineNs)
        : m_run(run)
        , m_fd(fd)
        , m_type(type)
        , m_deadlineNs(deadlineNs)
    {
    }
    LoopWait(const LoopWait&) = delete;
    LoopWait& operator=(const LoopWait&) = delete;

    // A small copyable awaiter that points back here: the compiler may copy what co_await is given, and the
    // notifier and timer this wait owns must stay where they are.
    auto operator co_await() noexcept
    {
        struct Awaiter
        {
            LoopWait& wait;

            // After cancel nothing waits: the result is Cancelled straight away.
            bool await_ready() const noexcept { return wait.m_run.cancelToken().isCancelled(); }
            void await_suspend(std::coroutine_handle<> coroutine) const { wait.suspend(coroutine); }
            Woken await_resume() const noexcept { return Woken {wait.m_result, monotonicNowNs()}; }
        };
        return Awaiter {*this};
    }

    void finish(WaitResult result)
    {
        if (!m_coroutine)
            return;
        m_result = result;
        if (m_notifier)
            m_notifier->setEnabled(false);
        if (m_timer)
            m_timer->stop();
        m_run.removeWait(*this);
        m_run.schedule(std::exchange(m_coroutine, nullptr));
    }

private:
    friend class LoopRun;

    void suspend(std::coroutine_handle<> coroutine)
    {
        m_coroutine = coroutine;
        m_run.addWait(*this);
        if (m_fd >= 0) {
            m_notifier.emplace(qintptr(m_fd), m_type);
            QObject::connect(
                &*m_notifier, &QSocketNotifier::activated, &*m_notifier, [this] { finish(WaitResult::Ready); });
        }
        if (m_deadlineNs > 0) {
            m_timer.emplace();
            m_timer->setSingleShot(true);
            m_timer->setTimerType(Qt::PreciseTimer);
            QObject::connect(&*m_timer, &QTimer::timeout, &*m_timer, [this] { onTimer(); });
            armTimer();
        }
    }

    void onTimer()
    {
        if (monotonicNowNs() < m_deadlineNs)
            armTimer();
        else
            finish(WaitResult::TimedOut);
    }

    void armTimer()
    {
        const std::int64_t remainingNs = std::max<std::int64_t>(0, m_deadlineNs - monotonicNowNs());
        // Qt counts whole milliseconds: rounding up keeps the timer from firing before the deadline.
        m_timer->start(std::chrono::milliseconds((remainingNs + 999'999) / 1'000'000));
    }

    LoopRun& m_run;
    const int m_fd;
    const QSocketNotifier::Type m_type;
    const std::int64_t m_deadlineNs;
    std::coroutine_handle<> m_coroutine; // set while suspended
    WaitResult m_result = WaitResult::Cancelled;
    std::optional<QSocketNotifier> m_notifier;
    std::optional<QTimer> m_timer;
    LoopWait* m_previous = nullptr; // the run's list of pending waits
    LoopWait* m_next = nullptr;
};

// Hands the coroutine back to the loop for one turn: asyncio's `await asyncio.sleep(0)`.
struct YieldToLoop
{
    LoopRun& run;

    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> coroutine) const { run.schedule(coroutine); }
    void await_resume() const noexcept { }
};

// asyncio.Lock: no thread can interrupt a coroutine, so it only matters across an await. Waiters get it in order;
// every holder resumes from the ready queue and releases it, so no waiter is left behind, cancel or not.
class LoopLock
{
public:
    explicit LoopLock(LoopRun& run)
        : m_run(run)
    {
    }

    auto acquire()
    {
        struct Awaiter
        {
            LoopLock& lock;

            bool await_ready() const noexcept { return !std::exchange(lock.m_locked, true); }
            void await_suspend(std::coroutine_handle<> coroutine) const { lock.m_waiters.push_back(coroutine); }
            void await_resume() const noexcept { }
        };
        return Awaiter {*this};
    }

    // Hands the lock straight to the next waiter, if any: it stays locked on its behalf.
    void release()
    {
        if (m_waiters.empty()) {
            m_locked = false;
            return;
        }
        m_run.schedule(m_waiters.front());
        m_waiters.pop_front();
    }

private:
    LoopRun& m_run;
    bool m_locked = false;
    std::deque<std::coroutine_handle<>> m_waiters;
};

// Awaits a CPU phase run by the loop's executor: `await loop.run_in_executor(pool, work)`.
class ExecutorCall
{
public:
    ExecutorCall(LoopRun& run, const CpuExecutor::Job& job)
        : m_run(run)
        , m_job(job)
    {
    }

    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> coroutine)
    {
        // The result comes back through the ready queue, like any wake-up: never straight into the coroutine.
        m_run.executor()->submit(m_job, [this, coroutine](const CpuExecutor::Result& result) {
            m_result = result;
            m_run.schedule(coroutine);
        });
    }
    CpuExecutor::Result await_resume() const { return m_result; }

private:
    LoopRun& m_run;
    CpuExecutor::Job m_job;
    CpuExecutor::Result m_result;
};

LoopRun::LoopRun(const ExecutionContext& context)
    : m_context(context)
    , m_gil(context.gil, -1)
    , m_cpuOptions {context.workload.sliceIterations, slowCallbackDurationNs, &m_gil}
    , m_cancelNotifier(context.cancel.fd(), QSocketNotifier::Read)
{
    if (context.workload.spec.lock)
        m_counterLock = std::make_unique<LoopLock>(*this);
    const int slotTotal = slotCount(context.workers, int(context.workload.tasks.size()));
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
    const int count = slotCount(m_context.workers, int(m_context.workload.tasks.size()));
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

void LoopRun::fail(const QString& error)
{
    if (m_outcome.error.isEmpty())
        m_outcome.error = error;
    m_failed = true;
}

QCoro::Task<> LoopRun::slot(int index)
{
    LaneWriter lane(m_context.recorder, std::uint16_t(index));
    const auto& tasks = m_context.workload.tasks;
    // Like create_task, the slot's first step runs from the loop, not from the caller.
    co_await YieldToLoop {*this};
    while (!m_failed && !m_context.cancel.isCancelled() && m_nextTask < int(tasks.size())) {
        const TaskSpec& task = tasks[std::size_t(m_nextTask++)];
        const TaskOutcome outcome = co_await runTask(lane, task);
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

QCoro::Task<TaskOutcome> LoopRun::runTask(LaneWriter& lane, const TaskSpec& task)
{
    // The same checksum chain as TaskExecutor::run, so every model reaches the same sum.
    TaskOutcome outcome;
    std::uint64_t state = task.seed;
    for (const Phase& phase : task.phases) {
        bool ok = false;
        switch (phase.kind) {
        case PhaseKind::Cpu:
            ok = co_await runCpu(lane, state, phase.amount, task.id, outcome.error);
            break;
        case PhaseKind::Io:
            ok = co_await waitIo(lane, state, phase.amount, task, outcome.error);
            break;
        case PhaseKind::Sleep:
            ok = co_await sleep(lane, state, phase.amount, task.id);
            break;
        case PhaseKind::ConvoyIo:
            ok = co_await convoyIo(lane, phase, task, outcome.error);
            break;
        case PhaseKind::ConvoyEnd:
            shared().convoyOver.store(true, std::memory_order_relaxed);
            ok = true;
            break;
        case PhaseKind::Increment:
            // Without an await in between nothing else on the loop can run between the read and the write.
            if (m_context.workload.spec.yieldBetween)
                ok = co_await incrementsAwaitingBetween(lane, state, phase, task.id);
            else
                ok = runCounterPhase(
                    lane, state, phase.amount, phase.extra, task.id, shared(), false, &m_gil, m_context.cancel);
            break;
        }
        if (!ok)
            co_return outcome;
    }
    outcome.completed = true;
    outcome.checksum = state;
    co_return outcome;
}

QCoro::Task<bool> LoopRun::waitIo(
    LaneWriter& lane, std::uint64_t& state, std::int64_t delayUs, const TaskSpec& task, QString& error)
{
    const std::int64_t begin = monotonicNowNs();
    const IoExchange exchange = co_await roundTrip(task.seed, delayUs);
    const IoResult& result = exchange.result;
    if (result.status != IoStatus::Ok) {
        lane.record(TaskState::WaitingIo, begin, monotonicNowNs(), task.id);
        if (result.status != IoStatus::Cancelled)
            error = QStringLiteral("task %1: %2").arg(task.id).arg(result.error);
        co_return false;
    }
    // The server stamped when it sent the answer: from then on the task was runnable, but the loop was elsewhere
    // (or waiting for the GIL).
    recordWaitAndResume(
        lane, state, result.reply.token, begin, result.reply.sentAtNs, exchange.resumedNs, task.id, m_lastGilWait);
    co_return true;
}

QCoro::Task<bool> LoopRun::runCpu(
    LaneWriter& lane, std::uint64_t& state, std::int64_t iterations, int task, QString& error)
{
    if (!m_executor) {
        // Inline on the loop's thread: nothing else on the loop runs until it is done, as in asyncio.
        co_return runCpuPhase(lane, state, iterations, task, m_context.cancel, m_cpuOptions);
    }
    // The slot's lane stays empty meanwhile: the phase shows on the executor's lane under the same task.
    const CpuExecutor::Result result = co_await ExecutorCall(*this, CpuExecutor::Job {task, state, iterations});
    if (!result.completed) {
        if (!result.error.isEmpty())
            error = QStringLiteral("task %1: %2").arg(task).arg(result.error);
        co_return false;
    }
    state = result.state;
    co_return true;
}

QCoro::Task<bool> LoopRun::convoyIo(LaneWriter& lane, const Phase& phase, const TaskSpec& task, QString& error)
{
    // As TaskExecutor::convoyIo: replies go into a scratch state, so the checksum does not count round trips.
    std::uint64_t scratch = task.seed;
    const std::int64_t stopNs = monotonicNowNs() + phase.extra * 1000;
    do {
        if (!co_await waitIo(lane, scratch, phase.amount, task, error))
            co_return false;
    } while (!shared().convoyOver.load(std::memory_order_relaxed) && monotonicNowNs() < stopNs);
    co_return true;
}

QCoro::Task<bool> LoopRun::incrementsAwaitingBetween(
    LaneWriter& lane, std::uint64_t& state, const Phase& phase, int task)
{
    std::atomic<std::int64_t>& counter = shared().counter;
    std::int64_t runningSince = monotonicNowNs();
    for (std::int64_t i = 0; i < phase.amount; ++i) {
        if (m_context.cancel.isCancelled())
            break;
        if (m_counterLock)
            co_await m_counterLock->acquire();
        const std::int64_t value = counter.load(std::memory_order_relaxed);
        state = cpuKernel(state, phase.extra);
        // `await asyncio.sleep(0)` between the read and the write: every other task runs its own read meanwhile.
        const std::int64_t yielded = monotonicNowNs();
        lane.record(TaskState::Running, runningSince, yielded, task);
        co_await YieldToLoop {*this};
        runningSince = monotonicNowNs();
        lane.record(TaskState::Ready, yielded, runningSince, task);
        counter.store(value + 1, std::memory_order_relaxed);
        if (m_counterLock)
            m_counterLock->release();
    }
    lane.record(TaskState::Running, runningSince, monotonicNowNs(), task);
    co_return !m_context.cancel.isCancelled();
}

// asyncio's sock_connect/sock_sendall/sock_recv: the round trip tries each call first and asks for a wait only when
// it would block.
QCoro::Task<IoExchange> LoopRun::roundTrip(std::uint64_t token, std::int64_t delayUs)
{
    IoExchange exchange;
    LatencyRoundTrip trip(m_context.ioPort, token, delayUs, LatencyRoundTrip::Mode::NonBlocking, m_context.cancel);
    while (const std::optional<SocketWait> wait = trip.advance()) {
        LoopWait ready(
            *this, wait->fd, wait->writable ? QSocketNotifier::Write : QSocketNotifier::Read, wait->deadlineNs);
        const Woken woken = co_await ready;
        if (!wait->writable)
            exchange.resumedNs = woken.atNs;
        trip.waited(woken.result);
    }
    exchange.result = trip.result();
    if (exchange.resumedNs == 0)
        exchange.resumedNs = monotonicNowNs(); // the reply was already there: the task never stopped running
    co_return exchange;
}

QCoro::Task<bool> LoopRun::sleep(LaneWriter& lane, std::uint64_t& state, std::int64_t delayUs, int task)
{
    const std::int64_t begin = monotonicNowNs();
    const std::int64_t deadlineNs = begin + delayUs * 1000;
    LoopWait timer(*this, -1, QSocketNotifier::Read, deadlineNs);
    const Woken woken = co_await timer;
    if (woken.result != WaitResult::TimedOut) {
        lane.record(TaskState::WaitingIo, begin, woken.atNs, task);
        co_return false;
    }
    recordWaitAndResume(lane, state, std::uint64_t(delayUs), begin, deadlineNs, woken.atNs, task);
    co_return true;
}

} // namespace

std::vector<LaneInfo> EventLoopModel::lanes(int workers, int tasks, const ModelOptions& options) const
{
    std::vector<LaneInfo> lanes;
    const int slotTotal = slotCount(workers, tasks);
    for (int i = 0; i < slotTotal; ++i)
        lanes.push_back(LaneInfo {QStringLiteral("slot %1").arg(i + 1), LaneKind::LoopSlot});
    for (int i = 0; i < executorWorkers(options.offload, slotTotal); ++i) {
        if (options.offload == OffloadKind::Threads)
            lanes.push_back(LaneInfo {QStringLiteral("executor thread %1").arg(i + 1), LaneKind::Thread});
        else
            lanes.push_back(LaneInfo {QStringLiteral("executor process %1").arg(i + 1), LaneKind::Process});
    }
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
