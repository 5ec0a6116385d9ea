#include "core/trace/tracerecorder.h"

#include <algorithm>
#include <atomic>
#include <gtest/gtest.h>
#include <thread>

using namespace conlab;

TEST(TraceRecorder, AddsLanesUpToItsCapacity)
{
    TraceRecorder recorder({LaneInfo {QStringLiteral("fixed"), LaneKind::Thread}}, 3);
    EXPECT_EQ(recorder.laneCount(), 1);
    EXPECT_EQ(recorder.addLane(LaneInfo {QStringLiteral("a"), LaneKind::Thread}), std::uint16_t(1));
    EXPECT_EQ(recorder.addLane(LaneInfo {QStringLiteral("GIL"), LaneKind::Gil}), std::uint16_t(2));
    EXPECT_EQ(recorder.addLane(LaneInfo {QStringLiteral("c"), LaneKind::Thread}), std::nullopt);
    EXPECT_EQ(recorder.laneCount(), 3);
    const std::vector<LaneInfo> added = recorder.lanesFrom(1);
    ASSERT_EQ(added.size(), 2u);
    EXPECT_EQ(added[0].name, QStringLiteral("a"));
    EXPECT_EQ(added[1].kind, LaneKind::Gil);
    EXPECT_TRUE(recorder.lanesFrom(3).empty());
}

TEST(TraceRecorder, WithoutCapacityItKeepsTheLanesItWasGiven)
{
    TraceRecorder recorder({LaneInfo {QStringLiteral("only"), LaneKind::Thread}});
    EXPECT_EQ(recorder.addLane(LaneInfo {QStringLiteral("more"), LaneKind::Thread}), std::nullopt);
    EXPECT_EQ(recorder.laneCapacity(), 1u);
}

TEST(TraceRecorder, DrainStopsAtTheLaneLimitAndKeepsTheRestForLater)
{
    TraceRecorder recorder({}, 4);
    const auto first = recorder.addLane(LaneInfo {QStringLiteral("first"), LaneKind::Thread});
    const auto second = recorder.addLane(LaneInfo {QStringLiteral("second"), LaneKind::Thread});
    recorder.record(Segment {0, 1, -1, *first, TaskState::Running, 0});
    recorder.record(Segment {0, 1, -1, *second, TaskState::Running, 0});
    const std::vector<Segment> limited = recorder.drain(1);
    ASSERT_EQ(limited.size(), 1u);
    EXPECT_EQ(limited[0].lane, *first);
    const std::vector<Segment> rest = recorder.drain();
    ASSERT_EQ(rest.size(), 1u);
    EXPECT_EQ(rest[0].lane, *second);
}

// Lanes appear on one thread while it records into them and another thread drains with the lane count it has been
// told, as the run controller does: every segment arrives once, and never before its lane is known.
TEST(TraceRecorder, LanesAddedDuringARunReachTheDrainerBeforeTheirSegments)
{
    constexpr int lanes = 200;
    constexpr int perLane = 2000;
    TraceRecorder recorder({}, lanes);
    std::atomic<bool> done {false};
    std::thread observer([&] {
        std::vector<std::uint16_t> mine;
        for (int i = 0; i < lanes; ++i) {
            mine.push_back(*recorder.addLane(LaneInfo {QStringLiteral("thread %1").arg(i), LaneKind::Thread}));
            for (int k = 0; k < perLane; ++k) {
                const std::uint16_t lane = mine[std::size_t(k) % mine.size()];
                recorder.record(Segment {k, k + 1, i, lane, TaskState::Running, 0});
            }
        }
        done.store(true, std::memory_order_release);
    });
    std::vector<LaneInfo> known;
    std::vector<Segment> drained;
    bool lateLane = false;
    const auto drainOnce = [&] {
        const std::vector<LaneInfo> added = recorder.lanesFrom(known.size());
        known.insert(known.end(), added.begin(), added.end());
        const std::vector<Segment> batch = recorder.drain(known.size());
        lateLane = lateLane
            || std::any_of(batch.begin(), batch.end(), [&](const Segment& s) { return s.lane >= known.size(); });
        drained.insert(drained.end(), batch.begin(), batch.end());
    };
    while (!done.load(std::memory_order_acquire))
        drainOnce();
    observer.join();
    drainOnce();
    EXPECT_FALSE(lateLane);
    EXPECT_EQ(known.size(), std::size_t(lanes));
    EXPECT_EQ(drained.size(), std::size_t(lanes) * perLane);
    EXPECT_EQ(known[lanes - 1].name, QStringLiteral("thread %1").arg(lanes - 1));
}
