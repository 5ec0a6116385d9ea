#pragma once

#include "core/util/problem.h"

#include <QString>
#include <cstddef>
#include <cstdint>
#include <optional>

namespace conlab {

struct SharedState;
struct TaskSpec;

// What a task does, the same in every model: its phases in order, with the checksum chain they feed. A convoy's I/O
// phase becomes one round trip after another until the convoy is over, and the end of the convoy is done here; what
// is left for a model is how to perform one step: blocking its thread (TaskExecutor) or awaiting on the event loop
// (LoopTask). performStep() hands each kind of step to the performer's function for it.
struct PhaseStep
{
    enum class Kind
    {
        Cpu, // amount: kernel iterations
        Io, // amount: microseconds of server latency; token: the request's
        Sleep, // amount: microseconds
        Increment, // amount: increments of the shared counter; extra: kernel iterations between read and write
    };

    Kind kind = Kind::Cpu;
    std::int64_t amount = 0;
    std::int64_t extra = 0;
    int task = 0;
    std::uint64_t token = 0;
    // Where the step's result goes: the task's checksum, or a convoy's scratch state, so that the number of round
    // trips (which differs between models) leaves the checksum alone.
    std::uint64_t* state = nullptr;
};

struct TaskOutcome
{
    bool completed = false;
    std::uint64_t checksum = 0;
    Problem error; // empty when the task completed or was cancelled
};

class PhaseSequence
{
public:
    // `shared` may be null: then a task that needs the run's shared state fails with a clear error.
    PhaseSequence(const TaskSpec& task, SharedState* shared);
    PhaseSequence(const PhaseSequence&) = delete;
    PhaseSequence& operator=(const PhaseSequence&) = delete;

    // The next step to perform, after the previous one succeeded; nothing once the task is complete or has failed.
    std::optional<PhaseStep> next();

    // The step just performed failed: `error` is empty when it was cancelled.
    void fail(const Problem& error);

    TaskOutcome outcome() const;

private:
    bool convoyGoesOn() const;

    const TaskSpec& m_task;
    SharedState* const m_shared;
    std::size_t m_next = 0; // index of the next phase
    std::uint64_t m_state;
    std::uint64_t m_convoyScratch = 0;
    std::optional<std::int64_t> m_convoyStopNs; // set while a convoy phase is going on
    bool m_completed = false;
    bool m_failed = false;
    Problem m_error;
};

// Calls the performer's cpu, io, sleep or increment for the step, and returns what it returns: a bool for a
// blocking performer, an awaitable of one for a coroutine performer.
template <typename Performer> auto performStep(Performer& performer, const PhaseStep& step, Problem& error)
{
    switch (step.kind) {
    case PhaseStep::Kind::Cpu:
        return performer.cpu(step, error);
    case PhaseStep::Kind::Io:
        return performer.io(step, error);
    case PhaseStep::Kind::Sleep:
        return performer.sleep(step);
    case PhaseStep::Kind::Increment:
        break;
    }
    return performer.increment(step);
}

} // namespace conlab
