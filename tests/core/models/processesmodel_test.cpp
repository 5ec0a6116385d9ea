#include "core/run/processstats.h"
#include "core/sampling/usablecores.h"
#include "tests/core/testrun.h"
#include "tests/timingslack.h"

#include <QThread>
#include <algorithm>
#include <csignal>
#include <gtest/gtest.h>
#include <set>

using namespace conlab;
using conlab::test::makeConfig;
using conlab::test::noChildrenWithin;
using conlab::test::runToCompletion;

TEST(ProcessesModelTiming, CpuBoundUsesEveryCore)
{
    const int cores = usableCores();
    if (cores < 2)
        GTEST_SKIP() << "one core: nothing to scale onto";
    // Long enough that the pool's start-up (part of the measured run) does not dominate. Under ASan it does, with
    // costs no user's build has: an instrumented worker's start grows with the parent's memory (60 ms in a fresh test
    // process, 140-180 ms after the sequential baseline ran in it), and its exit takes 50-70 ms. So there the speed-up
    // counts from the workers' start, and the tasks are longer than the exit.
    const double taskMs = test::sanitized ? 160 : 80;
    EXPECT_TRUE(
        test::scalesAsTheHostAllows(makeConfig(ModelKind::Processes, WorkloadKind::Cpu, cores * 4, cores, taskMs, 0),
            0.75, 0, 5, test::sanitized ? test::Wall::AfterStartUp : test::Wall::Whole));
}

TEST(ProcessesModel, StartUpAndMemoryAreReported)
{
    const RunResult result = runToCompletion(makeConfig(ModelKind::Processes, WorkloadKind::Cpu, 4, 2, 5, 0));
    ASSERT_TRUE(result.summary.error.isEmpty()) << result.summary.error.toStdString();
    ASSERT_EQ(result.trace->lanes.size(), 2u);
    EXPECT_EQ(result.trace->lanes[0].kind, LaneKind::Process);
    int startups = 0;
    for (const Segment& s : result.trace->segments) {
        if (s.state == TaskState::StartingUp) {
            ++startups;
            EXPECT_GT(s.durationNs(), 100'000) << "a process cannot start in under 0.1 ms";
        }
    }
    EXPECT_EQ(startups, 2);
    EXPECT_GT(result.summary.startupMs, 0.1);
    ASSERT_EQ(result.summary.workerPeakRssMb.size(), 2u);
    for (double rss : result.summary.workerPeakRssMb)
        EXPECT_GT(rss, 1.0);
    EXPECT_TRUE(noChildrenWithin(1000));
}

namespace {

// The two users of the process pool: the processes model's workers, and the event loop's process executor.
struct KillCase
{
    const char* name;
    RunConfig config;
    const char* worker; // how the error names the process
};

class KilledWorker : public ::testing::TestWithParam<KillCase>
{
};

RunConfig eventLoopWithProcessPool()
{
    RunConfig config = makeConfig(ModelKind::EventLoop, WorkloadKind::Cpu, 40, 2, 30, 0);
    config.offload = OffloadKind::Processes;
    return config;
}

} // namespace

// SIGKILL to one worker mid-run, once a task has completed (a worker reports a task's segments with its result, so
// results exist to be kept and many tasks remain): the run ends with an error naming the process, its pid and the
// task it held; what completed before stays in the result; no zombie is left; and the next run works.
TEST_P(KilledWorker, EndsTheRunWithErrorKeepsResultsAndLeavesNoZombie)
{
    const KillCase& c = GetParam();
    RunController controller;
    std::optional<RunResult> result;
    QEventLoop loop;
    int killed = -1;
    QObject::connect(&controller, &RunController::batchReady, [&](const TraceBatch& batch) {
        const bool taskRan = std::any_of(batch.segments.begin(), batch.segments.end(),
            [](const Segment& s) { return s.state == TaskState::Running && s.task >= 0; });
        if (killed >= 0 || !taskRan)
            return;
        const auto children = processstats::childPids();
        ASSERT_TRUE(children) << "/proc cannot be read";
        ASSERT_FALSE(children->empty());
        killed = children->front();
        ::kill(killed, SIGKILL);
    });
    QObject::connect(&controller, &RunController::finished, [&](const RunResult& r) {
        result = r;
        loop.quit();
    });
    ASSERT_TRUE(controller.start(c.config));
    QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
    loop.exec();

    ASSERT_TRUE(result.has_value());
    const QString error = result->summary.error;
    EXPECT_TRUE(error.contains(QLatin1String(c.worker))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("(pid %1) crashed or was killed").arg(killed))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("task "))) << error.toStdString();
    EXPECT_FALSE(result->summary.cancelled);
    const int completed = result->summary.tasksCompleted;
    EXPECT_GT(completed, 0);
    EXPECT_LT(completed, 40);
    // Kept: every completed task ran, and its running time is in the trace.
    std::set<int> ranTasks;
    for (const Segment& s : result->trace->segments) {
        if (s.state == TaskState::Running && s.task >= 0)
            ranTasks.insert(s.task);
    }
    EXPECT_GE(int(ranTasks.size()), completed);
    EXPECT_TRUE(noChildrenWithin(1000)) << test::countsNowText();

    // The app stays usable: the next run works.
    RunConfig next = c.config;
    next.workload.tasks = 4;
    next.workload.cpuMs = 2;
    const RunResult again = runToCompletion(next);
    EXPECT_TRUE(again.summary.error.isEmpty()) << again.summary.error.toStdString();
    EXPECT_EQ(again.summary.tasksCompleted, 4);
    EXPECT_TRUE(noChildrenWithin(1000));
}

INSTANTIATE_TEST_SUITE_P(EveryProcessPool, KilledWorker,
    ::testing::Values(
        KillCase {"processes", makeConfig(ModelKind::Processes, WorkloadKind::Cpu, 40, 2, 30, 0), "worker process"},
        KillCase {"eventloopProcessPool", eventLoopWithProcessPool(), "executor process"}),
    [](const ::testing::TestParamInfo<KillCase>& instance) { return std::string(instance.param.name); });

TEST(ProcessesModelTiming, CancelKillsEveryWorkerWithinASecond)
{
    const auto result = conlab::test::runWhile(makeConfig(ModelKind::Processes, WorkloadKind::Cpu, 8, 4, 10'000, 0),
        300, [](RunController& controller) { controller.cancel(); });
    ASSERT_TRUE(result.has_value());
    EXPECT_TRUE(result->summary.cancelled);
    EXPECT_TRUE(noChildrenWithin(1000));
}
