#include "core/models/taskexecutor.h"

#include "core/models/counterphase.h"
#include "core/models/cpuphase.h"
#include "core/models/sharedstate.h"
#include "core/models/waitrecording.h"
#include "core/run/canceltoken.h"
#include "core/trace/monotonicclock.h"
#include "core/workload/ioclient.h"
#include "core/workload/workload.h"

namespace conlab {

TaskExecutor::TaskExecutor(const ExecutionContext& context, std::uint16_t lane)
    : m_context(context)
    , m_lane(context.recorder, lane)
    , m_gil(context.gil, lane)
{
}

bool TaskExecutor::takeGil()
{
    const std::int64_t begin = monotonicNowNs();
    bool waited = false;
    const bool ok = m_gil.acquire(&waited);
    if (waited)
        m_lane.record(TaskState::WaitingGil, begin, monotonicNowNs(), -1);
    return ok;
}

TaskOutcome TaskExecutor::run(const TaskSpec& task)
{
    TaskOutcome outcome;
    std::uint64_t state = task.seed;
    const CpuPhaseOptions cpuOptions {m_context.workload.sliceIterations, 0, &m_gil};
    for (const Phase& phase : task.phases) {
        bool ok = false;
        switch (phase.kind) {
        case PhaseKind::Cpu:
            ok = runCpuPhase(m_lane, state, phase.amount, task.id, m_context.cancel, cpuOptions);
            break;
        case PhaseKind::Io:
            ok = waitIo(state, phase.amount, task.seed, task.id, outcome.error);
            break;
        case PhaseKind::Sleep:
            ok = sleep(state, phase.amount, task.id);
            break;
        case PhaseKind::ConvoyIo:
            ok = convoyIo(phase, task.seed, task.id, outcome.error);
            break;
        case PhaseKind::ConvoyEnd:
        case PhaseKind::Increment:
            if (!m_context.shared) {
                outcome.error = QStringLiteral("task %1: this workload needs the run's shared state").arg(task.id);
                return outcome;
            }
            if (phase.kind == PhaseKind::ConvoyEnd) {
                m_context.shared->convoyOver.store(true, std::memory_order_relaxed);
                ok = true;
            } else {
                ok = runCounterPhase(m_lane, state, phase.amount, phase.extra, task.id, *m_context.shared,
                    m_context.workload.spec.lock, &m_gil, m_context.cancel);
            }
            break;
        }
        if (!ok)
            return outcome;
    }
    outcome.completed = true;
    outcome.checksum = state;
    return outcome;
}

std::int64_t TaskExecutor::retakeGil(bool& ok)
{
    ok = m_gil.acquire();
    return monotonicNowNs();
}

bool TaskExecutor::waitIo(std::uint64_t& state, std::int64_t delayUs, std::uint64_t token, int task, QString& error)
{
    const std::int64_t begin = monotonicNowNs();
    m_gil.release();
    const IoResult result = blockingRoundTrip(m_context.ioPort, token, delayUs, m_context.cancel);
    const std::int64_t done = monotonicNowNs();
    bool gilOk = true;
    const std::int64_t resumed = retakeGil(gilOk);
    if (result.status != IoStatus::Ok) {
        m_lane.record(TaskState::WaitingIo, begin, done, task);
        if (result.status != IoStatus::Cancelled)
            error = QStringLiteral("task %1: %2").arg(task).arg(result.error);
        return false;
    }
    // The server stamped when it sent the answer: from then on the task was runnable but not yet running.
    recordWaitAndResume(
        m_lane, state, result.reply.token, begin, result.reply.sentAtNs, resumed, task, GilWait {done, resumed});
    return gilOk;
}

bool TaskExecutor::sleep(std::uint64_t& state, std::int64_t delayUs, int task)
{
    const std::int64_t begin = monotonicNowNs();
    const std::int64_t deadline = begin + delayUs * 1000;
    m_gil.release();
    const bool finished = m_context.cancel.sleepUntil(deadline);
    const std::int64_t done = monotonicNowNs();
    bool gilOk = true;
    const std::int64_t resumed = retakeGil(gilOk);
    if (!finished) {
        m_lane.record(TaskState::WaitingIo, begin, done, task);
        return false;
    }
    recordWaitAndResume(m_lane, state, std::uint64_t(delayUs), begin, deadline, resumed, task, GilWait {done, resumed});
    return gilOk;
}

bool TaskExecutor::convoyIo(const Phase& phase, std::uint64_t token, int task, QString& error)
{
    // The replies go into a scratch state: the number of round trips differs between models, the checksum must not.
    std::uint64_t scratch = token;
    const std::int64_t stopNs = monotonicNowNs() + phase.extra * 1000;
    const auto over = [&] {
        return (m_context.shared && m_context.shared->convoyOver.load(std::memory_order_relaxed))
            || monotonicNowNs() >= stopNs;
    };
    do {
        if (!waitIo(scratch, phase.amount, token, task, error))
            return false;
    } while (!over());
    return true;
}

} // namespace conlab
