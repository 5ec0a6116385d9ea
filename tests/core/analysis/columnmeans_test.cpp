#include "core/analysis/columnmeans.h"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <vector>

using namespace conlab;

namespace {

constexpr std::int64_t ms = 1'000'000;

} // namespace

TEST(ColumnMeans, ANoisyAlternatingSeriesBecomesItsMeanPerColumn)
{
    // 100 Hz over 1 s: 10 % and 90 % alternate, as other programs' load did in a busy-neighbour run. Cut into 10
    // columns of 10 samples each, every column is the band's level, 50 %.
    std::vector<std::int64_t> times;
    std::vector<float> values;
    for (int i = 1; i <= 100; ++i) {
        times.push_back(i * 10 * ms);
        values.push_back(i % 2 ? 10.0f : 90.0f);
    }
    const std::vector<float> means = columnMeans(times, values, 0, 0, 1000 * ms, 10);
    ASSERT_EQ(means.size(), 10u);
    for (float mean : means)
        EXPECT_FLOAT_EQ(mean, 50.0f);

    // Columns of 4 samples: a level that changes halfway shows in the column that holds it, not earlier.
    for (int i = 50; i < 100; ++i)
        values[std::size_t(i)] += 8.0f;
    const std::vector<float> steps = columnMeans(times, values, 0, 0, 1000 * ms, 25);
    ASSERT_EQ(steps.size(), 25u);
    for (std::size_t column = 0; column < steps.size(); ++column)
        EXPECT_FLOAT_EQ(steps[column], column < 12 ? 50.0f : column == 12 ? 54.0f : 58.0f) << "column " << column;
}

TEST(ColumnMeans, WeighsSamplesByTheTimeTheyCoverInTheColumn)
{
    // Samples every 30 ms, columns of 20 ms: column 1 ([20, 40)) is half the first sample, half the second.
    const std::vector<std::int64_t> times {30 * ms, 60 * ms};
    const std::vector<float> values {0.0f, 60.0f};
    const std::vector<float> means = columnMeans(times, values, 0, 0, 60 * ms, 3);
    ASSERT_EQ(means.size(), 3u);
    EXPECT_FLOAT_EQ(means[0], 0.0f);
    EXPECT_FLOAT_EQ(means[1], 30.0f);
    EXPECT_FLOAT_EQ(means[2], 60.0f);
}

TEST(ColumnMeans, ZoomedInAColumnTakesTheValueOfTheSampleItFallsIn)
{
    const std::vector<std::int64_t> times {10 * ms, 20 * ms, 30 * ms};
    const std::vector<float> values {5.0f, 70.0f, 20.0f};
    // [12, 14) ms in 4 columns of 0.5 ms: all inside the second sample.
    for (float mean : columnMeans(times, values, 0, 12 * ms, 14 * ms, 4))
        EXPECT_FLOAT_EQ(mean, 70.0f);
}

TEST(ColumnMeans, NoDataIsAGapNotAZero)
{
    const float none = std::numeric_limits<float>::quiet_NaN();
    const std::vector<std::int64_t> times {10 * ms, 20 * ms, 30 * ms};
    const std::vector<float> values {40.0f, none, 20.0f};
    const std::vector<float> means = columnMeans(times, values, 0, 0, 40 * ms, 4);
    ASSERT_EQ(means.size(), 4u);
    EXPECT_FLOAT_EQ(means[0], 40.0f);
    EXPECT_TRUE(std::isnan(means[1])) << "a sample without data";
    EXPECT_FLOAT_EQ(means[2], 20.0f);
    EXPECT_TRUE(std::isnan(means[3])) << "after the last sample";
    EXPECT_TRUE(std::isnan(columnMeans({}, {}, 0, 0, 40 * ms, 4).at(0))) << "no sample";
    const std::vector<float> empty = columnMeans(times, values, 0, 5, 5, 3);
    ASSERT_EQ(empty.size(), 3u);
    EXPECT_TRUE(std::isnan(empty[0])) << "an empty range";
}
