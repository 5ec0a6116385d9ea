#pragma once

#include "core/trace/cpusample.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace conlab {

class OwnUtilisation;

// Above this share of the machine, other programs' load is said aloud wherever a run's numbers are shown: on a busy
// classroom machine their noise must not pass for the model's result.
inline constexpr double otherLoadWarningPercent = 10.0;

// Other programs' share of the machine, sample by sample and over the whole run, in percent of all its cores: what
// /proc/stat saw busy less what this run computed. The run's own part of each sample is what its lanes' "running on
// CPU" segments held of each core in that interval (`own`); what this process and its children computed beyond them
// (ownCpuMs less the segments' total) goes first to its lanes' start-up spans (a worker process's start-up is in no
// running segment), up to a core per starting lane, and the rest (the window, the recorder) is spread evenly over the
// run, as nothing says when it fell. ownCpuMs 0 (a live run, whose CPU time is not known yet) counts the segments and
// each starting lane as a busy core.
//
// The window's "other programs" area and the summary's other_load_percent both come from here, so the picture and
// the number cannot disagree.
struct OtherLoad
{
    // One value per sample from firstSample on (NaN for a sample outside [beginNs, endNs) or without data), clamped to
    // 0..100: a sample
    // where the segments account for more than /proc/stat saw (its ticks are coarse) shows no load, not a negative.
    std::vector<float> perSample;
    // The time-weighted mean of the unclamped values, then clamped; nullopt without a sample over the run.
    std::optional<double> percent;
};

// A sample covers the interval since the one before it; a run's first sample is taken to cover the run from beginNs
// (the samples of the preparation are dropped). Samples before firstSample are left out (of perSample too, and of the
// percent): a live view recomputes only the samples whose interval new segments reached.
OtherLoad otherLoad(const std::vector<CpuSample>& samples, const OwnUtilisation& own, std::int64_t beginNs,
    std::int64_t endNs, double ownCpuMs, std::size_t firstSample = 0);

// otherLoad(...).percent: nullopt without a sample over the run or for an empty run.
std::optional<double> otherLoadPercent(const std::vector<CpuSample>& samples, const OwnUtilisation& own,
    std::int64_t beginNs, std::int64_t endNs, double ownCpuMs);

} // namespace conlab
