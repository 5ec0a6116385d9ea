#include "core/run/processstats.h"
#include "tests/core/testrun.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QThread>
#include <QTimer>
#include <gtest/gtest.h>
#include <memory>
#include <vector>

using namespace conlab;
using conlab::test::makeConfig;
using conlab::test::runToCompletion;
using conlab::test::settlesTo;

namespace {

class CancelEveryModelTiming : public ::testing::TestWithParam<std::tuple<ModelKind, WorkloadKind>>
{
};

} // namespace

TEST_P(CancelEveryModelTiming, CancelReturnsWithin200msAndLeavesNothingBehind)
{
    const auto [model, workload] = GetParam();
    runToCompletion(makeConfig(model, workload, 1, 1, 1, 1)); // warm-up: calibration and Qt's one-off threads
    const auto before = test::processCounts();
    ASSERT_TRUE(before) << "/proc/self cannot be read: no leak check without it";

    // Long tasks: nothing would finish on its own within the test.
    QElapsedTimer sinceCancel;
    const auto result = conlab::test::runWhile(
        makeConfig(model, workload, 64, 8, 20'000, 20'000), 300, [&](RunController& controller) {
            sinceCancel.start();
            controller.cancel();
        });
    const qint64 cancelToFinishedMs = sinceCancel.elapsed();
    ASSERT_TRUE(result.has_value());
    EXPECT_TRUE(result->summary.cancelled);
    EXPECT_TRUE(result->summary.error.isEmpty()) << result->summary.error.toStdString();
    EXPECT_LT(cancelToFinishedMs, test::slack(200));
    EXPECT_TRUE(settlesTo(*before)) << test::countsNowText() << " (was " << *before << ")";
}

INSTANTIATE_TEST_SUITE_P(Models, CancelEveryModelTiming,
    ::testing::Combine(::testing::ValuesIn(emulatedModelKinds),
        ::testing::Values(WorkloadKind::Cpu, WorkloadKind::Io, WorkloadKind::Sleep)),
    [](const auto& instance) {
        return (modelKey(std::get<0>(instance.param)) + QLatin1Char('_') + workloadKey(std::get<1>(instance.param)))
            .toStdString();
    });

TEST(RunController, StreamsBatchesBeforeFinishing)
{
    RunController controller;
    int batches = 0;
    std::size_t streamedSegments = 0;
    std::size_t streamedSamples = 0;
    std::optional<RunStart> start;
    std::optional<RunResult> result;
    QEventLoop loop;
    QObject::connect(&controller, &RunController::started, [&](const RunStart& s) { start = s; });
    QObject::connect(&controller, &RunController::batchReady, [&](const TraceBatch& batch) {
        ++batches;
        streamedSegments += batch.segments.size();
        streamedSamples += batch.cpuSamples.size();
    });
    QObject::connect(&controller, &RunController::finished, [&](const RunResult& r) {
        result = r;
        loop.quit();
    });
    ASSERT_TRUE(controller.start(makeConfig(ModelKind::Threads, WorkloadKind::Sleep, 20, 2, 0, 40)));
    QTimer::singleShot(20'000, &loop, &QEventLoop::quit);
    loop.exec();

    ASSERT_TRUE(start && result);
    EXPECT_EQ(start->lanes.size(), 2u);
    EXPECT_GE(batches, 5); // 400 ms of run at ~30 Hz
    EXPECT_EQ(streamedSegments, result->trace->segments.size());
    EXPECT_EQ(streamedSamples, result->trace->cpuSamples.size());
    EXPECT_GE(streamedSamples, 4u); // 20 Hz
    EXPECT_EQ(int(result->trace->cpuSamples.front().perCore.size()), result->trace->cores);
}

// An invalid configuration starts nothing; a second start while a run goes is refused and leaves that run alone: it
// finishes with its own configuration and every one of its tasks, and nothing else runs.
TEST(RunController, RefusesInvalidConfigAndSecondStart)
{
    RunController controller;
    std::vector<RunConfig> started;
    std::vector<RunResult> finished;
    QEventLoop loop;
    QObject::connect(&controller, &RunController::started, [&](const RunStart& s) { started.push_back(s.config); });
    QObject::connect(&controller, &RunController::finished, [&](const RunResult& r) {
        finished.push_back(r);
        loop.quit();
    });
    Problem refusal;
    EXPECT_FALSE(controller.start(makeConfig(ModelKind::Threads, WorkloadKind::Cpu, 0, 1, 1, 1), &refusal));
    EXPECT_EQ(refusal.english(), QStringLiteral("--tasks: must be from 1 to 1000000, got 0"));
    EXPECT_FALSE(controller.isRunning());

    const RunConfig first = makeConfig(ModelKind::Threads, WorkloadKind::Sleep, 4, 1, 0, 50);
    ASSERT_TRUE(controller.start(first));
    refusal = Problem();
    EXPECT_FALSE(controller.start(makeConfig(ModelKind::Sequential, WorkloadKind::Sleep, 2, 1, 0, 10), &refusal));
    EXPECT_EQ(refusal.english(), QStringLiteral("a run is already going: stop it first"));
    EXPECT_TRUE(controller.isRunning());

    QTimer::singleShot(20'000, &loop, &QEventLoop::quit);
    loop.exec();
    // Anything the refused start had begun would arrive by now.
    QTimer::singleShot(300, &loop, &QEventLoop::quit);
    loop.exec();
    ASSERT_EQ(finished.size(), 1u);
    ASSERT_EQ(started.size(), 1u);
    EXPECT_EQ(started[0].model, ModelKind::Threads);
    const RunSummary& summary = finished[0].summary;
    EXPECT_EQ(summary.config.model, ModelKind::Threads);
    EXPECT_EQ(summary.config.workload.tasks, 4);
    EXPECT_EQ(summary.tasksCompleted, 4);
    EXPECT_FALSE(summary.cancelled);
    EXPECT_TRUE(summary.error.isEmpty()) << summary.error.toStdString();
}

// Destroying the controller mid-run cancels the run and joins its threads: it returns within the cancel's 200 ms and
// leaves no thread or descriptor behind.
TEST(RunController, DestroyedMidRunCancelsAndJoins)
{
    runToCompletion(makeConfig(ModelKind::Threads, WorkloadKind::Sleep, 1, 1, 0, 1)); // warm-up
    const auto before = test::processCounts();
    ASSERT_TRUE(before) << "/proc/self cannot be read: no leak check without it";
    auto controller = std::make_unique<RunController>();
    bool began = false;
    QObject::connect(controller.get(), &RunController::started, [&] { began = true; });
    ASSERT_TRUE(controller->start(makeConfig(ModelKind::Threads, WorkloadKind::Sleep, 64, 8, 0, 20'000)));
    QElapsedTimer waiting;
    waiting.start();
    while (!began && waiting.elapsed() < 10'000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    ASSERT_TRUE(began);
    EXPECT_GT(test::processCounts().value_or(*before).threads, before->threads) << "the run's threads are going";

    QElapsedTimer destroying;
    destroying.start();
    controller.reset();
    EXPECT_LT(destroying.elapsed(), test::slack(1'000));
    EXPECT_TRUE(settlesTo(*before)) << test::countsNowText() << " (was " << *before << ")";
}

TEST(RunController, CpuTimeAndWallAreMeasured)
{
    const RunResult result = runToCompletion(makeConfig(ModelKind::Sequential, WorkloadKind::Cpu, 4, 1, 25, 0));
    EXPECT_GE(result.summary.wallMs, 4 * 25 * 0.8);
    EXPECT_GE(result.summary.cpuMs, 4 * 25 * 0.8);
    EXPECT_GT(result.summary.peakRssMb, 1.0);
    EXPECT_GE(result.summary.cores, 1);
}
