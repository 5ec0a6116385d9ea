#include "core/trace/lanearrangement.h"
#include "ui/timeline/timelinedata.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <memory>

namespace conlab {
namespace {

Segment seg(int lane, std::int64_t begin, std::int64_t end, int task = 0, TaskState state = TaskState::Running)
{
    Segment s;
    s.lane = std::uint16_t(lane);
    s.beginNs = begin;
    s.endNs = end;
    s.task = task;
    s.state = state;
    return s;
}

std::vector<LaneInfo> lanes(int count)
{
    std::vector<LaneInfo> result;
    for (int i = 0; i < count; ++i)
        result.push_back({QStringLiteral("thread %1").arg(i), LaneKind::Thread});
    return result;
}

std::vector<std::int64_t> begins(std::span<const Segment> lane)
{
    std::vector<std::int64_t> result;
    for (const Segment& s : lane)
        result.push_back(s.beginNs);
    return result;
}

TEST(TimelineData, StartsEmptyWithItsLanes)
{
    TimelineData data;
    data.reset(lanes(3), 1000);
    EXPECT_EQ(data.laneCount(), 3);
    EXPECT_EQ(data.lanes()[2].name, QStringLiteral("thread 2"));
    EXPECT_TRUE(data.isEmpty());
    EXPECT_EQ(data.segmentCount(), 0u);
    EXPECT_EQ(data.beginNs(), 1000);
    EXPECT_EQ(data.endNs(), 1000);
    EXPECT_TRUE(data.lane(0).empty());
    EXPECT_TRUE(data.lane(7).empty());
    EXPECT_EQ(data.segmentAt(0, 1000), nullptr);
}

TEST(TimelineData, SortsBatchesInAnyLaneOrderIntoLanes)
{
    TimelineData data;
    data.reset(lanes(2));
    data.append({seg(1, 0, 10), seg(0, 5, 8), seg(1, 10, 30), seg(0, 0, 5)});
    EXPECT_EQ(data.segmentCount(), 4u);
    EXPECT_EQ(begins(data.lane(0)), (std::vector<std::int64_t> {0, 5}));
    EXPECT_EQ(begins(data.lane(1)), (std::vector<std::int64_t> {0, 10}));
    EXPECT_EQ(data.beginNs(), 0);
    EXPECT_EQ(data.endNs(), 30);
}

TEST(TimelineData, MergesALateSegmentIntoItsPlace)
{
    TimelineData data;
    data.reset(lanes(1));
    data.append({seg(0, 0, 10), seg(0, 10, 20), seg(0, 30, 40)});
    // A worker reported its 20-30 ns segment one batch late.
    data.append({seg(0, 20, 30), seg(0, 40, 50)});
    EXPECT_EQ(begins(data.lane(0)), (std::vector<std::int64_t> {0, 10, 20, 30, 40}));
    EXPECT_EQ(data.endNs(), 50);
}

TEST(TimelineData, DropsSegmentsOfUnknownLanes)
{
    TimelineData data;
    data.reset(lanes(1));
    data.append({seg(0, 0, 10), seg(5, 0, 10)});
    EXPECT_EQ(data.segmentCount(), 1u);
}

TEST(TimelineData, FindsTheSegmentUnderATime)
{
    TimelineData data;
    data.reset(lanes(2));
    data.append({seg(0, 0, 10, 1), seg(0, 20, 30, 2), seg(0, 31, 32, 3), seg(1, 0, 100, 9)});
    ASSERT_NE(data.segmentAt(0, 5), nullptr);
    EXPECT_EQ(data.segmentAt(0, 5)->task, 1);
    EXPECT_EQ(data.segmentAt(0, 20)->task, 2);
    EXPECT_EQ(data.segmentAt(1, 50)->task, 9);
    // In a gap only with a tolerance, and then the nearer neighbour.
    EXPECT_EQ(data.segmentAt(0, 14), nullptr);
    EXPECT_EQ(data.segmentAt(0, 14, 5)->task, 1);
    EXPECT_EQ(data.segmentAt(0, 17, 5)->task, 2);
    EXPECT_EQ(data.segmentAt(0, 30, 5)->task, 2); // end is exclusive, but 30 is on 2's edge
    EXPECT_EQ(data.segmentAt(0, 200, 5), nullptr);
    EXPECT_EQ(data.segmentAt(-1, 5), nullptr);
    EXPECT_EQ(data.segmentAt(2, 5), nullptr);
}

TEST(TimelineData, AssignsAWholeTraceSortedAndSizedExactly)
{
    Trace trace;
    trace.originNs = 500;
    trace.lanes = lanes(2);
    trace.segments = {seg(1, 900, 1000), seg(0, 700, 800), seg(1, 600, 700), seg(0, 500, 600)};
    TimelineData data;
    data.assign(trace);
    EXPECT_EQ(data.originNs(), 500);
    EXPECT_EQ(data.segmentCount(), 4u);
    EXPECT_EQ(begins(data.lane(0)), (std::vector<std::int64_t> {500, 700}));
    EXPECT_EQ(begins(data.lane(1)), (std::vector<std::int64_t> {600, 900}));
    EXPECT_EQ(data.beginNs(), 500);
    EXPECT_EQ(data.endNs(), 1000);
}

TEST(TimelineData, StoresALiveMillionSegmentsInAtMost32BytesEach)
{
    constexpr int laneCount = 64;
    constexpr int total = 1'000'000;
    TimelineData data;
    data.reset(lanes(laneCount));
    std::vector<Segment> batch;
    std::int64_t t = 0;
    for (int i = 0; i < total; ++i) {
        batch.push_back(seg(i % laneCount, t, t + 900));
        if (i % laneCount == laneCount - 1)
            t += 1000;
        if (batch.size() == 3000) {
            data.append(batch);
            batch.clear();
        }
    }
    data.append(batch);
    EXPECT_EQ(data.segmentCount(), std::size_t(total));
    EXPECT_LE(data.bytesPerSegment(), 32.0);
    EXPECT_GE(data.bytesPerSegment(), double(sizeof(Segment)));
    for (int lane = 0; lane < laneCount; ++lane) {
        const auto segments = data.lane(lane);
        EXPECT_TRUE(std::is_sorted(segments.begin(), segments.end(),
            [](const Segment& a, const Segment& b) { return a.beginNs < b.beginNs; }));
    }
}

// A finished run's trace is arranged by lane (RunController): the timeline then shows it without a copy, its lanes
// views into the trace the window keeps anyway, so a shown run is held once.
TEST(TimelineData, ShowsATraceArrangedByLaneWithoutACopy)
{
    auto trace = std::make_shared<Trace>();
    trace->lanes = lanes(3);
    trace->originNs = 100;
    trace->segments = {seg(1, 300, 400), seg(0, 100, 200), seg(2, 150, 160), seg(0, 250, 260), seg(1, 120, 130)};
    arrangeByLane(*trace);
    TimelineData copied;
    copied.assign(*trace);
    TimelineData shared;
    shared.assign(std::shared_ptr<const Trace>(trace));

    EXPECT_EQ(shared.segmentCount(), 5u);
    EXPECT_EQ(shared.beginNs(), 100);
    EXPECT_EQ(shared.endNs(), 400);
    const Segment* first = trace->segments.data();
    const Segment* last = first + trace->segments.size();
    for (int lane = 0; lane < 3; ++lane) {
        const auto view = shared.lane(lane);
        const auto own = copied.lane(lane);
        ASSERT_EQ(view.size(), own.size()) << lane;
        for (std::size_t i = 0; i < view.size(); ++i) {
            EXPECT_TRUE(&view[i] >= first && &view[i] < last) << "lane " << lane << " is a copy";
            EXPECT_EQ(view[i].beginNs, own[i].beginNs);
            EXPECT_EQ(view[i].task, own[i].task);
        }
    }
    EXPECT_EQ(shared.segmentAt(1, 125), &shared.lane(1)[0]);

    // Appending after a shown trace works on a copy of its own; the trace stays as it was.
    shared.append(std::vector<Segment> {seg(2, 500, 600)});
    EXPECT_EQ(shared.lane(2).size(), 2u);
    EXPECT_FALSE(shared.lane(2).data() >= first && shared.lane(2).data() < last);
    EXPECT_EQ(trace->segments.size(), 5u);
}

// A trace that is not arranged (a file from another tool) is copied into lanes, as before.
TEST(TimelineData, CopiesATraceThatIsNotArrangedByLane)
{
    auto trace = std::make_shared<Trace>();
    trace->lanes = lanes(2);
    trace->segments = {seg(1, 300, 400), seg(0, 100, 200)};
    TimelineData data;
    data.assign(std::shared_ptr<const Trace>(trace));
    ASSERT_EQ(data.lane(1).size(), 1u);
    EXPECT_NE(data.lane(1).data(), &trace->segments[0]);
    EXPECT_EQ(data.lane(1)[0].beginNs, 300);
}

// An observed Python program's lanes come while it runs: each process's GIL and threads are kept together, a child
// process's lanes below the parent's even when the parent starts a thread later.
TEST(TimelineData, LanesAddedDuringTheRunAreGroupedByProcess)
{
    TimelineData data;
    data.reset({}, 0);
    data.addLanes({{QStringLiteral("GIL"), LaneKind::Gil}, {QStringLiteral("MainThread"), LaneKind::Thread}});
    data.addLanes(
        {{QStringLiteral("GIL [pid 42]"), LaneKind::Gil}, {QStringLiteral("MainThread [pid 42]"), LaneKind::Thread}});
    data.addLanes(
        {{QStringLiteral("Thread-1"), LaneKind::Thread}, {QStringLiteral("Worker [pid 42]"), LaneKind::Thread}});
    std::vector<QString> names;
    for (const LaneInfo& lane : data.lanes())
        names.push_back(lane.name);
    EXPECT_EQ(names,
        (std::vector<QString> {QStringLiteral("GIL"), QStringLiteral("MainThread"), QStringLiteral("Thread-1"),
            QStringLiteral("GIL [pid 42]"), QStringLiteral("MainThread [pid 42]"), QStringLiteral("Worker [pid 42]")}));
    // Segments name lanes by the order they were added; each lands in its lane's row.
    EXPECT_EQ(data.rowOfLane(4), 2); // Thread-1
    EXPECT_EQ(data.rowOfLane(2), 3); // GIL [pid 42]
    EXPECT_EQ(data.rowOfLane(6), -1);
    data.append(std::vector<Segment> {seg(4, 10, 20), seg(2, 5, 15), seg(5, 30, 40)});
    ASSERT_EQ(data.lane(2).size(), 1u);
    EXPECT_EQ(data.lane(2)[0].beginNs, 10);
    ASSERT_EQ(data.lane(3).size(), 1u);
    EXPECT_EQ(data.lane(3)[0].beginNs, 5);
    ASSERT_EQ(data.lane(5).size(), 1u);
    EXPECT_EQ(data.lane(5)[0].beginNs, 30);

    // A saved run of the same lanes is drawn in the same rows.
    Trace trace;
    trace.lanes = {{QStringLiteral("GIL"), LaneKind::Gil}, {QStringLiteral("MainThread"), LaneKind::Thread},
        {QStringLiteral("GIL [pid 42]"), LaneKind::Gil}, {QStringLiteral("MainThread [pid 42]"), LaneKind::Thread},
        {QStringLiteral("Thread-1"), LaneKind::Thread}};
    trace.segments = {seg(4, 10, 20), seg(2, 5, 15)};
    TimelineData saved;
    saved.assign(trace);
    EXPECT_EQ(saved.lanes()[2].name, QStringLiteral("Thread-1"));
    ASSERT_EQ(saved.lane(2).size(), 1u);
    EXPECT_EQ(saved.lane(2)[0].beginNs, 10);
    ASSERT_EQ(saved.lane(3).size(), 1u);
    EXPECT_EQ(saved.lane(3)[0].beginNs, 5);
}

// conlab's own models name no process: their lanes are shown in the order the model gave them, GIL lane included.
TEST(TimelineData, LanesOfConlabsOwnModelsKeepTheirOrder)
{
    TimelineData data;
    std::vector<LaneInfo> given = lanes(3);
    given.push_back({QStringLiteral("GIL"), LaneKind::Gil});
    data.reset(given, 0);
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(data.lanes()[std::size_t(i)].name, given[std::size_t(i)].name);
        EXPECT_EQ(data.rowOfLane(i), i);
    }
}

} // namespace
} // namespace conlab
