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
    PhaseSequence phases(task, m_context.shared);
    while (const std::optional<PhaseStep> step = phases.next()) {
        Problem error;
        if (!performStep(*this, *step, error))
            phases.fail(error);
    }
    return phases.outcome();
}

bool TaskExecutor::cpu(const PhaseStep& step, Problem&)
{
    const CpuPhaseOptions cpuOptions {m_context.workload.sliceIterations, 0, &m_gil};
    return runCpuPhase(m_lane, *step.state, step.amount, step.task, m_context.cancel, cpuOptions);
}

bool TaskExecutor::increment(const PhaseStep& step)
{
    // PhaseSequence hands out counter steps only with the run's shared state.
    return runCounterPhase(m_lane, *step.state, step.amount, step.extra, step.task, *m_context.shared,
        m_context.workload.spec.lock, &m_gil, m_context.cancel);
}

std::int64_t TaskExecutor::retakeGil(bool& ok)
{
    ok = m_gil.acquire();
    return monotonicNowNs();
}

bool TaskExecutor::io(const PhaseStep& step, Problem& error)
{
    const std::int64_t begin = monotonicNowNs();
    m_gil.release();
    const IoResult result = blockingRoundTrip(m_context.ioPort, step.token, step.amount, m_context.cancel);
    const std::int64_t done = monotonicNowNs();
    bool gilOk = true;
    const std::int64_t resumed = retakeGil(gilOk);
    if (result.status != IoStatus::Ok) {
        m_lane.record(TaskState::WaitingIo, begin, done, step.task);
        error = result.error; // empty when cancelled
        return false;
    }
    // The server stamped when it sent the answer: from then on the task was runnable but not yet running.
    recordWaitAndResume(m_lane, *step.state, result.reply.token, begin, result.reply.sentAtNs, resumed, step.task,
        GilWait {done, resumed});
    return gilOk;
}

bool TaskExecutor::sleep(const PhaseStep& step)
{
    const std::int64_t begin = monotonicNowNs();
    const std::int64_t deadline = begin + step.amount * 1000;
    m_gil.release();
    const bool finished = m_context.cancel.sleepUntil(deadline);
    const std::int64_t done = monotonicNowNs();
    bool gilOk = true;
    const std::int64_t resumed = retakeGil(gilOk);
    if (!finished) {
        m_lane.record(TaskState::WaitingIo, begin, done, step.task);
        return false;
    }
    recordWaitAndResume(
        m_lane, *step.state, std::uint64_t(step.amount), begin, deadline, resumed, step.task, GilWait {done, resumed});
    return gilOk;
}

} // namespace conlab
