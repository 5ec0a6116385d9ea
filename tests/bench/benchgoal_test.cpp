#include "bench/benchgoal.h"

#include <gtest/gtest.h>
#include <ostream>
#include <set>

namespace conlab::bench {

// A failed expectation names the verdicts.
void PrintTo(GoalVerdict verdict, std::ostream* out)
{
    *out << verdictName(verdict);
}

} // namespace conlab::bench

using namespace conlab::bench;

namespace {

BenchGoal replotGoal()
{
    return BenchGoal {"replot", "BM_ReplotTimeline/1000000", "", 1, "ms", 16, 0.25};
}

} // namespace

TEST(BenchGoal, AtOrUnderTheLimitIsMet)
{
    EXPECT_EQ(judge(replotGoal(), 3.0), GoalVerdict::Met);
    EXPECT_EQ(judge(replotGoal(), 16.0), GoalVerdict::Met);
}

TEST(BenchGoal, OverTheLimitByNoMoreThanTheMarginIsNoise)
{
    EXPECT_EQ(judge(replotGoal(), 16.001), GoalVerdict::WithinNoise);
    EXPECT_EQ(judge(replotGoal(), 20.0), GoalVerdict::WithinNoise); // 16 * 1.25
}

TEST(BenchGoal, OverTheMarginIsAMiss)
{
    EXPECT_EQ(judge(replotGoal(), 20.01), GoalVerdict::Missed);
    BenchGoal exact = replotGoal();
    exact.margin = 0;
    EXPECT_EQ(judge(exact, 16.0), GoalVerdict::Met);
    EXPECT_EQ(judge(exact, 16.0001), GoalVerdict::Missed);
}

// A rate's goal is a floor: the margin lets it fall short, never exceed a ceiling.
TEST(BenchGoal, ARateMustReachItsFloor)
{
    const BenchGoal rate {"sampling", "BM_PythonObserved", "gil_hz", 1e-3, "kHz", 5, 0.2, BenchGoal::Bound::AtLeast};
    EXPECT_EQ(judge(rate, 5.0), GoalVerdict::Met);
    EXPECT_EQ(judge(rate, 50.0), GoalVerdict::Met);
    EXPECT_EQ(judge(rate, 4.5), GoalVerdict::WithinNoise);
    EXPECT_EQ(judge(rate, 4.0), GoalVerdict::WithinNoise); // 5 * 0.8
    EXPECT_EQ(judge(rate, 3.99), GoalVerdict::Missed);
    EXPECT_EQ(judge(rate, std::nullopt), GoalVerdict::NotRun);
}

TEST(BenchGoal, AFigureNotMeasuredIsNotJudged)
{
    EXPECT_EQ(judge(replotGoal(), std::nullopt), GoalVerdict::NotRun);
}

// The table --check enforces: each goal names a benchmark and a unit, has a positive limit and a margin of noise
// that is a fraction (a margin of 100 % or more would let a figure twice its goal pass), and is listed once.
TEST(BenchGoal, EveryGoalOfTheTableIsWellFormed)
{
    std::set<std::string> figures;
    ASSERT_FALSE(benchGoals().empty());
    for (const BenchGoal& goal : benchGoals()) {
        EXPECT_TRUE(figures.insert(goal.figure).second) << goal.figure;
        EXPECT_EQ(goal.benchmark.rfind("BM_", 0), 0u) << goal.figure;
        EXPECT_FALSE(goal.unit.empty()) << goal.figure;
        EXPECT_GT(goal.limit, 0) << goal.figure;
        EXPECT_GE(goal.margin, 0) << goal.figure;
        EXPECT_LT(goal.margin, 1) << goal.figure;
        EXPECT_GT(goal.scale, 0) << goal.figure;
    }
}
