#include "core/analysis/amdahl.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace conlab;

namespace {

std::vector<ScalingPoint> exactPoints(double p, int maxWorkers)
{
    std::vector<ScalingPoint> points;
    for (int n = 1; n <= maxWorkers; ++n)
        points.push_back({double(n), amdahlSpeedup(p, n)});
    return points;
}

// The machine's noise: each speed-up off by up to +-`amount`, from a fixed sequence so the test is repeatable.
std::vector<ScalingPoint> noisy(std::vector<ScalingPoint> points, double amount)
{
    std::uint32_t state = 12345;
    for (ScalingPoint& point : points) {
        state = state * 1664525u + 1013904223u;
        const double unit = double(state >> 8) / double(1u << 24) * 2.0 - 1.0; // [-1, 1)
        point.speedup *= 1.0 + amount * unit;
    }
    return points;
}

class AmdahlRecovers : public ::testing::TestWithParam<double>
{
};

} // namespace

TEST(Amdahl, TheLawItself)
{
    EXPECT_DOUBLE_EQ(amdahlSpeedup(0.5, 1), 1.0);
    EXPECT_DOUBLE_EQ(amdahlSpeedup(0.5, 2), 1.0 / 0.75);
    EXPECT_DOUBLE_EQ(amdahlSpeedup(1.0, 8), 8.0);
    EXPECT_DOUBLE_EQ(amdahlSpeedup(0.0, 8), 1.0);
    EXPECT_NEAR(amdahlSpeedup(0.9, 1e9), 10.0, 1e-6); // the limit 1 / (1 - p)
}

TEST_P(AmdahlRecovers, PFromExactPoints)
{
    const double p = GetParam();
    const AmdahlFit fit = fitAmdahl(exactPoints(p, 8));
    EXPECT_TRUE(fit.determined);
    EXPECT_NEAR(fit.parallelFraction, p, 1e-9);
    EXPECT_NEAR(fit.rmsRelativeError, 0.0, 1e-9);
    EXPECT_NEAR(fit.speedupAt(16), amdahlSpeedup(p, 16), 1e-6);
}

TEST_P(AmdahlRecovers, PFromNoisyPoints)
{
    const double p = GetParam();
    const AmdahlFit fit = fitAmdahl(noisy(exactPoints(p, 8), 0.05));
    EXPECT_TRUE(fit.determined);
    EXPECT_NEAR(fit.parallelFraction, p, 0.03);
    EXPECT_LE(fit.parallelFraction, 1.0);
    EXPECT_GT(fit.rmsRelativeError, 0.0);
    EXPECT_LT(fit.rmsRelativeError, 0.06);
}

INSTANTIATE_TEST_SUITE_P(Fractions, AmdahlRecovers, ::testing::Values(0.5, 0.9, 1.0),
    [](const auto& instance) { return "p" + std::to_string(int(std::lround(instance.param * 100))); });

TEST(Amdahl, OnePointWithMoreThanOneWorkerDeterminesP)
{
    // S(4) = 2 means 1/2 = (1 - p) + p/4: p = 2/3.
    const AmdahlFit fit = fitAmdahl({{4, 2.0}});
    EXPECT_TRUE(fit.determined);
    EXPECT_NEAR(fit.parallelFraction, 2.0 / 3.0, 1e-12);
    EXPECT_NEAR(fit.speedupAt(4), 2.0, 1e-12);
}

TEST(Amdahl, NoPointPastOneWorkerDeterminesNothing)
{
    for (const auto& points : {std::vector<ScalingPoint> {}, std::vector<ScalingPoint> {{1, 1.0}},
             std::vector<ScalingPoint> {{1, 0.8}, {1, 1.1}}}) {
        const AmdahlFit fit = fitAmdahl(points);
        EXPECT_FALSE(fit.determined);
        EXPECT_EQ(fit.parallelFraction, 0.0);
        EXPECT_DOUBLE_EQ(fit.speedupAt(8), 1.0);
    }
}

TEST(Amdahl, SlowdownsClampPToZero)
{
    // Processes on a job smaller than their start-up: more workers, slower.
    const AmdahlFit fit = fitAmdahl({{1, 0.6}, {2, 0.8}, {4, 0.7}});
    EXPECT_TRUE(fit.determined);
    EXPECT_EQ(fit.parallelFraction, 0.0);
    EXPECT_DOUBLE_EQ(fit.speedupAt(4), 1.0);
    EXPECT_GT(fit.rmsRelativeError, 0.2);
}

TEST(Amdahl, SuperlinearPointsClampPToOne)
{
    const AmdahlFit fit = fitAmdahl({{2, 2.3}, {4, 4.6}});
    EXPECT_EQ(fit.parallelFraction, 1.0);
    EXPECT_DOUBLE_EQ(fit.speedupAt(4), 4.0);
}

TEST(Amdahl, UnusablePointsAreIgnored)
{
    std::vector<ScalingPoint> points = exactPoints(0.75, 4);
    points.push_back({8, 0.0}); // a failed run
    points.push_back({8, std::nan("")});
    points.push_back({0, 3.0});
    const AmdahlFit fit = fitAmdahl(points);
    EXPECT_NEAR(fit.parallelFraction, 0.75, 1e-9);
    EXPECT_NEAR(fit.rmsRelativeError, 0.0, 1e-9);
}
