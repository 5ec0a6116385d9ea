#include "core/sampling/usablecores.h"
#include "tests/core/overlappingrecorder.h"
#include "tests/core/testrun.h"

#include <algorithm>
#include <cstdio>
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>
#include <map>

using namespace conlab;
using conlab::test::bestSpeedup;
using conlab::test::makeConfig;
using conlab::test::runToCompletion;

namespace {

class EveryModel : public ::testing::TestWithParam<ModelKind>
{
};

std::string modelName(const ::testing::TestParamInfo<ModelKind>& info)
{
    return modelKey(info.param).toStdString();
}

// Per lane, sorted by start: each segment must end before the next begins.
void expectNoOverlaps(const Trace& trace)
{
    std::map<int, std::vector<Segment>> lanes;
    for (const Segment& s : trace.segments) {
        EXPECT_LE(s.beginNs, s.endNs);
        lanes[s.lane].push_back(s);
    }
    for (auto& [lane, segments] : lanes) {
        std::sort(segments.begin(), segments.end(), [](auto& a, auto& b) { return a.beginNs < b.beginNs; });
        for (std::size_t i = 1; i < segments.size(); ++i)
            ASSERT_LE(segments[i - 1].endNs, segments[i].beginNs) << "lane " << lane << " overlaps at " << i;
    }
}

} // namespace

// The check above is only worth its name if a recorder that overlaps a lane's states makes it fail.
TEST(OverlapCheck, FailsForARecorderThatOverlapsALanesStates)
{
    EXPECT_FATAL_FAILURE(expectNoOverlaps(test::overlappingTrace()), "lane 0 overlaps at 1");
}

TEST_P(EveryModel, SameWorkloadSameChecksumAsSequential)
{
    const RunConfig base = makeConfig(ModelKind::Sequential, WorkloadKind::Mixed, 6, 3, 5, 5);
    const RunResult reference = runToCompletion(base);
    ASSERT_TRUE(reference.summary.error.isEmpty()) << reference.summary.error.toStdString();
    ASSERT_EQ(reference.summary.tasksCompleted, 6);

    RunConfig config = base;
    config.model = GetParam();
    const RunResult result = runToCompletion(config);
    EXPECT_TRUE(result.summary.error.isEmpty()) << result.summary.error.toStdString();
    EXPECT_EQ(result.summary.tasksCompleted, 6);
    EXPECT_EQ(result.summary.checksum, reference.summary.checksum);
    EXPECT_NE(result.summary.checksum, 0u);
}

TEST_P(EveryModel, LanesNeverOverlapAndEveryIoWaitHasAResumeSample)
{
    const RunResult result = runToCompletion(makeConfig(GetParam(), WorkloadKind::Mixed, 8, 4, 3, 10));
    ASSERT_TRUE(result.summary.error.isEmpty());
    expectNoOverlaps(*result.trace);
    EXPECT_EQ(result.summary.overlappingSegments, 0);
    // 8 tasks x 2 phases, each with one I/O wait.
    EXPECT_EQ(result.summary.resumeLatencyMs.count, 16);
    EXPECT_GT(result.summary.stateMs[std::size_t(TaskState::Running)], 0);
    EXPECT_GT(result.summary.stateMs[std::size_t(TaskState::WaitingIo)], 8 * 2 * 9.0);
}

TEST_P(EveryModel, SleepWorkloadCompletes)
{
    const RunResult result = runToCompletion(makeConfig(GetParam(), WorkloadKind::Sleep, 4, 2, 0, 5));
    EXPECT_TRUE(result.summary.error.isEmpty());
    EXPECT_EQ(result.summary.tasksCompleted, 4);
    expectNoOverlaps(*result.trace);
    EXPECT_EQ(result.summary.overlappingSegments, 0);
}

INSTANTIATE_TEST_SUITE_P(Models, EveryModel, ::testing::ValuesIn(emulatedModelKinds), modelName);

class ConcurrentModelTiming : public ::testing::TestWithParam<ModelKind>
{
};

// 32 waits of 50 ms on 8 workers: each model that can wait concurrently finishes in under a quarter of the
// sequential time (4 rounds of 50 ms, against 1.6 s). What is measured is waiting, so the time before the last
// worker started is left out: starting 8 worker processes is CPU work (~30-60 ms each here) that a busy host
// stretches, and the processes model's tests measure it on its own.
TEST_P(ConcurrentModelTiming, IoBoundTakesUnderAQuarterOfSequential)
{
    EXPECT_GT(bestSpeedup(makeConfig(GetParam(), WorkloadKind::Io, 32, 8, 0, 50), 4.0, test::Wall::AfterStartUp), 4.0);
}

INSTANTIATE_TEST_SUITE_P(Models, ConcurrentModelTiming,
    ::testing::Values(ModelKind::Processes, ModelKind::Threads, ModelKind::EventLoop), modelName);

TEST(ThreadsModelTiming, CpuBoundScalesWithCores)
{
    const int cores = usableCores();
    if (cores < 2)
        GTEST_SKIP() << "one core: nothing to scale onto";
    EXPECT_TRUE(
        test::scalesAsTheHostAllows(makeConfig(ModelKind::Threads, WorkloadKind::Cpu, cores * 4, cores, 60, 0)));
}

TEST(ThreadsModel, ThreadLanesShowStartUp)
{
    const RunResult result = runToCompletion(makeConfig(ModelKind::Threads, WorkloadKind::Cpu, 4, 4, 1, 0));
    ASSERT_EQ(result.trace->lanes.size(), 4u);
    int startups = 0;
    for (const Segment& s : result.trace->segments)
        startups += s.state == TaskState::StartingUp;
    EXPECT_EQ(startups, 4);
}
