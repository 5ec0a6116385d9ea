#include "core/trace/lanelabel.h"
#include "ui/timeline/corelanes.h"
#include "ui/timeline/timelinedata.h"

#include <gtest/gtest.h>

namespace conlab {
namespace {

Segment seg(
    int lane, std::int64_t begin, std::int64_t end, int core, TaskState state = TaskState::Running, int task = 0)
{
    Segment s;
    s.lane = std::uint16_t(lane);
    s.beginNs = begin;
    s.endNs = end;
    s.task = task;
    s.state = state;
    s.core = std::int8_t(core);
    return s;
}

std::vector<LaneInfo> workers()
{
    return {{QStringLiteral("thread 0"), LaneKind::Thread}, {QStringLiteral("thread 1"), LaneKind::Thread},
        {QStringLiteral("GIL"), LaneKind::Gil}};
}

// A run's segments by lane: two workers taking turns on cores 0 and 2, waits between, and the GIL lane.
TimelineData byLane()
{
    TimelineData lanes;
    lanes.reset(workers());
    lanes.append({
        seg(0, 0, 10, 0),
        seg(0, 10, 20, -1, TaskState::WaitingIo),
        seg(0, 20, 30, 2),
        seg(1, 0, 10, 2, TaskState::Running, 1),
        seg(1, 10, 15, -1, TaskState::Ready, 1),
        seg(1, 15, 25, 0, TaskState::BlockingLoop, 1),
        seg(1, 25, 28, -1, TaskState::Running, 1), // a running piece whose core is not known
        seg(2, 0, 30, 0),
    });
    return lanes;
}

std::vector<std::pair<std::int64_t, int>> beginsAndWorkers(std::span<const Segment> lane)
{
    std::vector<std::pair<std::int64_t, int>> result;
    for (const Segment& s : lane)
        result.emplace_back(s.beginNs, s.lane);
    return result;
}

TEST(CoreLanes, EachRunningSegmentGoesOnItsCoresLaneAndNothingElseDoes)
{
    TimelineData cores;
    cores.assignCores(byLane(), {0, 1, 2});
    ASSERT_EQ(cores.laneCount(), 3) << "core 1 ran nothing and keeps its lane: idle is what the view shows";
    EXPECT_TRUE(cores.byCore());
    EXPECT_EQ(laneLabel(cores.lanes()[2].name), QStringLiteral("Core 2"));
    EXPECT_EQ(cores.coreOfRow(2), 2);
    EXPECT_EQ(beginsAndWorkers(cores.lane(0)), (std::vector<std::pair<std::int64_t, int>> {{0, 0}, {15, 1}}));
    EXPECT_TRUE(cores.lane(1).empty());
    EXPECT_EQ(beginsAndWorkers(cores.lane(2)), (std::vector<std::pair<std::int64_t, int>> {{0, 1}, {20, 0}}));
    EXPECT_EQ(cores.segmentCount(), 4u);
    EXPECT_EQ(cores.workers()[1].name, QStringLiteral("thread 1"));
    // Hover finds the worker who held the core.
    const Segment* held = cores.segmentAt(0, 17);
    ASSERT_NE(held, nullptr);
    EXPECT_EQ(held->lane, 1);
    EXPECT_EQ(held->task, 1);
}

TEST(CoreLanes, ACoreTheSegmentsNameGetsALaneInCoreOrder)
{
    TimelineData cores;
    cores.assignCores(byLane(), {1});
    ASSERT_EQ(cores.laneCount(), 3);
    EXPECT_EQ(cores.coreOfRow(0), 0);
    EXPECT_EQ(cores.coreOfRow(1), 1);
    EXPECT_EQ(cores.coreOfRow(2), 2);
    EXPECT_EQ(cores.lane(0).size(), 2u);
}

// Live: batches bring each worker's segments in turn, so a core's come out of order; the lanes end as a whole run's.
TEST(CoreLanes, LiveBatchesInAnyOrderEndAsTheWholeRun)
{
    TimelineData whole;
    whole.assignCores(byLane(), {0, 1});
    TimelineData live;
    live.resetCores(workers(), {0, 1});
    live.append({seg(1, 15, 25, 0, TaskState::BlockingLoop, 1), seg(0, 20, 30, 2)});
    EXPECT_EQ(live.laneCount(), 3) << "core 2 appeared";
    live.append({seg(0, 0, 10, 0), seg(1, 0, 10, 2, TaskState::Running, 1), seg(2, 0, 30, 0)});
    ASSERT_EQ(live.laneCount(), whole.laneCount());
    for (int row = 0; row < whole.laneCount(); ++row)
        EXPECT_EQ(beginsAndWorkers(live.lane(row)), beginsAndWorkers(whole.lane(row))) << "row " << row;
    EXPECT_EQ(live.segmentCount(), whole.segmentCount());
    EXPECT_EQ(live.beginNs(), 0);
    EXPECT_EQ(live.endNs(), 30);
}

// A core runs one thread at a time: measured pieces that overlap on it are cut so that its lane's ends stay sorted,
// which folding and hover rely on.
TEST(CoreLanes, OverlapsOnOneCoreAreCutToTheEarlierSegmentsEnd)
{
    std::vector<Segment> lane {seg(0, 0, 10, 0), seg(1, 8, 20, 0), seg(0, 12, 15, 0), seg(1, 20, 25, 0)};
    EXPECT_EQ(clipCoreLaneOverlaps(lane), 1u);
    ASSERT_EQ(lane.size(), 3u);
    EXPECT_EQ(lane[1].beginNs, 10);
    EXPECT_EQ(lane[1].endNs, 20);
    EXPECT_EQ(lane[2].beginNs, 20);

    TimelineData live;
    live.resetCores(workers(), {0});
    live.append({seg(0, 0, 10, 0), seg(0, 30, 40, 0)});
    live.append({seg(1, 5, 12, 0)}); // late, and overlapping the first
    EXPECT_EQ(beginsAndWorkers(live.lane(0)), (std::vector<std::pair<std::int64_t, int>> {{0, 0}, {10, 1}, {30, 0}}));
    EXPECT_EQ(live.segmentCount(), 3u);
}

TEST(CoreLanes, ALiveRunGetsTheCoresThisProcessMayUse)
{
    const std::vector<int> cores = coresOfLiveRun();
    EXPECT_FALSE(cores.empty());
    EXPECT_TRUE(std::is_sorted(cores.begin(), cores.end()));
    EXPECT_EQ(coresOfTrace(3), (std::vector<int> {0, 1, 2}));
}

} // namespace
} // namespace conlab
