#include "core/trace/lanearrangement.h"
#include "tests/core/testrun.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <tuple>

namespace conlab {
namespace {

Segment seg(int lane, std::int64_t begin, int task)
{
    Segment s;
    s.lane = std::uint16_t(lane);
    s.beginNs = begin;
    s.endNs = begin + 5;
    s.task = task;
    return s;
}

auto key(const Segment& s)
{
    return std::make_tuple(s.lane, s.beginNs, s.endNs, s.task, s.state, s.core);
}

std::vector<Segment> sortedCopy(std::vector<Segment> segments)
{
    std::sort(segments.begin(), segments.end(), [](const Segment& a, const Segment& b) { return key(a) < key(b); });
    return segments;
}

// Batches as the recorder drains them: each lane in time order, the lanes interleaved from batch to batch, and one
// segment of lane 1 a batch late.
Trace interleaved()
{
    Trace trace;
    trace.lanes = {LaneInfo {QStringLiteral("a")}, LaneInfo {QStringLiteral("b")}, LaneInfo {QStringLiteral("c")}};
    trace.segments = {seg(1, 0, 1), seg(0, 0, 2), seg(0, 10, 3), seg(2, 5, 4), seg(1, 20, 5), seg(0, 20, 6),
        seg(1, 10, 7), seg(2, 15, 8)};
    trace.segments.reserve(100);
    return trace;
}

} // namespace

TEST(LaneArrangement, LaneByLaneInOrderOfBeginKeepingEverySegment)
{
    Trace trace = interleaved();
    const std::vector<Segment> before = trace.segments;
    EXPECT_FALSE(isArrangedByLane(trace));
    arrangeByLane(trace);
    EXPECT_TRUE(isArrangedByLane(trace));
    ASSERT_EQ(trace.segments.size(), before.size());
    EXPECT_EQ(trace.segments.capacity(), trace.segments.size()) << "no spare capacity is kept";
    std::vector<int> tasks;
    for (const Segment& s : trace.segments)
        tasks.push_back(s.task);
    EXPECT_EQ(tasks, (std::vector<int> {2, 3, 6, 1, 7, 5, 4, 8}));
    const auto a = sortedCopy(before);
    const auto b = sortedCopy(trace.segments);
    EXPECT_TRUE(std::equal(a.begin(), a.end(), b.begin(), [](auto& x, auto& y) { return key(x) == key(y); }));
}

TEST(LaneArrangement, ASegmentOfNoKnownLaneGoesLastAndTheTraceIsNotArranged)
{
    Trace trace = interleaved();
    trace.segments.insert(trace.segments.begin(), seg(7, 0, 99));
    arrangeByLane(trace);
    ASSERT_EQ(trace.segments.size(), 9u);
    EXPECT_EQ(trace.segments.back().task, 99);
    EXPECT_FALSE(isArrangedByLane(trace));
}

// RunController leaves a finished run's trace so, every model's lanes interleaved as they were drained: the window
// then draws it without a copy (TimelineData::assign).
TEST(LaneArrangement, AFinishedRunsTraceIsArrangedByLane)
{
    for (ModelKind model : {ModelKind::Threads, ModelKind::EventLoop}) {
        const RunResult result = test::runToCompletion(test::makeConfig(model, WorkloadKind::Mixed, 6, 3, 2, 2));
        ASSERT_TRUE(result.trace);
        EXPECT_TRUE(result.summary.error.isEmpty()) << result.summary.error.toStdString();
        EXPECT_GT(result.trace->segments.size(), 12u);
        EXPECT_TRUE(isArrangedByLane(*result.trace)) << modelKey(model).toStdString();
        EXPECT_EQ(result.trace->segments.capacity(), result.trace->segments.size());
    }
}

} // namespace conlab
