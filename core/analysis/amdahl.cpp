#include "core/analysis/amdahl.h"

#include <algorithm>
#include <cmath>

namespace conlab {
namespace {

bool usable(const ScalingPoint& point)
{
    return point.workers >= 1 && std::isfinite(point.workers) && point.speedup > 0 && std::isfinite(point.speedup);
}

} // namespace

double amdahlSpeedup(double parallelFraction, double workers)
{
    return 1.0 / ((1.0 - parallelFraction) + parallelFraction / workers);
}

double effectiveParallelism(double workers, int cores)
{
    return cores < 1 ? workers : std::min(workers, double(cores));
}

double AmdahlFit::speedupAt(double workers) const
{
    return amdahlSpeedup(parallelFraction, effectiveParallelism(workers, cores));
}

// The residual minimised is the one on 1/S, the time per unit of work relative to sequential:
//   1/S(n) = 1 - p * (1 - 1/n),  so with y = 1 - 1/S and x = 1 - 1/n the model is the line y = p x.
// It is linear in p, so least squares has a closed form, p = sum(x y) / sum(x^2), with no iteration and no starting
// guess to get wrong. It also weighs the points fairly: an error on S grows with S (a noisy 30x I/O point would
// otherwise outvote every CPU-bound point), while 1/S is a share of the sequential wall time, bounded by 1 for any
// point that is faster than sequential. One worker gives x = 0 and says nothing about p, as it should: S(1) = 1 for
// every p. The unconstrained optimum is then clamped to [0, 1]; the residual is convex in p, so the clamped value is
// the best p within the range. n is the effective parallelism: workers past the cores queue for them, so a point
// with 8 workers on 2 cores measures the same x as one with 2, and the fitted curve flattens at the core count.
// The standard error is the usual one of a line through the origin, sqrt(s^2 / sum(x^2)) with s^2 the residuals'
// variance on m - 1 degrees of freedom: repeated and noisy points widen it, exact points make it 0.
AmdahlFit fitAmdahl(const std::vector<ScalingPoint>& points, int cores)
{
    double sumXY = 0;
    double sumXX = 0;
    for (const ScalingPoint& point : points) {
        if (!usable(point))
            continue;
        const double x = 1.0 - 1.0 / effectiveParallelism(point.workers, cores);
        const double y = 1.0 - 1.0 / point.speedup;
        sumXY += x * y;
        sumXX += x * x;
    }
    AmdahlFit fit;
    fit.cores = std::max(cores, 0);
    fit.determined = sumXX > 0;
    fit.parallelFraction = fit.determined ? std::clamp(sumXY / sumXX, 0.0, 1.0) : 0.0;

    double sumSquares = 0;
    double sumLineSquares = 0; // the residuals of the line y = p x the fit minimised
    int used = 0;
    for (const ScalingPoint& point : points) {
        if (!usable(point))
            continue;
        const double relative = (fit.speedupAt(point.workers) - point.speedup) / point.speedup;
        sumSquares += relative * relative;
        const double x = 1.0 - 1.0 / effectiveParallelism(point.workers, cores);
        const double line = (1.0 - 1.0 / point.speedup) - fit.parallelFraction * x;
        sumLineSquares += line * line;
        ++used;
    }
    fit.rmsRelativeError = used > 0 ? std::sqrt(sumSquares / used) : 0.0;
    if (fit.determined && used > 1)
        fit.parallelFractionError = std::sqrt(sumLineSquares / (used - 1) / sumXX);
    return fit;
}

} // namespace conlab
