#include "core/analysis/scalingplan.h"

#include <gtest/gtest.h>

using namespace conlab;

namespace {

RunConfig sweepable(ModelKind model, WorkloadKind kind, int tasks)
{
    RunConfig config;
    config.model = model;
    config.workload.kind = kind;
    config.workload.tasks = tasks;
    return config;
}

RunResult finishedIn(double wallMs)
{
    RunResult result;
    result.summary.wallMs = wallMs;
    return result;
}

} // namespace

TEST(ScalingPlan, CpuBoundGoesToTwiceTheCores)
{
    EXPECT_EQ(sweepWorkerCounts(WorkloadKind::Cpu, 8, 2), (std::vector<int> {1, 2, 3, 4}));
    EXPECT_EQ(sweepWorkerCounts(WorkloadKind::Cpu, 100, 4), (std::vector<int> {1, 2, 3, 4, 5, 6, 7, 8}));
    EXPECT_EQ(sweepWorkerCounts(WorkloadKind::Counter, 100, 2), (std::vector<int> {1, 2, 3, 4}));
    // Never more workers than tasks: the extra ones would idle.
    EXPECT_EQ(sweepWorkerCounts(WorkloadKind::Cpu, 3, 4), (std::vector<int> {1, 2, 3}));
    EXPECT_EQ(sweepWorkerCounts(WorkloadKind::Cpu, 1, 2), (std::vector<int> {1}));
}

TEST(ScalingPlan, WaitingWorkGoesOnInPowersOfTwoUpToTheTasks)
{
    EXPECT_EQ(sweepWorkerCounts(WorkloadKind::Io, 32, 2), (std::vector<int> {1, 2, 3, 4, 8, 16, 32}));
    EXPECT_EQ(sweepWorkerCounts(WorkloadKind::Sleep, 20, 2), (std::vector<int> {1, 2, 3, 4, 8, 16, 20}));
    EXPECT_EQ(sweepWorkerCounts(WorkloadKind::Mixed, 8, 2), (std::vector<int> {1, 2, 3, 4, 8}));
    EXPECT_EQ(sweepWorkerCounts(WorkloadKind::Io, 3, 2), (std::vector<int> {1, 2, 3}));
    // At most limits::maxWorkers, however many tasks.
    const std::vector<int> many = sweepWorkerCounts(WorkloadKind::Io, 100'000, 2);
    EXPECT_EQ(many, (std::vector<int> {1, 2, 3, 4, 8, 16, 32, 64, 128, 256}));
    EXPECT_EQ(sweepWorkerCounts(WorkloadKind::Io, 1000, 6).back(), limits::maxWorkers);
    EXPECT_EQ(sweepWorkerCounts(WorkloadKind::Io, 1000, 6)[12], 16); // 1..12, then 16
}

TEST(ScalingPlan, BaselineIsSequentialOnTheSameWorkload)
{
    RunConfig config = sweepable(ModelKind::Threads, WorkloadKind::Cpu, 8);
    config.gil = true;
    config.workload.cpuMs = 42;
    const auto plan = planScaling(config, 2);
    ASSERT_TRUE(plan);
    EXPECT_EQ(plan->baseline.model, ModelKind::Sequential);
    EXPECT_FALSE(plan->baseline.gil);
    EXPECT_EQ(plan->baseline.workload.cpuMs, 42);
    EXPECT_EQ(plan->baseline.workload.tasks, 8);

    const std::vector<RunConfig> configs = plan->configs();
    ASSERT_EQ(configs.size(), plan->workerCounts.size() + 1);
    EXPECT_EQ(configs.front().model, ModelKind::Sequential);
    for (std::size_t i = 1; i < configs.size(); ++i) {
        EXPECT_EQ(configs[i].model, ModelKind::Threads);
        EXPECT_TRUE(configs[i].gil);
        EXPECT_EQ(configs[i].workers, plan->workerCounts[i - 1]);
        EXPECT_EQ(configs[i].workload.cpuMs, 42);
    }
    for (const RunConfig& step : configs)
        EXPECT_TRUE(step.validationError().isEmpty()) << step.validationError().toStdString();
}

TEST(ScalingPlan, EventLoopKeepsItsExecutor)
{
    RunConfig config = sweepable(ModelKind::EventLoop, WorkloadKind::Mixed, 16);
    config.offload = OffloadKind::Processes;
    const auto plan = planScaling(config, 2);
    ASSERT_TRUE(plan);
    EXPECT_EQ(plan->baseline.offload, OffloadKind::None);
    EXPECT_TRUE(plan->baseline.validationError().isEmpty());
    EXPECT_EQ(plan->configs().back().offload, OffloadKind::Processes);
    EXPECT_EQ(plan->workerCounts.back(), 16);
}

TEST(ScalingPlan, NothingToSweepIsRefused)
{
    QString error;
    EXPECT_FALSE(planScaling(sweepable(ModelKind::Sequential, WorkloadKind::Cpu, 8), 2, &error));
    EXPECT_TRUE(error.contains(QLatin1String("sequential"))) << error.toStdString();
    EXPECT_FALSE(planScaling(sweepable(ModelKind::Threads, WorkloadKind::Convoy, 2), 2, &error));
    EXPECT_TRUE(error.contains(QLatin1String("convoy"))) << error.toStdString();
}

TEST(ScalingPlan, PointsAreSpeedUpsAgainstTheBaseline)
{
    const auto plan = planScaling(sweepable(ModelKind::Threads, WorkloadKind::Cpu, 3), 2);
    ASSERT_TRUE(plan);
    ASSERT_EQ(plan->workerCounts, (std::vector<int> {1, 2, 3}));
    RunResult failed = finishedIn(100);
    failed.summary.error = QStringLiteral("worker 2 died");
    const std::vector<ScalingPoint> points
        = plan->points({finishedIn(1200), finishedIn(1250), failed, finishedIn(500)});
    ASSERT_EQ(points.size(), 2u);
    EXPECT_EQ(points[0].workers, 1);
    EXPECT_NEAR(points[0].speedup, 1200.0 / 1250.0, 1e-12);
    EXPECT_EQ(points[1].workers, 3);
    EXPECT_NEAR(points[1].speedup, 1200.0 / 500.0, 1e-12);

    // A cancelled series: only what ran.
    EXPECT_EQ(plan->points({finishedIn(1200), finishedIn(600)}).size(), 1u);
    // No usable baseline, no speed-ups.
    RunResult cancelled = finishedIn(300);
    cancelled.summary.cancelled = true;
    EXPECT_TRUE(plan->points({cancelled, finishedIn(600)}).empty());
    EXPECT_TRUE(plan->points({}).empty());
}

TEST(ScalingPlan, RepeatedPointsGiveTheMedianToTheFitAndTheirRangeBeside)
{
    const auto plan = planScaling(sweepable(ModelKind::Threads, WorkloadKind::Cpu, 2), 2);
    ASSERT_TRUE(plan);
    ASSERT_EQ(plan->workerCounts, (std::vector<int> {1, 2}));
    RunResult one = finishedIn(1000); // the median of three repeats
    one.summary.repeatWallsMs = {1000, 1250, 800};
    const std::vector<RunResult> results {finishedIn(1000), one, finishedIn(500)};
    const std::vector<ScalingSpread> spreads = plan->spreads(results);
    ASSERT_EQ(spreads.size(), 2u);
    EXPECT_EQ(spreads[0].workers, 1);
    EXPECT_NEAR(spreads[0].speedup.median, 1.0, 1e-12);
    EXPECT_NEAR(spreads[0].speedup.min, 1000.0 / 1250.0, 1e-12); // the slowest repeat
    EXPECT_NEAR(spreads[0].speedup.max, 1000.0 / 800.0, 1e-12); // the fastest
    // A single run is its own range.
    EXPECT_NEAR(spreads[1].speedup.min, 2.0, 1e-12);
    EXPECT_NEAR(spreads[1].speedup.max, 2.0, 1e-12);
    const std::vector<ScalingPoint> points = plan->points(results);
    ASSERT_EQ(points.size(), 2u);
    EXPECT_NEAR(points[0].speedup, 1.0, 1e-12);
}

TEST(ScalingPlan, CpuWorkCapsTheFitAtTheCoresWaitingWorkDoesNot)
{
    const auto cpu = planScaling(sweepable(ModelKind::Threads, WorkloadKind::Cpu, 8), 2);
    ASSERT_TRUE(cpu);
    EXPECT_EQ(cpu->cores, 2);
    EXPECT_EQ(cpu->parallelismCap, 2);
    // Sequential 1000 ms; 1 .. 4 workers as Amdahl's law with p = 0.8 on 2 cores gives them.
    std::vector<RunResult> results {finishedIn(1000)};
    for (int n : cpu->workerCounts)
        results.push_back(finishedIn(1000 / amdahlSpeedup(0.8, std::min(n, 2))));
    const AmdahlFit fit = cpu->fit(results);
    EXPECT_NEAR(fit.parallelFraction, 0.8, 1e-9);
    EXPECT_EQ(fit.cores, 2);

    // Waits overlap however many workers there are: no cap.
    const auto sleep = planScaling(sweepable(ModelKind::EventLoop, WorkloadKind::Sleep, 64), 2);
    ASSERT_TRUE(sleep);
    EXPECT_EQ(sleep->parallelismCap, 0);
    EXPECT_EQ(sleep->fit({finishedIn(1000), finishedIn(1000)}).cores, 0);
}
