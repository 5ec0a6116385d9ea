#include "ui/timeline/timelinemapping.h"

#include <gtest/gtest.h>

namespace conlab {
namespace {

TEST(TimelineMapping, MapsSecondsToPixelsAndBack)
{
    const TimeAxisMapping mapping {2.0, 4.0, 100.0, 800.0};
    EXPECT_DOUBLE_EQ(mapping.toPixel(2.0), 100.0);
    EXPECT_DOUBLE_EQ(mapping.toPixel(4.0), 900.0);
    EXPECT_DOUBLE_EQ(mapping.toPixel(3.0), 500.0);
    EXPECT_DOUBLE_EQ(mapping.toPixel(1.0), -300.0);
    EXPECT_DOUBLE_EQ(mapping.pixelsPerSecond(), 400.0);
    for (double sec : {1.5, 2.0, 2.25, 3.999, 7.0})
        EXPECT_NEAR(mapping.toSeconds(mapping.toPixel(sec)), sec, 1e-12);
}

TEST(TimelineMapping, RejectsEmptyOrInvertedRanges)
{
    EXPECT_TRUE((TimeAxisMapping {0.0, 1.0, 0.0, 10.0}).isValid());
    EXPECT_FALSE((TimeAxisMapping {1.0, 1.0, 0.0, 10.0}).isValid());
    EXPECT_FALSE((TimeAxisMapping {2.0, 1.0, 0.0, 10.0}).isValid());
    EXPECT_FALSE((TimeAxisMapping {0.0, 1.0, 0.0, 0.0}).isValid());
}

TEST(TimelineMapping, ConvertsNanosecondsRelativeToTheOrigin)
{
    // Monotonic times after weeks of uptime do not fit a double exactly; relative ones do.
    const std::int64_t origin = 3'000'000'000'000'000LL;
    EXPECT_DOUBLE_EQ(nsToSeconds(origin + 1'500'000'000, origin), 1.5);
    EXPECT_EQ(nsToSeconds(origin + 1, origin), 1e-9);
    EXPECT_EQ(secondsToNs(1.5, origin), origin + 1'500'000'000);
    EXPECT_EQ(secondsToNs(-0.25, origin), origin - 250'000'000);
    // Absurd zooms stay defined.
    EXPECT_GT(secondsToNs(1e300, 0), 0);
    EXPECT_LT(secondsToNs(-1e300, 0), 0);
}

TEST(TimelineMapping, FindsTheLaneUnderAValueAndNotTheGap)
{
    EXPECT_EQ(laneAtValue(0.0, 3), 0);
    EXPECT_EQ(laneAtValue(0.39, 3), 0);
    EXPECT_EQ(laneAtValue(-0.39, 3), 0);
    EXPECT_EQ(laneAtValue(0.45, 3), -1); // between the bars of lanes 0 and 1
    EXPECT_EQ(laneAtValue(1.61, 3), 2);
    EXPECT_EQ(laneAtValue(2.2, 3), 2);
    EXPECT_EQ(laneAtValue(3.0, 3), -1);
    EXPECT_EQ(laneAtValue(-1.0, 3), -1);
    EXPECT_EQ(laneAtValue(0.0, 0), -1);
}

TEST(TimelineMapping, FollowKeepsTheRangeWhileTheNewestTimeFits)
{
    const TimeRange start {0.0, 0.5};
    EXPECT_EQ(followRange(start, 0.0, 60.0), start);
    EXPECT_EQ(followRange(start, 0.4, 60.0), start);
    // Past the end it grows by a quarter, from zero: the whole run so far stays in view.
    EXPECT_EQ(followRange(start, 0.8, 60.0), (TimeRange {0.0, 1.0}));
    // A linked plot's wider range is kept, not pulled back to this plot's own newest time.
    EXPECT_EQ(followRange({0.0, 10.0}, 2.0, 60.0), (TimeRange {0.0, 10.0}));
    // A user's old pan is not a follow range: back to the run's start.
    EXPECT_EQ(followRange({3.0, 4.0}, 3.5, 60.0), (TimeRange {0.0, 3.5 * 1.25}));
}

TEST(TimelineMapping, FollowSlidesAWindowOnceTheRunIsLong)
{
    // The whole-run range grew past the window length; once the run outgrows it, the window slides.
    EXPECT_EQ(followRange({0.0, 75.0}, 70.0, 60.0), (TimeRange {0.0, 75.0}));
    const TimeRange slid = followRange({0.0, 75.0}, 76.0, 60.0);
    EXPECT_DOUBLE_EQ(slid.size(), 60.0);
    EXPECT_DOUBLE_EQ(slid.end, 76.0 + 12.0);
    EXPECT_EQ(followRange(slid, 85.0, 60.0), slid); // still inside: no jitter
    // A linked plot further ahead set the window; lagging data here does not pull it back.
    EXPECT_EQ(followRange(slid, 20.0, 60.0), slid);
    const TimeRange next = followRange(slid, 88.5, 60.0);
    EXPECT_DOUBLE_EQ(next.size(), 60.0);
    EXPECT_DOUBLE_EQ(next.end, 88.5 + 12.0);
}

TEST(TimelineMapping, FitCoversTheRunWithAMargin)
{
    const TimeRange fit = fitRange(0.0, 2.0, 1e-3);
    EXPECT_DOUBLE_EQ(fit.begin, 0.0);
    EXPECT_NEAR(fit.end, 2.04, 1e-12);
    EXPECT_EQ(fitRange(0.0, 0.0, 0.5), (TimeRange {0.0, 0.5}));
    // Data from before the origin (a worker that started early) stays visible.
    EXPECT_DOUBLE_EQ(fitRange(-1.0, 1.0, 1e-3).begin, -1.0);
}

} // namespace
} // namespace conlab
