#include "core/analysis/amdahl.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace conlab;

namespace {

// No cap on the parallelism.
constexpr int manyCores = 0;

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
    const AmdahlFit fit = fitAmdahl(exactPoints(p, 8), manyCores);
    EXPECT_TRUE(fit.determined);
    EXPECT_NEAR(fit.parallelFraction, p, 1e-9);
    EXPECT_NEAR(fit.rmsRelativeError, 0.0, 1e-9);
    EXPECT_NEAR(fit.speedupAt(16), amdahlSpeedup(p, 16), 1e-6);
}

TEST_P(AmdahlRecovers, PFromNoisyPoints)
{
    const double p = GetParam();
    const AmdahlFit fit = fitAmdahl(noisy(exactPoints(p, 8), 0.05), manyCores);
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
    const AmdahlFit fit = fitAmdahl({{4, 2.0}}, manyCores);
    EXPECT_TRUE(fit.determined);
    EXPECT_NEAR(fit.parallelFraction, 2.0 / 3.0, 1e-12);
    EXPECT_NEAR(fit.speedupAt(4), 2.0, 1e-12);
}

TEST(Amdahl, NoPointPastOneWorkerDeterminesNothing)
{
    for (const auto& points : {std::vector<ScalingPoint> {}, std::vector<ScalingPoint> {{1, 1.0}},
             std::vector<ScalingPoint> {{1, 0.8}, {1, 1.1}}}) {
        const AmdahlFit fit = fitAmdahl(points, manyCores);
        EXPECT_FALSE(fit.determined);
        EXPECT_EQ(fit.parallelFraction, 0.0);
        EXPECT_DOUBLE_EQ(fit.speedupAt(8), 1.0);
    }
}

TEST(Amdahl, SlowdownsClampPToZero)
{
    // Processes on a job smaller than their start-up: more workers, slower.
    const AmdahlFit fit = fitAmdahl({{1, 0.6}, {2, 0.8}, {4, 0.7}}, manyCores);
    EXPECT_TRUE(fit.determined);
    EXPECT_EQ(fit.parallelFraction, 0.0);
    EXPECT_DOUBLE_EQ(fit.speedupAt(4), 1.0);
    EXPECT_GT(fit.rmsRelativeError, 0.2);
}

TEST(Amdahl, SuperlinearPointsClampPToOne)
{
    const AmdahlFit fit = fitAmdahl({{2, 2.3}, {4, 4.6}}, manyCores);
    EXPECT_EQ(fit.parallelFraction, 1.0);
    EXPECT_DOUBLE_EQ(fit.speedupAt(4), 4.0);
}

TEST(Amdahl, UnusablePointsAreIgnored)
{
    std::vector<ScalingPoint> points = exactPoints(0.75, 4);
    points.push_back({8, 0.0}); // a failed run
    points.push_back({8, std::nan("")});
    points.push_back({0, 3.0});
    const AmdahlFit fit = fitAmdahl(points, manyCores);
    EXPECT_NEAR(fit.parallelFraction, 0.75, 1e-9);
    EXPECT_NEAR(fit.rmsRelativeError, 0.0, 1e-9);
}

// Measured on 2 cores: past 2 workers the speed-up stays at S(2), whatever the workers. Fitting raw workers would take
// the flat tail for a small p; the effective parallelism min(workers, cores) recovers the p that made the points.
TEST(Amdahl, CoreCapFlattensTheCurveAndRecoversP)
{
    constexpr double p = 0.9;
    constexpr int cores = 2;
    std::vector<ScalingPoint> points;
    for (int n = 1; n <= 8; ++n)
        points.push_back({double(n), amdahlSpeedup(p, std::min(n, cores))});
    const AmdahlFit fit = fitAmdahl(noisy(points, 0.01), cores);
    ASSERT_TRUE(fit.determined);
    EXPECT_NEAR(fit.parallelFraction, p, 0.02);
    EXPECT_EQ(fit.cores, cores);
    // The curve flattens at the core count: 8 workers on 2 cores are no faster than 2.
    EXPECT_DOUBLE_EQ(fit.speedupAt(8), fit.speedupAt(2));
    EXPECT_LT(fit.speedupAt(4), 2.0);
    // Its uncertainty: small for points within 1 %, and p within a few standard errors of the truth.
    ASSERT_TRUE(fit.parallelFractionError);
    EXPECT_GT(*fit.parallelFractionError, 0.0);
    EXPECT_LT(*fit.parallelFractionError, 0.02);
    EXPECT_NEAR(fit.parallelFraction, p, 4 * *fit.parallelFractionError + 1e-9);
}

TEST(Amdahl, StandardErrorGrowsWithTheScatterAndIsZeroForExactPoints)
{
    const AmdahlFit exact = fitAmdahl(exactPoints(0.8, 8), manyCores);
    ASSERT_TRUE(exact.parallelFractionError);
    EXPECT_NEAR(*exact.parallelFractionError, 0.0, 1e-9);
    const AmdahlFit slightly = fitAmdahl(noisy(exactPoints(0.8, 8), 0.02), manyCores);
    const AmdahlFit very = fitAmdahl(noisy(exactPoints(0.8, 8), 0.10), manyCores);
    ASSERT_TRUE(slightly.parallelFractionError && very.parallelFractionError);
    EXPECT_GT(*very.parallelFractionError, 2 * *slightly.parallelFractionError);
    // One point cannot say how far the points scatter.
    EXPECT_FALSE(fitAmdahl({{4, 2.0}}, manyCores).parallelFractionError);
}

TEST(Amdahl, EffectiveParallelismIsTheWorkersUpToTheCores)
{
    EXPECT_EQ(effectiveParallelism(1, 2), 1.0);
    EXPECT_EQ(effectiveParallelism(2, 2), 2.0);
    EXPECT_EQ(effectiveParallelism(8, 2), 2.0);
    EXPECT_EQ(effectiveParallelism(3, 0), 3.0); // no cap
}
