#include "ui/timeline/segmentfolding.h"

#include <cmath>
#include <gtest/gtest.h>
#include <ostream>

namespace conlab {

// Readable failure messages: gtest finds this next to TimelineMark.
void PrintTo(const TimelineMark& m, std::ostream* os)
{
    *os << "{" << m.left << ", " << m.right << ", " << taskStateKey(m.state).toStdString()
        << (m.folded ? ", folded" : "") << (m.blockingLoop ? ", blocking" : "") << ", count " << m.count << ", first "
        << m.first << "}";
}

namespace {

Segment seg(std::int64_t begin, std::int64_t end, TaskState state = TaskState::Running)
{
    Segment s;
    s.beginNs = begin;
    s.endNs = end;
    s.state = state;
    return s;
}

// 1000 ns over 100 px: one pixel is 10 ns, so pixel positions are ns / 10.
const TimeAxisMapping tenNsPerPixel {0.0, 1e-6, 0.0, 100.0};

// Pixel positions come out of floating-point mapping: equal to a nanometre of a pixel is equal.
void expectMarks(const std::vector<TimelineMark>& actual, const std::vector<TimelineMark>& expected)
{
    ASSERT_EQ(actual.size(), expected.size()) << ::testing::PrintToString(actual);
    for (std::size_t i = 0; i < actual.size(); ++i) {
        TimelineMark rounded = actual[i];
        if (std::abs(rounded.left - expected[i].left) < 1e-9)
            rounded.left = expected[i].left;
        if (std::abs(rounded.right - expected[i].right) < 1e-9)
            rounded.right = expected[i].right;
        EXPECT_EQ(rounded, expected[i]) << "mark " << i;
    }
}

std::vector<TimelineMark> fold(const std::vector<Segment>& lane, const TimeAxisMapping& mapping = tenNsPerPixel)
{
    std::vector<TimelineMark> marks;
    foldLane(lane, 0, mapping, marks);
    return marks;
}

TEST(SegmentFolding, WideSegmentsComeOutAsThemselves)
{
    const auto marks = fold({seg(0, 100), seg(100, 250, TaskState::WaitingIo), seg(300, 310, TaskState::Ready)});
    const std::vector<TimelineMark> expected {
        {0.0, 10.0, TaskState::Running, false, false, 1, 0}, {10.0, 25.0, TaskState::WaitingIo, false, false, 1, 1},
        {30.0, 31.0, TaskState::Ready, false, false, 1, 2}, // exactly one pixel is wide enough
    };
    expectMarks(marks, expected);
}

TEST(SegmentFolding, NarrowSegmentsInOneColumnFoldIntoOneMarkOfTheDominantState)
{
    // Column 3 is [30, 40) ns: 3 ns running, 1 ns I/O, 5 ns ready.
    const auto marks = fold({seg(30, 33), seg(33, 34, TaskState::WaitingIo), seg(34, 39, TaskState::Ready)});
    const std::vector<TimelineMark> expected {{3.0, 4.0, TaskState::Ready, true, false, 3, 0}};
    expectMarks(marks, expected);
}

TEST(SegmentFolding, ALoneNarrowSegmentStaysItselfAtOnePixel)
{
    const auto marks = fold({seg(52, 55, TaskState::WaitingGil), seg(80, 83)});
    const std::vector<TimelineMark> expected {
        {5.2, 6.2, TaskState::WaitingGil, false, false, 1, 0},
        {8.0, 9.0, TaskState::Running, false, false, 1, 1},
    };
    expectMarks(marks, expected);
}

TEST(SegmentFolding, OneMarkPerPixelColumnBetweenWideSegments)
{
    const std::vector<Segment> lane {
        seg(0, 50), // wide: [0, 5)
        seg(50, 52, TaskState::WaitingIo), seg(52, 58, TaskState::Running), // column 5, running wins
        seg(60, 67, TaskState::WaitingIo), seg(67, 69, TaskState::Running), // column 6, I/O wins
        seg(70, 200, TaskState::Ready), // wide: [7, 20)
    };
    const std::vector<TimelineMark> expected {
        {0.0, 5.0, TaskState::Running, false, false, 1, 0},
        {5.0, 6.0, TaskState::Running, true, false, 2, 1},
        {6.0, 7.0, TaskState::WaitingIo, true, false, 2, 3},
        {7.0, 20.0, TaskState::Ready, false, false, 1, 5},
    };
    expectMarks(fold(lane), expected);
}

TEST(SegmentFolding, ABlockedLoopStaysFlaggedWhenOutvoted)
{
    const auto marks = fold(
        {seg(10, 11, TaskState::BlockingLoop), seg(11, 19, TaskState::Running), seg(40, 400, TaskState::BlockingLoop)});
    const std::vector<TimelineMark> expected {
        {1.0, 2.0, TaskState::Running, true, true, 2, 0},
        {4.0, 40.0, TaskState::BlockingLoop, false, true, 1, 2},
    };
    expectMarks(marks, expected);
}

TEST(SegmentFolding, ZeroWidthSegmentsVoteByCount)
{
    const auto marks = fold({seg(20, 20, TaskState::WaitingIo), seg(21, 21), seg(22, 22)});
    ASSERT_EQ(marks.size(), 1u);
    EXPECT_EQ(marks[0].state, TaskState::Running);
    EXPECT_EQ(marks[0].count, 3);
}

TEST(SegmentFolding, OnlyTheVisibleRangeIsMappedAndLongSegmentsAreClipped)
{
    // View [500, 600) ns on 100 px: one pixel per nanosecond.
    const TimeAxisMapping view {500e-9, 600e-9, 0.0, 100.0};
    const std::vector<Segment> lane {
        seg(0, 100), seg(100, 450, TaskState::WaitingIo), // before the view
        seg(450, 520, TaskState::Ready), // enters the view
        seg(520, 10'000, TaskState::Running), // leaves it
        seg(10'000, 20'000, TaskState::WaitingIo), // after
    };
    const auto marks = fold(lane, view);
    const std::vector<TimelineMark> expected {
        {-2.0, 20.0, TaskState::Ready, false, false, 1, 2},
        {20.0, 102.0, TaskState::Running, false, false, 1, 3},
    };
    expectMarks(marks, expected);
}

TEST(SegmentFolding, NothingForAnEmptyLaneOrAnInvalidView)
{
    EXPECT_TRUE(fold({}).empty());
    EXPECT_TRUE(fold({seg(0, 100)}, TimeAxisMapping {1.0, 1.0, 0.0, 100.0}).empty());
    EXPECT_TRUE(fold({seg(0, 100)}, TimeAxisMapping {1.0, 2.0, 0.0, 100.0}).empty()); // all before the view
}

TEST(SegmentFolding, FindsTheFirstSegmentEndingAfterATime)
{
    const std::vector<Segment> lane {seg(0, 10), seg(10, 20), seg(25, 30)};
    EXPECT_EQ(firstSegmentEndingAfter(lane, -5), 0u);
    EXPECT_EQ(firstSegmentEndingAfter(lane, 9), 0u);
    EXPECT_EQ(firstSegmentEndingAfter(lane, 10), 1u);
    EXPECT_EQ(firstSegmentEndingAfter(lane, 22), 2u);
    EXPECT_EQ(firstSegmentEndingAfter(lane, 30), 3u);
}

std::vector<Segment> millionMicrosecondSegments()
{
    std::vector<Segment> lane;
    lane.reserve(1'000'000);
    for (std::int64_t i = 0; i < 1'000'000; ++i)
        lane.push_back(seg(i * 1000, i * 1000 + 1000, i % 3 == 0 ? TaskState::WaitingIo : TaskState::Running));
    return lane;
}

TEST(SegmentFolding, AMillionSegmentsFoldToAboutOneMarkPerPixel)
{
    const auto lane = millionMicrosecondSegments();
    const TimeAxisMapping wholeSecond {0.0, 1.0, 50.0, 1600.0};
    std::vector<TimelineMark> marks;
    foldLane(lane, 0, wholeSecond, marks);
    EXPECT_LE(marks.size(), 1601u);
    EXPECT_GE(marks.size(), 1599u);
    std::int64_t represented = 0;
    for (const TimelineMark& mark : marks) {
        EXPECT_TRUE(mark.folded);
        EXPECT_EQ(mark.state, TaskState::Running); // two thirds of every column
        EXPECT_DOUBLE_EQ(mark.right - mark.left, 1.0);
        represented += mark.count;
    }
    EXPECT_EQ(represented, 1'000'000);
}

TEST(SegmentFolding, ZoomingIntoAMillionSegmentsVisitsOnlyTheVisibleOnes)
{
    const auto lane = millionMicrosecondSegments();
    // 10 µs in the middle of the run: ten segments, each 160 px wide.
    const TimeAxisMapping zoomed {0.5, 0.5 + 10e-6, 0.0, 1600.0};
    std::vector<TimelineMark> marks;
    foldLane(lane, 0, zoomed, marks);
    ASSERT_EQ(marks.size(), 10u);
    EXPECT_EQ(marks.front().first, 500'000);
    EXPECT_FALSE(marks.front().folded);
    EXPECT_NEAR(marks.front().right - marks.front().left, 160.0, 1e-6);
}

} // namespace
} // namespace conlab
