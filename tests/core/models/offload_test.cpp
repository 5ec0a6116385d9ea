#include "core/gil/gillane.h"
#include "tests/core/testrun.h"

#include <cstdio>
#include <gtest/gtest.h>
#include <set>

using namespace conlab;
using conlab::test::makeConfig;
using conlab::test::runToCompletion;

namespace {

// Four tasks of 2 x (80 ms CPU + 10 ms I/O) on one loop: inline, every CPU phase holds up the others' replies.
RunConfig mixedLoop(OffloadKind offload, bool gil)
{
    RunConfig config = makeConfig(ModelKind::EventLoop, WorkloadKind::Mixed, 4, 4, 80, 10);
    config.offload = offload;
    config.gil = gil;
    return config;
}

} // namespace

TEST(Offload, ExecutorsFreeTheLoop)
{
    const RunResult inlined = runToCompletion(mixedLoop(OffloadKind::None, false));
    const RunResult threads = runToCompletion(mixedLoop(OffloadKind::Threads, false));
    const RunResult processes = runToCompletion(mixedLoop(OffloadKind::Processes, true));
    const RunResult threadsGil = runToCompletion(mixedLoop(OffloadKind::Threads, true));
    for (const RunResult* r : {&inlined, &threads, &processes, &threadsGil}) {
        ASSERT_TRUE(r->summary.error.isEmpty()) << r->summary.error.toStdString();
        EXPECT_EQ(r->summary.tasksCompleted, 4);
        EXPECT_EQ(r->summary.resumeLatencyMs.count, 8);
        EXPECT_EQ(r->summary.checksum, inlined.summary.checksum);
    }
    const double none = inlined.summary.resumeLatencyMs.p50;
    const double t = threads.summary.resumeLatencyMs.p50;
    const double p = processes.summary.resumeLatencyMs.p50;
    const double tg = threadsGil.summary.resumeLatencyMs.p50;
    std::printf("resume latency p50: inline %.3f ms, thread executor %.3f ms, process executor + GIL %.3f ms, thread "
                "executor + GIL %.3f ms\n",
        none, t, p, tg);
    EXPECT_GE(none, 20);
    EXPECT_LT(t, none / 3);
    EXPECT_LT(p, none / 3);
}

TEST(Offload, ExecutorWorkShowsOnItsOwnLanes)
{
    const RunResult result = runToCompletion(mixedLoop(OffloadKind::Threads, true));
    ASSERT_TRUE(result.summary.error.isEmpty()) << result.summary.error.toStdString();
    const auto& lanes = result.trace->lanes;
    ASSERT_GT(lanes.size(), 5u);
    EXPECT_EQ(lanes[4].name, QStringLiteral("executor thread 1"));
    EXPECT_EQ(lanes.back().kind, LaneKind::Gil);
    std::set<int> cpuLanes;
    for (const Segment& s : result.trace->segments) {
        if (s.state == TaskState::Running && s.lane >= 4 && s.lane < int(lanes.size()) - 1)
            cpuLanes.insert(s.lane);
        if (s.lane < 4) {
            EXPECT_NE(s.state, TaskState::BlockingLoop) << "a CPU phase ran on the loop";
        }
    }
    EXPECT_FALSE(cpuLanes.empty());

    const RunResult processes = runToCompletion(mixedLoop(OffloadKind::Processes, false));
    ASSERT_TRUE(processes.summary.error.isEmpty()) << processes.summary.error.toStdString();
    EXPECT_EQ(processes.trace->lanes[4].name, QStringLiteral("executor process 1"));
    EXPECT_EQ(gilLaneIndex(processes.trace->lanes), -1);
    EXPECT_GT(processes.summary.startupMs, 0);
}
