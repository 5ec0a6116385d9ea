#include "core/python/recordersink.h"
#include "core/trace/tracerecorder.h"

#include <gtest/gtest.h>

using namespace conlab;
using python::ObservedLane;

namespace {

ObservedLane thread(pid_t pid, pid_t tid, const char* name)
{
    return ObservedLane {ObservedLane::Kind::Thread, pid, tid, QString::fromLatin1(name)};
}

ObservedLane gil(pid_t pid)
{
    return ObservedLane {ObservedLane::Kind::Gil, pid, 0, QStringLiteral("python3")};
}

} // namespace

TEST(RecorderSink, NamesLanesForTheReaderAndAddsThemToTheRun)
{
    TraceRecorder recorder({}, 16);
    RecorderSink sink(recorder, 100);
    sink.laneFor(thread(100, 100, "MainThread"));
    sink.laneFor(gil(100));
    sink.laneFor(thread(100, 101, ""));
    sink.laneFor(thread(200, 200, "ForkProcess-1"));
    sink.laneFor(gil(200));
    const std::vector<LaneInfo> lanes = recorder.lanes();
    ASSERT_EQ(lanes.size(), 5u);
    EXPECT_EQ(lanes[0].name, QStringLiteral("MainThread"));
    EXPECT_EQ(lanes[0].kind, LaneKind::Thread);
    EXPECT_EQ(lanes[1].name, QStringLiteral("GIL"));
    EXPECT_EQ(lanes[1].kind, LaneKind::Gil);
    EXPECT_EQ(lanes[2].name, QStringLiteral("thread 101"));
    EXPECT_EQ(lanes[3].name, QStringLiteral("ForkProcess-1 [pid 200]"));
    EXPECT_EQ(lanes[4].name, QStringLiteral("GIL [pid 200]"));
}

TEST(RecorderSink, AGilSegmentNamesItsHolderByLaneInItsOwnProcess)
{
    TraceRecorder recorder({}, 16);
    RecorderSink sink(recorder, 100);
    const std::uint16_t main = sink.laneFor(thread(100, 100, "MainThread"));
    const std::uint16_t worker = sink.laneFor(thread(100, 101, "worker"));
    const std::uint16_t childMain = sink.laneFor(thread(200, 101, "MainThread")); // same tid, other process
    const std::uint16_t gilLane = sink.laneFor(gil(100));
    sink.record(Segment {0, 10, 101, gilLane, TaskState::Running, 1});
    sink.record(Segment {10, 20, 100, gilLane, TaskState::Running, 0});
    sink.record(Segment {20, 30, 555, gilLane, TaskState::Running, 0}); // a thread without a lane yet
    sink.record(Segment {0, 30, -1, childMain, TaskState::Running, 0}); // thread segments pass unchanged
    const std::vector<Segment> segments = recorder.drain();
    ASSERT_EQ(segments.size(), 4u);
    EXPECT_EQ(segments[0].task, -1);
    EXPECT_EQ(segments[0].lane, childMain);
    EXPECT_EQ(segments[1].task, worker);
    EXPECT_EQ(segments[2].task, main);
    EXPECT_EQ(segments[3].task, -1);
}

TEST(RecorderSink, LanesBeyondTheCapacityAreRefusedAndTheirSegmentsDropped)
{
    TraceRecorder recorder({}, 1);
    RecorderSink sink(recorder, 100);
    const std::uint16_t kept = sink.laneFor(thread(100, 100, "MainThread"));
    const std::uint16_t refused = sink.laneFor(thread(100, 101, "worker"));
    EXPECT_EQ(refused, RecorderSink::noLane);
    sink.record(Segment {0, 1, -1, kept, TaskState::Running, 0});
    sink.record(Segment {0, 1, -1, refused, TaskState::Running, 0});
    EXPECT_EQ(recorder.drain().size(), 1u);
    EXPECT_EQ(sink.refusedLanes(), 1);
}
