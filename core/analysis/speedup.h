#pragma once

#include "core/run/runsummary.h"

#include <optional>

namespace conlab {

// How many times faster `run` finished than `baseline` (usually sequential on the same workload): the ratio of wall
// times. nullopt when either run failed, was cancelled or has no wall time: no number beats a made-up one.
std::optional<double> speedupOver(const RunSummary& baseline, const RunSummary& run);

} // namespace conlab
