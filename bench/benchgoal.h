#pragma once

#include <optional>
#include <string>
#include <vector>

namespace conlab::bench {

// A goal of the README's performance table that `conlab-bench --check` enforces: one figure of one benchmark must be
// at most `limit` (a time, a latency, bytes, an overhead) or, for a rate, at least `limit`. Figures move from run to
// run on a shared machine, so a figure misses its goal only when it is on the wrong side of the limit by more than
// `margin`, a fraction of the limit (0.2: up to 20 % over, or under for a rate, is noise).
struct BenchGoal
{
    enum class Bound
    {
        AtMost,
        AtLeast,
    };

    std::string figure; // as the table names it
    std::string benchmark; // "BM_ReplotTimeline/1000000"
    std::string counter; // a counter of that benchmark; empty: its time per iteration, in its own unit
    double scale = 1; // from the benchmark's figure to `unit`
    std::string unit;
    double limit = 0; // in `unit`
    double margin = 0;
    Bound bound = Bound::AtMost;
};

enum class GoalVerdict
{
    Met, // on the right side of the limit
    WithinNoise, // on the wrong side, but by no more than the margin
    Missed, // beyond limit * (1 + margin), or under limit * (1 - margin) for an AtLeast goal
    NotRun, // the benchmark did not run (filtered out, or it failed to measure)
};

GoalVerdict judge(const BenchGoal& goal, std::optional<double> measured);
const char* verdictName(GoalVerdict verdict);

// Every goal the README's performance table states, each with its noise margin.
const std::vector<BenchGoal>& benchGoals();

} // namespace conlab::bench
