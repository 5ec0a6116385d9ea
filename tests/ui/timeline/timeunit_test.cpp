#include "ui/timeline/timeunit.h"

#include <gtest/gtest.h>

using namespace conlab;

TEST(TimeUnit, FollowsTheSpanShown)
{
    EXPECT_EQ(timeUnitFor(0, 12.5), TimeUnit::Seconds);
    EXPECT_EQ(timeUnitFor(0, 1.0), TimeUnit::Seconds);
    EXPECT_EQ(timeUnitFor(0, 0.8), TimeUnit::Milliseconds);
    EXPECT_EQ(timeUnitFor(0, 0.0011), TimeUnit::Milliseconds);
    EXPECT_EQ(timeUnitFor(0, 110e-6), TimeUnit::Microseconds);
    EXPECT_EQ(timeUnitFor(0, 300e-9), TimeUnit::Nanoseconds);
}

TEST(TimeUnit, ADeepZoomIntoALongRunKeepsItsLabelsShort)
{
    // 0.4 ms wide but 12 s in: microseconds would read "12300100 µs".
    EXPECT_EQ(timeUnitFor(12.3001, 12.3005), TimeUnit::Milliseconds);
    EXPECT_EQ(timeTickLabel(12.3002, 0.0001, TimeUnit::Milliseconds), QStringLiteral("12300.2 ms"));
    // Past a day in seconds nothing coarser exists: seconds it stays.
    EXPECT_EQ(timeUnitFor(200000.0, 200000.001), TimeUnit::Seconds);
}

TEST(TimeUnit, LabelsHaveTheDecimalsTheStepNeeds)
{
    EXPECT_EQ(timeTickLabel(0.25, 0.25, TimeUnit::Seconds), QStringLiteral("0.25 s"));
    EXPECT_EQ(timeTickLabel(1.0, 0.25, TimeUnit::Seconds), QStringLiteral("1.00 s"));
    EXPECT_EQ(timeTickLabel(0.2, 0.2, TimeUnit::Milliseconds), QStringLiteral("200 ms"));
    EXPECT_EQ(timeTickLabel(2e-5, 2e-5, TimeUnit::Microseconds), QStringLiteral("20 µs"));
    EXPECT_EQ(timeTickLabel(12.5e-6, 2.5e-6, TimeUnit::Microseconds), QStringLiteral("12.5 µs"));
    EXPECT_EQ(timeTickLabel(150e-9, 50e-9, TimeUnit::Nanoseconds), QStringLiteral("150 ns"));
}

TEST(TimeUnit, TheOriginIsPlainZeroEvenWithRoundingNoise)
{
    EXPECT_EQ(timeTickLabel(0.0, 0.5, TimeUnit::Seconds), QStringLiteral("0"));
    EXPECT_EQ(timeTickLabel(-1e-17, 1e-5, TimeUnit::Microseconds), QStringLiteral("0"));
}
