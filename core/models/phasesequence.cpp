#include "core/models/phasesequence.h"

#include "core/models/sharedstate.h"
#include "core/trace/monotonicclock.h"
#include "core/workload/workload.h"

namespace conlab {

PhaseSequence::PhaseSequence(const TaskSpec& task, SharedState* shared)
    : m_task(task)
    , m_shared(shared)
    , m_state(task.seed)
{
}

bool PhaseSequence::convoyGoesOn() const
{
    // A worker process has no shared state: its convoy ends at the phase's time bound.
    return !(m_shared && m_shared->convoyOver.load(std::memory_order_relaxed)) && monotonicNowNs() < *m_convoyStopNs;
}

std::optional<PhaseStep> PhaseSequence::next()
{
    if (m_failed || m_completed)
        return std::nullopt;
    PhaseStep step;
    step.task = m_task.id;
    step.token = m_task.seed;
    step.state = &m_state;
    if (m_convoyStopNs) {
        if (convoyGoesOn()) {
            step.kind = PhaseStep::Kind::Io;
            step.amount = m_task.phases[m_next - 1].amount;
            step.state = &m_convoyScratch;
            return step;
        }
        m_convoyStopNs.reset();
    }
    while (m_next < m_task.phases.size()) {
        const Phase& phase = m_task.phases[m_next++];
        step.amount = phase.amount;
        step.extra = phase.extra;
        switch (phase.kind) {
        case PhaseKind::Cpu:
            step.kind = PhaseStep::Kind::Cpu;
            return step;
        case PhaseKind::Io:
            step.kind = PhaseStep::Kind::Io;
            return step;
        case PhaseKind::Sleep:
            step.kind = PhaseStep::Kind::Sleep;
            return step;
        case PhaseKind::ConvoyIo:
            // At least one round trip, then more while the convoy's CPU task runs.
            m_convoyScratch = m_task.seed;
            m_convoyStopNs = monotonicNowNs() + phase.extra * 1000;
            step.kind = PhaseStep::Kind::Io;
            step.state = &m_convoyScratch;
            return step;
        case PhaseKind::ConvoyEnd:
        case PhaseKind::Increment:
            if (!m_shared) {
                fail(Problem(QT_TRANSLATE_NOOP("conlab::Problem", "this workload needs the run's shared state")));
                return std::nullopt;
            }
            if (phase.kind == PhaseKind::Increment) {
                step.kind = PhaseStep::Kind::Increment;
                return step;
            }
            m_shared->convoyOver.store(true, std::memory_order_relaxed);
            break;
        }
    }
    m_completed = true;
    return std::nullopt;
}

void PhaseSequence::fail(const Problem& error)
{
    m_failed = true;
    if (!error.isEmpty())
        m_error = Problem(QT_TRANSLATE_NOOP("conlab::Problem", "task %1: %2"), {m_task.id, error});
}

TaskOutcome PhaseSequence::outcome() const
{
    TaskOutcome outcome;
    outcome.completed = m_completed;
    outcome.checksum = m_completed ? m_state : 0;
    outcome.error = m_error;
    return outcome;
}

} // namespace conlab
