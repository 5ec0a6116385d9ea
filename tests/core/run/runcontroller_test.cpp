#include "core/run/processstats.h"
#include "tests/core/testrun.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QThread>
#include <QTimer>
#include <gtest/gtest.h>

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
    const int threadsBefore = processstats::threadCount();
    const int fdsBefore = processstats::openFdCount();

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
    EXPECT_TRUE(settlesTo(threadsBefore, fdsBefore))
        << "threads " << processstats::threadCount() << " (was " << threadsBefore << "), fds "
        << processstats::openFdCount() << " (was " << fdsBefore << ")";
}

INSTANTIATE_TEST_SUITE_P(Models, CancelEveryModelTiming,
    ::testing::Combine(::testing::ValuesIn(allModelKinds),
        ::testing::Values(WorkloadKind::Cpu, WorkloadKind::Io, WorkloadKind::Sleep)),
    [](const auto& info) {
        return (modelKey(std::get<0>(info.param)) + QLatin1Char('_') + workloadKey(std::get<1>(info.param)))
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

TEST(RunController, RefusesInvalidConfigAndSecondStart)
{
    RunController controller;
    QString error;
    RunConfig bad = makeConfig(ModelKind::Threads, WorkloadKind::Cpu, 0, 1, 1, 1);
    EXPECT_FALSE(controller.start(bad, &error));
    EXPECT_TRUE(error.contains(QLatin1String("--tasks")));

    ASSERT_TRUE(controller.start(makeConfig(ModelKind::Threads, WorkloadKind::Sleep, 4, 1, 0, 1000)));
    EXPECT_FALSE(controller.start(makeConfig(ModelKind::Threads, WorkloadKind::Sleep, 4, 1, 0, 10), &error));
    EXPECT_TRUE(error.contains(QLatin1String("already")));
    // Destroying the controller mid-run must cancel and join, not crash or hang.
}

TEST(RunController, CpuTimeAndWallAreMeasured)
{
    const RunResult result = runToCompletion(makeConfig(ModelKind::Sequential, WorkloadKind::Cpu, 4, 1, 25, 0));
    EXPECT_GE(result.summary.wallMs, 4 * 25 * 0.8);
    EXPECT_GE(result.summary.cpuMs, 4 * 25 * 0.8);
    EXPECT_GT(result.summary.peakRssMb, 1.0);
    EXPECT_GE(result.summary.cores, 1);
}
