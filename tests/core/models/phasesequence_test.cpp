#include "core/models/phasesequence.h"
#include "core/models/sharedstate.h"
#include "core/workload/workload.h"

#include <gtest/gtest.h>
#include <vector>

using namespace conlab;

namespace {

// A performer that only writes down what it was asked to do, and succeeds (or fails at step `failAt`).
struct Recorder
{
    std::vector<PhaseStep> steps;
    int failAt = -1;
    Problem failure;

    bool record(const PhaseStep& step)
    {
        steps.push_back(step);
        *step.state += std::uint64_t(step.amount);
        return int(steps.size()) - 1 != failAt;
    }
    bool cpu(const PhaseStep& step, Problem& error)
    {
        const bool ok = record(step);
        if (!ok)
            error = failure;
        return ok;
    }
    bool io(const PhaseStep& step, Problem& error) { return cpu(step, error); }
    bool sleep(const PhaseStep& step) { return record(step); }
    bool increment(const PhaseStep& step) { return record(step); }
};

TaskOutcome walk(const TaskSpec& task, SharedState* shared, Recorder& performer)
{
    PhaseSequence phases(task, shared);
    while (const std::optional<PhaseStep> step = phases.next()) {
        Problem error;
        if (!performStep(performer, *step, error))
            phases.fail(error);
    }
    return phases.outcome();
}

} // namespace

TEST(PhaseSequence, HandsEveryPhaseToItsPerformerInOrderAndChainsTheChecksum)
{
    const TaskSpec task {3, 100,
        {{PhaseKind::Cpu, 1, 0}, {PhaseKind::Io, 20, 0}, {PhaseKind::Sleep, 300, 0}, {PhaseKind::Increment, 4, 7}}};
    SharedState shared;
    Recorder performer;
    const TaskOutcome outcome = walk(task, &shared, performer);
    ASSERT_TRUE(outcome.completed);
    EXPECT_EQ(outcome.checksum, 100u + 1 + 20 + 300 + 4);
    ASSERT_EQ(performer.steps.size(), 4u);
    EXPECT_EQ(performer.steps[0].kind, PhaseStep::Kind::Cpu);
    EXPECT_EQ(performer.steps[1].kind, PhaseStep::Kind::Io);
    EXPECT_EQ(performer.steps[1].token, 100u);
    EXPECT_EQ(performer.steps[2].kind, PhaseStep::Kind::Sleep);
    EXPECT_EQ(performer.steps[3].kind, PhaseStep::Kind::Increment);
    EXPECT_EQ(performer.steps[3].extra, 7);
    for (const PhaseStep& step : performer.steps)
        EXPECT_EQ(step.task, 3);
}

TEST(PhaseSequence, AConvoyRepeatsItsRoundTripUntilTheConvoyIsOverWithoutTouchingTheChecksum)
{
    // The time bound is an hour: only the end of the convoy can stop it.
    const TaskSpec io {1, 5, {{PhaseKind::ConvoyIo, 10, 3'600'000'000}}};
    SharedState shared;
    PhaseSequence phases(io, &shared);
    for (int i = 0; i < 3; ++i) {
        const std::optional<PhaseStep> step = phases.next();
        ASSERT_TRUE(step.has_value());
        EXPECT_EQ(step->kind, PhaseStep::Kind::Io);
        EXPECT_EQ(step->amount, 10);
        *step->state += 1000; // a reply mixed in: goes to the scratch state
    }
    // The CPU task's last phase ends the convoy; the round trip under way is the last one.
    Recorder cpu;
    EXPECT_TRUE(walk(TaskSpec {2, 0, {{PhaseKind::ConvoyEnd, 0, 0}}}, &shared, cpu).completed);
    EXPECT_TRUE(shared.convoyOver.load());
    EXPECT_FALSE(phases.next().has_value());
    const TaskOutcome outcome = phases.outcome();
    EXPECT_TRUE(outcome.completed);
    EXPECT_EQ(outcome.checksum, 5u);
}

TEST(PhaseSequence, AConvoyWithoutSharedStateEndsAtItsTimeBound)
{
    // A worker process cannot see the CPU task finish: a bound of 0 us leaves the one round trip that always runs.
    Recorder performer;
    const TaskOutcome outcome = walk(TaskSpec {1, 5, {{PhaseKind::ConvoyIo, 10, 0}}}, nullptr, performer);
    EXPECT_TRUE(outcome.completed);
    EXPECT_EQ(performer.steps.size(), 1u);
}

TEST(PhaseSequence, ATaskThatNeedsSharedStateFailsWithoutIt)
{
    for (const PhaseKind kind : {PhaseKind::Increment, PhaseKind::ConvoyEnd}) {
        Recorder performer;
        const TaskOutcome outcome = walk(TaskSpec {4, 1, {{PhaseKind::Cpu, 1, 0}, {kind, 1, 0}}}, nullptr, performer);
        EXPECT_FALSE(outcome.completed);
        EXPECT_EQ(outcome.error.english(), QStringLiteral("task 4: this workload needs the run's shared state"));
        EXPECT_EQ(performer.steps.size(), 1u);
    }
}

TEST(PhaseSequence, AFailedStepEndsTheTaskWithItsErrorNamingTheTask)
{
    const TaskSpec task {6, 1, {{PhaseKind::Cpu, 1, 0}, {PhaseKind::Io, 1, 0}, {PhaseKind::Cpu, 1, 0}}};
    Recorder failing;
    failing.failAt = 1;
    failing.failure
        = Problem(QT_TRANSLATE_NOOP("conlab::Problem", "the latency server closed the connection before replying"));
    const TaskOutcome failed = walk(task, nullptr, failing);
    EXPECT_FALSE(failed.completed);
    EXPECT_EQ(
        failed.error.english(), QStringLiteral("task 6: the latency server closed the connection before replying"));
    EXPECT_EQ(failing.steps.size(), 2u);

    Recorder cancelled; // a cancelled step fails without an error
    cancelled.failAt = 0;
    const TaskOutcome outcome = walk(task, nullptr, cancelled);
    EXPECT_FALSE(outcome.completed);
    EXPECT_TRUE(outcome.error.isEmpty());
    EXPECT_EQ(cancelled.steps.size(), 1u);
}
