#include "core/analysis/speedup.h"

#include <algorithm>

namespace conlab {
namespace {

bool completed(const RunSummary& summary)
{
    return summary.error.isEmpty() && !summary.cancelled && summary.wallMs > 0;
}

} // namespace

std::optional<double> speedupOver(const RunSummary& baseline, const RunSummary& run)
{
    if (!completed(baseline) || !completed(run))
        return std::nullopt;
    return baseline.wallMs / run.wallMs;
}

WallSpread wallSpread(const RunSummary& run)
{
    if (run.repeatWallsMs.empty())
        return {run.wallMs, run.wallMs, run.wallMs, 1};
    const auto [min, max] = std::minmax_element(run.repeatWallsMs.begin(), run.repeatWallsMs.end());
    return {run.wallMs, *min, *max, int(run.repeatWallsMs.size())};
}

std::optional<SpeedupSpread> speedupSpread(const RunSummary& baseline, const RunSummary& run)
{
    const std::optional<double> median = speedupOver(baseline, run);
    if (!median)
        return std::nullopt;
    const WallSpread walls = wallSpread(run);
    if (walls.minMs <= 0)
        return std::nullopt;
    return SpeedupSpread {*median, baseline.wallMs / walls.maxMs, baseline.wallMs / walls.minMs};
}

} // namespace conlab
