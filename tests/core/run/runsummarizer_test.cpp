#include "core/run/engine.h"
#include "core/run/runsummarizer.h"
#include "tests/core/overlappingrecorder.h"

#include <gtest/gtest.h>

using namespace conlab;

namespace {

Segment seg(std::uint16_t lane, int task, TaskState state, std::int64_t beginMs, std::int64_t endMs)
{
    return Segment {beginMs * 1'000'000, endMs * 1'000'000, task, lane, state, -1};
}

} // namespace

TEST(RunSummarizer, ResumeLatencyIsGapFromIoEndToNextRun)
{
    Trace trace;
    trace.lanes = {LaneInfo {QStringLiteral("a"), LaneKind::Thread}, LaneInfo {QStringLiteral("b"), LaneKind::Thread}};
    trace.segments = {
        seg(0, 0, TaskState::Running, 0, 10),
        seg(0, 0, TaskState::WaitingIo, 10, 60),
        seg(0, 0, TaskState::Ready, 60, 63),
        seg(0, 0, TaskState::Running, 63, 64),
        // Lane b: segments arrive out of order; the wait of task 1 is followed by task 2 only: no sample.
        seg(1, 2, TaskState::Running, 40, 50),
        seg(1, 1, TaskState::WaitingIo, 0, 30),
        seg(1, 1, TaskState::Ready, 30, 37),
        seg(1, 1, TaskState::Running, 37, 38),
    };
    const auto samples = resumeLatencySamplesMs(trace);
    ASSERT_EQ(samples.size(), 2u);
    EXPECT_DOUBLE_EQ(samples[0], 3.0);
    EXPECT_DOUBLE_EQ(samples[1], 7.0);
}

TEST(RunSummarizer, NearestRankPercentiles)
{
    std::vector<double> samples;
    for (int i = 100; i >= 1; --i)
        samples.push_back(i);
    const LatencyStats stats = latencyStats(samples);
    EXPECT_EQ(stats.count, 100);
    EXPECT_DOUBLE_EQ(stats.p50, 50);
    EXPECT_DOUBLE_EQ(stats.p99, 99);
    EXPECT_DOUBLE_EQ(stats.max, 100);
    EXPECT_EQ(latencyStats({}).count, 0);
}

// A model that records two states of one lane at once is counted and said, not hidden.
TEST(RunSummarizer, CountsAndNotesOverlappingSegments)
{
    const Trace overlapping = test::overlappingTrace();
    EXPECT_EQ(overlappingSegments(overlapping), 2);
    const RunSummary summary = summarizeRun(RunConfig {}, overlapping, EngineResult {});
    EXPECT_EQ(summary.overlappingSegments, 2);
    ASSERT_EQ(summary.notes.size(), 1);
    EXPECT_TRUE(summary.notes.at(0).contains(QStringLiteral("overlap"))) << summary.notes.at(0).toStdString();

    // Touching is not overlapping, and a lane's order of recording does not matter.
    Trace clean;
    clean.lanes = {LaneInfo {QStringLiteral("a"), LaneKind::Thread}};
    clean.segments = {seg(0, 0, TaskState::Ready, 5, 9), seg(0, 0, TaskState::Running, 0, 5)};
    EXPECT_EQ(overlappingSegments(clean), 0);
    EXPECT_TRUE(summarizeRun(RunConfig {}, clean, EngineResult {}).notes.isEmpty());
}

// A migration is a running worker seen on another core than its previous running segment, across any wait between
// them; unknown cores and the GIL lane (which draws a holder, not a thread) are not migrations.
TEST(RunSummarizer, CountsCoreChangesOfRunningWorkers)
{
    const auto on = [](Segment segment, int core) {
        segment.core = std::int8_t(core);
        return segment;
    };
    Trace trace;
    trace.lanes = {LaneInfo {QStringLiteral("a"), LaneKind::Thread}, LaneInfo {QStringLiteral("b"), LaneKind::Thread},
        LaneInfo {QStringLiteral("GIL"), LaneKind::Gil}};
    trace.segments = {
        on(seg(0, 0, TaskState::Running, 0, 5), 0),
        on(seg(0, 0, TaskState::Ready, 5, 9), -1),
        on(seg(0, 0, TaskState::Running, 9, 12), 1), // 1: moved while it waited
        on(seg(0, 0, TaskState::Running, 12, 14), -1), // unknown: neither a move nor the end of one
        on(seg(0, 1, TaskState::Running, 20, 30), 0), // 2: another task, the same thread
        // Lane b, recorded out of order: cores 1, 1, 0 in time order.
        on(seg(1, 2, TaskState::Running, 10, 20), 0), // 3
        on(seg(1, 2, TaskState::Running, 0, 5), 1),
        on(seg(1, 2, TaskState::WaitingIo, 5, 7), 0),
        on(seg(1, 2, TaskState::Running, 7, 10), 1),
        on(seg(2, 0, TaskState::Running, 0, 10), 0),
        on(seg(2, 1, TaskState::Running, 10, 20), 1),
    };
    EXPECT_EQ(coreMigrations(trace), 3);
    EXPECT_EQ(summarizeRun(RunConfig {}, trace, EngineResult {}).migrations, 3);
}
