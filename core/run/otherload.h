#pragma once

#include "core/trace/cpusample.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace conlab {

// Above this share of the machine, other programs' load is said aloud wherever a run's numbers are shown: on a busy
// classroom machine their noise must not pass for the model's result.
inline constexpr double otherLoadWarningPercent = 10.0;

// Other programs' share of the machine during [beginNs, endNs], in percent of all its cores: the system-wide busy time
// /proc/stat measured (the samples, weighted by how much of each interval falls in the run) minus what this process
// and its children computed (ownCpuMs). nullopt without a sample over the run or an empty run.
std::optional<double> otherLoadPercent(
    const std::vector<CpuSample>& samples, std::int64_t beginNs, std::int64_t endNs, double ownCpuMs);

} // namespace conlab
