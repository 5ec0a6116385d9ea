#include "taskexecutor.h"

#include "cpuphase.h"
#include "waitrecording.h"
#include "run/canceltoken.h"
#include "trace/monotonicclock.h"
#include "workload/ioclient.h"
#include "workload/workload.h"

namespace conlab {
namespace {

    // How long a blocking request may stay unanswered beyond its own latency before the task fails.
    constexpr std::int64_t ioGraceNs = 10'000'000'000;

} // namespace

TaskExecutor::TaskExecutor(const ExecutionContext& context, std::uint16_t lane)
    : m_context(context)
    , m_lane(context.recorder, lane)
{
}

TaskOutcome TaskExecutor::run(const TaskSpec& task)
{
    TaskOutcome outcome;
    std::uint64_t state = task.seed;
    const CpuPhaseOptions cpuOptions { m_context.workload.sliceIterations, 0 };
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
        }
        if (!ok)
            return outcome;
    }
    outcome.completed = true;
    outcome.checksum = state;
    return outcome;
}

bool TaskExecutor::waitIo(std::uint64_t& state, std::int64_t delayUs, std::uint64_t token, int task, QString& error)
{
    const std::int64_t begin = monotonicNowNs();
    const IoResult result
        = blockingRoundTrip(m_context.ioPort, token, delayUs, m_context.cancel, delayUs * 1000 + ioGraceNs);
    const std::int64_t done = monotonicNowNs();
    if (result.status != IoStatus::Ok) {
        m_lane.record(TaskState::WaitingIo, begin, done, task);
        if (result.status != IoStatus::Cancelled)
            error = QStringLiteral("task %1: %2").arg(task).arg(result.error);
        return false;
    }
    // The server stamped when it sent the answer: from then on the task was runnable but not yet running.
    recordWaitAndResume(m_lane, state, result.reply.token, begin, result.reply.sentAtNs, done, task);
    return true;
}

bool TaskExecutor::sleep(std::uint64_t& state, std::int64_t delayUs, int task)
{
    const std::int64_t begin = monotonicNowNs();
    const std::int64_t deadline = begin + delayUs * 1000;
    const bool finished = m_context.cancel.sleepUntil(deadline);
    const std::int64_t done = monotonicNowNs();
    if (!finished) {
        m_lane.record(TaskState::WaitingIo, begin, done, task);
        return false;
    }
    recordWaitAndResume(m_lane, state, std::uint64_t(delayUs), begin, deadline, done, task);
    return true;
}

} // namespace conlab
