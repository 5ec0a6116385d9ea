// Why QCoro plus awaiters of our own: QCoro gives the coroutine type (QCoro::Task) and the co_await plumbing between
// coroutines. What a task waits for is watched by the small awaiters below, on raw descriptors, so the I/O path is
// the same wire code as the blocking client's (openConnectedSocket, encodeRequest, decodeReply) and every wait can
// also watch the cancel token's eventfd: a cancelled run wakes every suspended task at once.

#include "eventloopmodel.h"

#include "cpuphase.h"
#include "lanewriter.h"
#include "run/canceltoken.h"
#include "taskexecutor.h"
#include "trace/monotonicclock.h"
#include "waitrecording.h"
#include "workload/ioclient.h"
#include "workload/workload.h"

#include <QCoro/QCoroTask>
#include <QEventLoop>
#include <QSocketNotifier>
#include <QTimer>
#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <coroutine>
#include <cstring>
#include <optional>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace conlab {
namespace {

// asyncio's slow_callback_duration: a CPU phase that holds the loop longer than this is shown as blocking it.
constexpr std::int64_t slowCallbackDurationNs = 100'000'000;

// How long a request may stay unanswered beyond its own latency before the task fails (as in the blocking
// client); also the limit for connecting and sending.
constexpr std::int64_t ioGraceNs = 10'000'000'000;

int slotCount(int workers, int tasks)
{
    return std::max(1, std::min(workers, tasks));
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

bool readyNow(int fd, short events)
{
    pollfd pfd {fd, events, 0};
    return ::poll(&pfd, 1, 0) > 0;
}

// Closes a task's socket on every way out of its round trip.
class FdCloser
{
public:
    explicit FdCloser(int fd)
        : m_fd(fd)
    {
    }
    ~FdCloser() { ::close(m_fd); }
    FdCloser(const FdCloser&) = delete;
    FdCloser& operator=(const FdCloser&) = delete;

private:
    int m_fd;
};

// For a wait on a descriptor, TimedOut is a failure; for a pure timer wait (a sleep) it is the normal end.
enum class WaitResult
{
    Ready,
    TimedOut,
    Cancelled
};

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

private:
    QCoro::Task<> slot(int index);
    QCoro::Task<TaskOutcome> runTask(LaneWriter& lane, const TaskSpec& task);
    QCoro::Task<bool> waitIo(
        LaneWriter& lane, std::uint64_t& state, std::int64_t delayUs, const TaskSpec& task, QString& error);
    QCoro::Task<IoExchange> roundTrip(std::uint64_t token, std::int64_t delayUs);
    QCoro::Task<bool> sleep(LaneWriter& lane, std::uint64_t& state, std::int64_t delayUs, int task);

    void drainReady();
    void cancelWaits();
    void fail(const QString& error);

    const ExecutionContext& m_context;
    const CpuPhaseOptions m_cpuOptions;
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

LoopRun::LoopRun(const ExecutionContext& context)
    : m_context(context)
    , m_cpuOptions {context.workload.sliceIterations, slowCallbackDurationNs}
    , m_cancelNotifier(context.cancel.fd(), QSocketNotifier::Read)
{
    m_readyTimer.setInterval(0);
    m_readyTimer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&m_readyTimer, &QTimer::timeout, &m_loop, [this] { drainReady(); });
    QObject::connect(&m_cancelNotifier, &QSocketNotifier::activated, &m_loop, [this] {
        // The eventfd stays readable once cancelled: one activation is all there is to hear.
        m_cancelNotifier.setEnabled(false);
        cancelWaits();
    });
}

ModelOutcome LoopRun::run()
{
    const int count = slotCount(m_context.workers, int(m_context.workload.tasks.size()));
    std::vector<QCoro::Task<>> slotTasks;
    slotTasks.reserve(std::size_t(count));
    m_slotsRunning = count;
    // Each slot starts eagerly but suspends at once, so all the work happens inside exec().
    for (int i = 0; i < count; ++i)
        slotTasks.push_back(slot(i));
    if (m_slotsRunning > 0)
        m_loop.exec();
    // exec() only returns early if someone quits every loop of this thread (QThread::quit). The coroutines must run
    // to their end regardless: their frames, notifiers and timers point into this run.
    while (m_slotsRunning > 0)
        m_loop.processEvents(QEventLoop::WaitForMoreEvents);
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
            // Inline on the loop's thread: nothing else on the loop runs until it is done, as in asyncio.
            ok = runCpuPhase(lane, state, phase.amount, task.id, m_context.cancel, m_cpuOptions);
            break;
        case PhaseKind::Io:
            ok = co_await waitIo(lane, state, phase.amount, task, outcome.error);
            break;
        case PhaseKind::Sleep:
            ok = co_await sleep(lane, state, phase.amount, task.id);
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
    // The server stamped when it sent the answer: from then on the task was runnable, but the loop was elsewhere.
    recordWaitAndResume(lane, state, result.reply.token, begin, result.reply.sentAtNs, exchange.resumedNs, task.id);
    co_return true;
}

// asyncio's sock_connect/sock_sendall/sock_recv: try the call first, wait for the descriptor only when it would
// block.
QCoro::Task<IoExchange> LoopRun::roundTrip(std::uint64_t token, std::int64_t delayUs)
{
    IoExchange exchange;
    IoResult& result = exchange.result;
    const auto failWith = [&result](IoStatus status, QString error) {
        result.status = status;
        result.error = std::move(error);
    };
    const auto failWait = [&](WaitResult wait, const QString& what) {
        if (wait == WaitResult::Cancelled)
            failWith(IoStatus::Cancelled, {});
        else
            failWith(IoStatus::TimedOut, QStringLiteral("%1 within %2 ms").arg(what).arg(ioGraceNs / 1'000'000));
    };
    if (m_context.cancel.isCancelled()) {
        failWith(IoStatus::Cancelled, {});
        co_return exchange;
    }

    QString error;
    const int fd = openConnectedSocket(m_context.ioPort, true, &error);
    if (fd < 0) {
        failWith(IoStatus::Failed, error);
        co_return exchange;
    }
    const FdCloser closer(fd);

    if (!readyNow(fd, POLLOUT)) {
        LoopWait connected(*this, fd, QSocketNotifier::Write, monotonicNowNs() + ioGraceNs);
        const Woken woken = co_await connected;
        if (woken.result != WaitResult::Ready) {
            failWait(woken.result, QStringLiteral("could not connect to the latency server"));
            co_return exchange;
        }
    }
    int connectError = 0;
    socklen_t length = sizeof connectError;
    if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &connectError, &length) < 0)
        connectError = errno;
    if (connectError != 0) {
        failWith(IoStatus::Failed,
            QStringLiteral("cannot connect to the latency server on port %1: %2")
                .arg(m_context.ioPort)
                .arg(errnoText(connectError)));
        co_return exchange;
    }

    const auto request = encodeRequest(token, delayUs);
    for (std::size_t sent = 0; sent < request.size();) {
        const ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n >= 0) {
            sent += std::size_t(n);
            continue;
        }
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) {
            failWith(IoStatus::Failed, QStringLiteral("cannot send the request: %1").arg(errnoText(errno)));
            co_return exchange;
        }
        LoopWait writable(*this, fd, QSocketNotifier::Write, monotonicNowNs() + ioGraceNs);
        const Woken woken = co_await writable;
        if (woken.result != WaitResult::Ready) {
            failWait(woken.result, QStringLiteral("could not send the request"));
            co_return exchange;
        }
    }

    // As in the blocking client, the timeout runs from the moment the request is out.
    const std::int64_t timeoutNs = std::max<std::int64_t>(0, delayUs) * 1000 + ioGraceNs;
    const std::int64_t deadlineNs = monotonicNowNs() + timeoutNs;
    std::array<char, ioMessageBytes> reply {};
    for (std::size_t received = 0; received < reply.size();) {
        const ssize_t n = ::recv(fd, reply.data() + received, reply.size() - received, MSG_DONTWAIT);
        if (n > 0) {
            received += std::size_t(n);
            continue;
        }
        if (n == 0) {
            failWith(IoStatus::Failed, QStringLiteral("the latency server closed the connection before replying"));
            co_return exchange;
        }
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) {
            failWith(IoStatus::Failed, QStringLiteral("reading the reply failed: %1").arg(errnoText(errno)));
            co_return exchange;
        }
        LoopWait readable(*this, fd, QSocketNotifier::Read, deadlineNs);
        const Woken woken = co_await readable;
        exchange.resumedNs = woken.atNs;
        if (woken.result == WaitResult::Cancelled) {
            failWith(IoStatus::Cancelled, {});
            co_return exchange;
        }
        if (woken.result == WaitResult::TimedOut) {
            failWith(IoStatus::TimedOut,
                QStringLiteral("no answer from the latency server within %1 ms").arg(timeoutNs / 1'000'000));
            co_return exchange;
        }
    }
    if (exchange.resumedNs == 0)
        exchange.resumedNs = monotonicNowNs(); // the reply was already there: the task never stopped running

    result.reply = decodeReply(reply.data());
    if (result.reply.token != token) {
        failWith(IoStatus::Failed,
            QStringLiteral("the latency server answered token %1 to request %2").arg(result.reply.token).arg(token));
        co_return exchange;
    }
    result.status = IoStatus::Ok;
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

std::vector<LaneInfo> EventLoopModel::lanes(int workers, int tasks) const
{
    std::vector<LaneInfo> lanes;
    for (int i = 0; i < slotCount(workers, tasks); ++i)
        lanes.push_back(LaneInfo {QStringLiteral("slot %1").arg(i + 1), LaneKind::LoopSlot});
    return lanes;
}

ModelOutcome EventLoopModel::run(const ExecutionContext& context)
{
    LoopRun run(context);
    return run.run();
}

} // namespace conlab
