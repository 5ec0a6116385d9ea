#pragma once

#include <optional>
#include <vector>

namespace conlab {

// A measured point of a scaling sweep: `workers` workers ran the workload `speedup` times faster than sequential.
struct ScalingPoint
{
    double workers = 1;
    double speedup = 1;
};

// Amdahl's law fitted to measurements: S(n) = 1 / ((1 - p) + p / n), p the fraction of the work that runs in
// parallel, n the effective parallelism min(workers, cores): on 2 cores, 4 workers still compute 2 at a time.
struct AmdahlFit
{
    double parallelFraction = 0; // p, within [0, 1]
    // The standard error of p from the least-squares fit (see fitAmdahl); nullopt with fewer than two usable points,
    // where the points cannot say how far they scatter.
    std::optional<double> parallelFractionError;
    int cores = 0; // the cap on the parallelism the fit assumed; 0 for none
    // Root mean square of (predicted - measured) / measured over the points: 0.05 reads "within about 5 %".
    double rmsRelativeError = 0;
    // False when no point had more than one worker (or a usable speed-up): nothing constrains p, and it is 0.
    bool determined = false;

    double speedupAt(double workers) const;
};

double amdahlSpeedup(double parallelFraction, double workers);

// How many of `workers` compute at once on `cores` cores: min(workers, cores); cores < 1 means no cap (work that
// waits overlaps its waits however many cores there are).
double effectiveParallelism(double workers, int cores);

// Least squares on the reciprocal of the speed-up (see amdahl.cpp for why), with the parallelism of each point
// capped at `cores` (usableCores() where the runs were made; 0 for no cap); points with workers < 1 or a speed-up that
// is not positive and finite are ignored.
AmdahlFit fitAmdahl(const std::vector<ScalingPoint>& points, int cores);

} // namespace conlab
