#include "core/models/eventloop/slotrunner.h"

#include "core/models/counterphase.h"
#include "core/models/cpuphase.h"
#include "core/models/eventloop/executorcall.h"
#include "core/models/eventloop/looplock.h"
#include "core/models/eventloop/looprun.h"
#include "core/models/eventloop/loopwait.h"
#include "core/models/eventloop/yieldtoloop.h"
#include "core/models/lanewriter.h"
#include "core/models/waitrecording.h"
#include "core/run/canceltoken.h"
#include "core/trace/monotonicclock.h"
#include "core/workload/cpukernel.h"
#include "core/workload/workload.h"

#include <atomic>
#include <optional>

namespace conlab {

SlotRunner::SlotRunner(LoopRun& run, LaneWriter& lane)
    : m_run(run)
    , m_lane(lane)
{
}

QCoro::Task<TaskOutcome> SlotRunner::run(const TaskSpec& task)
{
    PhaseSequence phases(task, &m_run.shared());
    while (const std::optional<PhaseStep> step = phases.next()) {
        Problem error;
        if (!co_await performStep(*this, *step, error))
            phases.fail(error);
    }
    co_return phases.outcome();
}

QCoro::Task<bool> SlotRunner::cpu(const PhaseStep& step, Problem& error)
{
    CpuExecutor* executor = m_run.executor();
    if (!executor) {
        // Inline on the loop's thread: nothing else on the loop runs until it is done, as in asyncio.
        co_return runCpuPhase(m_lane, *step.state, step.amount, step.task, m_run.cancelToken(), m_run.cpuOptions());
    }
    // The slot's lane stays empty meanwhile: the phase shows on the executor's lane under the same task.
    const CpuExecutor::Result result
        = co_await ExecutorCall(m_run, CpuExecutor::Job {step.task, *step.state, step.amount});
    if (!result.completed) {
        error = result.error; // empty when cancelled
        co_return false;
    }
    *step.state = result.state;
    co_return true;
}

QCoro::Task<bool> SlotRunner::io(const PhaseStep& step, Problem& error)
{
    const std::int64_t begin = monotonicNowNs();
    const Exchange exchange = co_await roundTrip(step.token, step.amount);
    const IoResult& result = exchange.result;
    if (result.status != IoStatus::Ok) {
        m_lane.record(TaskState::WaitingIo, begin, monotonicNowNs(), step.task);
        error = result.error; // empty when cancelled
        co_return false;
    }
    // The server stamped when it sent the answer: from then on the task was runnable, but the loop was elsewhere
    // (or waiting for the GIL).
    recordWaitAndResume(m_lane, *step.state, result.reply.token, begin, result.reply.sentAtNs, exchange.resumedNs,
        step.task, m_run.lastGilWait());
    co_return true;
}

// asyncio's sock_connect/sock_sendall/sock_recv: the round trip tries each call first and asks for a wait only when
// it would block.
QCoro::Task<SlotRunner::Exchange> SlotRunner::roundTrip(std::uint64_t token, std::int64_t delayUs)
{
    Exchange exchange;
    const ExecutionContext& context = m_run.context();
    LatencyRoundTrip trip(context.ioPort, token, delayUs, LatencyRoundTrip::Mode::NonBlocking, context.cancel);
    while (const std::optional<SocketWait> wait = trip.advance()) {
        LoopWait ready(
            m_run, wait->fd, wait->writable ? QSocketNotifier::Write : QSocketNotifier::Read, wait->deadlineNs);
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

QCoro::Task<bool> SlotRunner::sleep(const PhaseStep& step)
{
    const std::int64_t begin = monotonicNowNs();
    const std::int64_t deadlineNs = begin + step.amount * 1000;
    LoopWait timer(m_run, -1, QSocketNotifier::Read, deadlineNs);
    const Woken woken = co_await timer;
    if (woken.result != WaitResult::TimedOut) {
        m_lane.record(TaskState::WaitingIo, begin, woken.atNs, step.task);
        co_return false;
    }
    recordWaitAndResume(m_lane, *step.state, std::uint64_t(step.amount), begin, deadlineNs, woken.atNs, step.task);
    co_return true;
}

QCoro::Task<bool> SlotRunner::increment(const PhaseStep& step)
{
    if (m_run.context().workload.spec.yieldBetween)
        co_return co_await incrementsAwaitingBetween(step);
    // Without an await in between nothing else on the loop can run between the read and the write: no lock needed.
    co_return runCounterPhase(m_lane, *step.state, step.amount, step.extra, step.task, m_run.shared(), false,
        &m_run.gil(), m_run.cancelToken());
}

QCoro::Task<bool> SlotRunner::incrementsAwaitingBetween(const PhaseStep& step)
{
    std::atomic<std::int64_t>& counter = m_run.shared().counter;
    LoopLock* lock = m_run.counterLock();
    const CancelToken& cancel = m_run.cancelToken();
    std::int64_t runningSince = monotonicNowNs();
    for (std::int64_t i = 0; i < step.amount; ++i) {
        if (cancel.isCancelled())
            break;
        if (lock)
            co_await lock->acquire();
        const std::int64_t value = counter.load(std::memory_order_relaxed);
        *step.state = cpuKernel(*step.state, step.extra);
        // `await asyncio.sleep(0)` between the read and the write: every other task runs its own read meanwhile.
        const std::int64_t yielded = monotonicNowNs();
        m_lane.record(TaskState::Running, runningSince, yielded, step.task);
        co_await YieldToLoop {m_run};
        runningSince = monotonicNowNs();
        m_lane.record(TaskState::Ready, yielded, runningSince, step.task);
        counter.store(value + 1, std::memory_order_relaxed);
        if (lock)
            lock->release();
    }
    m_lane.record(TaskState::Running, runningSince, monotonicNowNs(), step.task);
    co_return !cancel.isCancelled();
}

} // namespace conlab
