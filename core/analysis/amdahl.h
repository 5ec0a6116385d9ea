#pragma once

#include <vector>

namespace conlab {

// A measured point of a scaling sweep: `workers` workers ran the workload `speedup` times faster than sequential.
struct ScalingPoint
{
    double workers = 1;
    double speedup = 1;
};

// Amdahl's law fitted to measurements: S(n) = 1 / ((1 - p) + p / n), p the fraction of the work that runs in
// parallel.
struct AmdahlFit
{
    double parallelFraction = 0; // p, within [0, 1]
    // Root mean square of (predicted - measured) / measured over the points: 0.05 reads "within about 5 %".
    double rmsRelativeError = 0;
    // False when no point had more than one worker (or a usable speed-up): nothing constrains p, and it is 0.
    bool determined = false;

    double speedupAt(double workers) const;
};

double amdahlSpeedup(double parallelFraction, double workers);

// Least squares on the reciprocal of the speed-up (see amdahl.cpp for why); points with workers < 1 or a speed-up
// that is not positive and finite are ignored.
AmdahlFit fitAmdahl(const std::vector<ScalingPoint>& points);

} // namespace conlab
