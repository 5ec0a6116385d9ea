#pragma once

#include "core/run/runsummary.h"

#include <optional>

namespace conlab {

// How many times faster `run` finished than `baseline` (usually sequential on the same workload): the ratio of wall
// times. nullopt when either run failed, was cancelled or has no wall time: no number beats a made-up one.
std::optional<double> speedupOver(const RunSummary& baseline, const RunSummary& run);

// A point measured several times (RunSummary::repeatWallsMs): the median run's wall time and the extremes. A single
// run is its own median, minimum and maximum.
struct WallSpread
{
    double medianMs = 0;
    double minMs = 0;
    double maxMs = 0;
    int runs = 1;
};
WallSpread wallSpread(const RunSummary& run);

// The speed-up of `run` against the baseline's median, with the range its repeats give: baseline / slowest ..
// baseline / fastest. nullopt as for speedupOver().
struct SpeedupSpread
{
    double median = 1;
    double min = 1;
    double max = 1;
};
std::optional<SpeedupSpread> speedupSpread(const RunSummary& baseline, const RunSummary& run);

} // namespace conlab
