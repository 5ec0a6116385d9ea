#include "core/python/threadlane.h"
#include "tests/core/python/recordingsink.h"

#include <gtest/gtest.h>

namespace conlab::python {
namespace {

constexpr std::int64_t ms = 1'000'000;

// Feeds a lane one state per millisecond from `fromMs` to `toMs` (exclusive).
void feed(ThreadLane& lane, test::RecordingSink& sink, int fromMs, int toMs, TaskState state,
    std::optional<int> epollFd = std::nullopt)
{
    for (int t = fromMs; t < toMs; ++t)
        lane.observe(sink, t * ms, state, 0, epollFd);
}

TEST(PythonObserverLane, SamplesBecomeSegmentsAndWaitForTheLane)
{
    test::RecordingSink sink;
    ThreadLane lane(10, 11, 0);
    feed(lane, sink, 0, 5, TaskState::Running);
    feed(lane, sink, 5, 9, TaskState::WaitingGil);
    EXPECT_TRUE(sink.lanes().empty());
    EXPECT_TRUE(sink.segments().empty()) << "held back until the lane exists";
    lane.createLane(sink, QStringLiteral("worker"));
    ASSERT_EQ(sink.lanes().size(), 1u);
    EXPECT_EQ(sink.lanes()[0].name, QStringLiteral("worker"));
    EXPECT_EQ(sink.lanes()[0].tid, 11);
    feed(lane, sink, 9, 12, TaskState::Running);
    lane.finish(sink, QStringLiteral("worker"));
    const std::vector<Segment> segments = sink.segments();
    ASSERT_EQ(segments.size(), 3u);
    EXPECT_EQ(segments[0].state, TaskState::Running);
    EXPECT_EQ(segments[0].endNs, 5 * ms) << "ends at the sample that saw the change";
    EXPECT_EQ(segments[1].state, TaskState::WaitingGil);
    EXPECT_EQ(segments[1].durationNs(), 4 * ms);
    EXPECT_EQ(segments[2].endNs, 11 * ms) << "the last one ends at its last sample";
    EXPECT_EQ(lane.gilWaitNs(), 4 * ms);
    EXPECT_EQ(sink.faults(), 0);
}

TEST(PythonObserverLane, LongStretchAwayFromTheSelectorIsOneBlockingLoopSegment)
{
    test::RecordingSink sink;
    ThreadLane lane(10, 10, 0);
    lane.createLane(sink, QStringLiteral("main"));
    feed(lane, sink, 0, 50, TaskState::WaitingIo, 3);
    feed(lane, sink, 50, 100, TaskState::Running);
    feed(lane, sink, 100, 170, TaskState::WaitingIo); // time.sleep inside a callback
    feed(lane, sink, 170, 200, TaskState::WaitingIo, 3);
    lane.finish(sink, QStringLiteral("main"));
    const std::vector<Segment> segments = sink.segments();
    ASSERT_EQ(segments.size(), 3u);
    EXPECT_EQ(segments[0].state, TaskState::WaitingIo);
    EXPECT_EQ(segments[0].endNs, 50 * ms);
    EXPECT_EQ(segments[1].state, TaskState::BlockingLoop);
    EXPECT_EQ(segments[1].beginNs, 50 * ms);
    EXPECT_EQ(segments[1].endNs, 170 * ms);
    EXPECT_EQ(segments[2].state, TaskState::WaitingIo);
    EXPECT_EQ(sink.faults(), 0);
}

TEST(PythonObserverLane, ShortCallbacksAreDrawnAsSeen)
{
    test::RecordingSink sink;
    ThreadLane lane(10, 10, 0);
    lane.createLane(sink, QStringLiteral("main"));
    feed(lane, sink, 0, 10, TaskState::WaitingIo, 3);
    feed(lane, sink, 10, 109, TaskState::Running); // 99 ms: under asyncio's slow_callback_duration
    feed(lane, sink, 109, 120, TaskState::WaitingIo, 3);
    lane.finish(sink, QStringLiteral("main"));
    for (const Segment& segment : sink.segments())
        EXPECT_NE(segment.state, TaskState::BlockingLoop);
    EXPECT_EQ(sink.stateNs(0, TaskState::Running), 99 * ms);
}

TEST(PythonObserverLane, AThreadThatNeverWaitedInASelectorIsNoLoop)
{
    test::RecordingSink sink;
    ThreadLane lane(10, 12, 0);
    lane.createLane(sink, QStringLiteral("cpu"));
    feed(lane, sink, 0, 300, TaskState::Running);
    feed(lane, sink, 300, 310, TaskState::WaitingIo);
    lane.finish(sink, QStringLiteral("cpu"));
    EXPECT_EQ(sink.stateNs(0, TaskState::Running), 300 * ms);
    EXPECT_EQ(sink.stateNs(0, TaskState::BlockingLoop), 0);
}

TEST(PythonObserverLane, AClosedLoopEndsTheStretchWithoutBlame)
{
    test::RecordingSink sink;
    ThreadLane lane(10, 10, 0);
    lane.createLane(sink, QStringLiteral("main"));
    feed(lane, sink, 0, 10, TaskState::WaitingIo, 3);
    feed(lane, sink, 10, 200, TaskState::Running); // asyncio.run returned; the script computes on
    EXPECT_EQ(lane.loopCheckDue(200 * ms), 3);
    lane.loopClosed(sink);
    feed(lane, sink, 200, 250, TaskState::Running);
    lane.finish(sink, QStringLiteral("main"));
    EXPECT_EQ(sink.stateNs(0, TaskState::BlockingLoop), 0);
    EXPECT_EQ(sink.stateNs(0, TaskState::Running), 239 * ms);
    EXPECT_EQ(sink.faults(), 0);
}

} // namespace
} // namespace conlab::python
