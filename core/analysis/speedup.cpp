#include "core/analysis/speedup.h"

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

} // namespace conlab
