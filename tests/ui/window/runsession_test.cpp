#include "tests/ui/spinuntil.h"
#include "ui/window/runsession.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QSet>
#include <QTimer>
#include <functional>
#include <gtest/gtest.h>
#include <vector>

using namespace conlab;
using conlab::test::spinUntil;

namespace {

RunConfig config(ModelChoice choice, WorkloadKind kind, int tasks, double cpuMs, double ioMs, int workers = 2)
{
    RunConfig config;
    choice.applyTo(config);
    config.workload.kind = kind;
    config.workload.tasks = tasks;
    config.workload.cpuMs = cpuMs;
    config.workload.ioMs = ioMs;
    config.workers = workers;
    return config;
}

const ModelChoice sequential {ModelKind::Sequential, false, OffloadKind::None};
const ModelChoice threads {ModelKind::Threads, false, OffloadKind::None};

// Everything a session says, in order.
struct Recorder
{
    std::vector<RunStart> started;
    std::vector<RunResult> finished;
    std::vector<RunResult> restored;
    std::vector<QString> rejected;
    std::size_t batches = 0;

    explicit Recorder(RunSession& session)
    {
        QObject::connect(&session, &RunSession::runStarted, [this](const RunStart& s) { started.push_back(s); });
        QObject::connect(&session, &RunSession::batch, [this](const TraceBatch&) { ++batches; });
        QObject::connect(&session, &RunSession::runFinished, [this](const RunResult& r) { finished.push_back(r); });
        QObject::connect(&session, &RunSession::resultRestored, [this](const RunResult& r) { restored.push_back(r); });
        QObject::connect(
            &session, &RunSession::runRejected, [this](const Problem& e) { rejected.push_back(e.english()); });
    }
};

} // namespace

TEST(ModelChoice, KeysAreDistinctAndIgnoreWhatTheModelDoesNotUse)
{
    QSet<QString> keys;
    for (ModelKind model : emulatedModelKinds) {
        for (bool gil : {false, true}) {
            for (OffloadKind offload : allOffloadKinds)
                keys.insert(ModelChoice {model, gil, offload}.key());
        }
    }
    // Four models with and without the GIL, and the event loop's two executors with and without it.
    EXPECT_EQ(keys.size(), 12);
    EXPECT_EQ(ModelChoice({ModelKind::Threads, true, OffloadKind::Processes}).key(), QStringLiteral("threads+gil"));
    EXPECT_EQ(ModelChoice({ModelKind::EventLoop, false, OffloadKind::Processes}).key(),
        QStringLiteral("eventloop+processes"));
    const ModelChoice processes {ModelKind::Processes, false, OffloadKind::None};
    EXPECT_EQ(ModelChoice({ModelKind::Processes, false, OffloadKind::Threads}), processes);
}

TEST(ModelChoice, RoundTripsThroughARunConfig)
{
    for (const ModelChoice& choice : {ModelChoice {ModelKind::Threads, true, OffloadKind::None},
             ModelChoice {ModelKind::EventLoop, false, OffloadKind::Threads}}) {
        RunConfig config;
        choice.applyTo(config);
        EXPECT_EQ(ModelChoice::fromConfig(config), choice);
    }
}

TEST(RunSession, SettingsKeyCountsOnlyWhatChangesTheRun)
{
    const RunConfig a = config(threads, WorkloadKind::Cpu, 8, 100, 50);
    RunConfig b = a;
    b.workload.ioMs = 999; // a CPU workload does no I/O
    EXPECT_EQ(RunSession::settingsKey(a), RunSession::settingsKey(b));
    b.workload.cpuMs = 101;
    EXPECT_NE(RunSession::settingsKey(a), RunSession::settingsKey(b));

    RunConfig seq = config(sequential, WorkloadKind::Cpu, 8, 100, 50, 2);
    RunConfig seqOtherWorkers = seq;
    seqOtherWorkers.workers = 7; // sequential has one thread whatever the setting
    EXPECT_EQ(RunSession::settingsKey(seq), RunSession::settingsKey(seqOtherWorkers));
    EXPECT_EQ(RunSession::baselineKey(a.workload), RunSession::baselineKey(seq.workload));
}

TEST(RunSession, ARunReportsStartBatchesAndFinishWithUiLatency)
{
    RunSession session;
    Recorder events(session);
    session.choose(config(threads, WorkloadKind::Cpu, 4, 60, 0));
    ASSERT_TRUE(session.isRunning());
    ASSERT_TRUE(spinUntil([&] { return !events.finished.empty(); }));

    ASSERT_EQ(events.started.size(), 1u);
    EXPECT_GT(events.batches, 0u);
    const RunSummary& summary = events.finished.front().summary;
    EXPECT_FALSE(summary.cancelled);
    EXPECT_EQ(summary.tasksCompleted, 4);
    ASSERT_TRUE(summary.uiLatencyMs.has_value());
    EXPECT_GT(summary.uiLatencyMs->count, 0);
    ASSERT_NE(session.lastResult(threads), nullptr);
    EXPECT_FALSE(session.isRunning());
}

TEST(RunSessionTiming, SwitchingMidRunCancelsTheOldRunThenRunsTheNewOne)
{
    RunSession session;
    Recorder events(session);
    // Long enough that only a cancel can end it in time.
    session.choose(config(threads, WorkloadKind::Sleep, 4, 0, 20'000));
    ASSERT_TRUE(spinUntil([&] { return events.batches > 0; }));

    QElapsedTimer clock;
    clock.start();
    session.choose(config(sequential, WorkloadKind::Cpu, 3, 30, 0));
    EXPECT_LT(clock.elapsed(), 50) << "switching must not wait for the old run";
    EXPECT_EQ(events.finished.size(), 0u);

    ASSERT_TRUE(spinUntil([&] { return events.finished.size() == 2; }));
    ASSERT_EQ(events.started.size(), 2u);
    const RunSummary& old = events.finished[0].summary;
    EXPECT_EQ(old.config.model, ModelKind::Threads);
    EXPECT_TRUE(old.cancelled);
    EXPECT_LT(old.wallMs, 5'000);
    const RunSummary& next = events.finished[1].summary;
    EXPECT_EQ(next.config.model, ModelKind::Sequential);
    EXPECT_FALSE(next.cancelled);
    EXPECT_EQ(next.tasksCompleted, 3);
    // A cancelled run is not a result to come back to.
    EXPECT_EQ(session.lastResult(threads), nullptr);
}

TEST(RunSession, SwitchingTwiceMidRunRunsOnlyTheLastChoice)
{
    RunSession session;
    Recorder events(session);
    session.choose(config(threads, WorkloadKind::Sleep, 2, 0, 20'000));
    ASSERT_TRUE(spinUntil([&] { return !events.started.empty(); }));
    session.choose(config({ModelKind::EventLoop, false, OffloadKind::None}, WorkloadKind::Sleep, 2, 0, 10));
    session.choose(config(sequential, WorkloadKind::Cpu, 2, 10, 0));
    ASSERT_TRUE(spinUntil([&] { return events.finished.size() == 2; }));
    EXPECT_EQ(events.finished[1].summary.config.model, ModelKind::Sequential);
    EXPECT_FALSE(spinUntil([&] { return events.finished.size() > 2; }, 500))
        << "a third run finished: the event loop run, chosen and replaced mid-run, was not skipped";
    EXPECT_EQ(events.started.size(), 2u);
}

TEST(RunSession, ClickingBackRestoresTheStoredResultWithoutRunning)
{
    RunSession session;
    Recorder events(session);
    const RunConfig first = config(sequential, WorkloadKind::Cpu, 3, 30, 0);
    const RunConfig second = config(threads, WorkloadKind::Cpu, 3, 30, 0);
    session.choose(first);
    ASSERT_TRUE(spinUntil([&] { return events.finished.size() == 1; }));
    session.choose(second);
    ASSERT_TRUE(spinUntil([&] { return events.finished.size() == 2; }));

    session.choose(first);
    EXPECT_FALSE(session.isRunning());
    ASSERT_EQ(events.restored.size(), 1u) << "the stored result is shown at once, in the same call";
    EXPECT_EQ(events.started.size(), 2u);
    EXPECT_EQ(events.restored[0].summary.config.model, ModelKind::Sequential);
    EXPECT_EQ(events.restored[0].trace, events.finished[0].trace);

    // Other settings make another experiment: that one runs.
    RunConfig changed = first;
    changed.workload.tasks = 2;
    session.choose(changed);
    EXPECT_TRUE(session.isRunning());
    ASSERT_TRUE(spinUntil([&] { return events.finished.size() == 3; }));

    // The Run button runs even when a result is stored.
    session.run(changed);
    EXPECT_TRUE(session.isRunning());
    ASSERT_TRUE(spinUntil([&] { return events.finished.size() == 4; }));
}

TEST(RunSession, BaselineRunsSequentialThenShowsTheChosenResultAgain)
{
    RunSession session;
    Recorder events(session);
    const RunConfig threaded = config(threads, WorkloadKind::Cpu, 4, 40, 0);
    session.choose(threaded);
    ASSERT_TRUE(spinUntil([&] { return events.finished.size() == 1; }));
    EXPECT_EQ(session.baseline(threaded.workload), nullptr);

    session.runBaseline(threaded);
    ASSERT_TRUE(spinUntil([&] { return events.restored.size() == 1; }));
    ASSERT_EQ(events.finished.size(), 2u);
    EXPECT_EQ(events.finished[1].summary.config.model, ModelKind::Sequential);
    EXPECT_EQ(events.restored[0].summary.config.model, ModelKind::Threads);
    const RunSummary* baseline = session.baseline(threaded.workload);
    ASSERT_NE(baseline, nullptr);
    EXPECT_EQ(baseline->checksum, events.finished[0].summary.checksum) << "same workload, same work";

    // The baseline is the sequential result of this workload: choosing sequential shows it, nothing runs.
    session.choose(config(sequential, WorkloadKind::Cpu, 4, 40, 0));
    EXPECT_FALSE(session.isRunning());
    EXPECT_EQ(events.restored.size(), 2u);
}

TEST(RunSession, InvalidSettingsAreRejectedWithTheReason)
{
    RunSession session;
    Recorder events(session);
    session.choose(config(threads, WorkloadKind::Cpu, 0, 10, 0));
    EXPECT_FALSE(session.isRunning());
    ASSERT_EQ(events.rejected.size(), 1u);
    EXPECT_EQ(events.rejected[0], QStringLiteral("--tasks: must be from 1 to 1000000, got 0"));
}

TEST(RunSession, StopCancelsAndForgetsWhatWasQueued)
{
    RunSession session;
    Recorder events(session);
    session.choose(config(threads, WorkloadKind::Sleep, 2, 0, 20'000));
    ASSERT_TRUE(spinUntil([&] { return !events.started.empty(); }));
    session.choose(config(sequential, WorkloadKind::Sleep, 2, 0, 20'000));
    session.stop();
    ASSERT_TRUE(spinUntil([&] { return !events.finished.empty(); }));
    EXPECT_TRUE(events.finished[0].summary.cancelled);
    EXPECT_FALSE(session.isRunning());
    EXPECT_EQ(events.started.size(), 1u);
}
