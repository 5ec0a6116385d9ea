#pragma once

#include "core/analysis/amdahl.h"
#include "core/analysis/speedup.h"
#include "core/run/runconfig.h"
#include "core/run/runresult.h"

#include <QString>
#include <optional>
#include <vector>

namespace conlab {

// A point of a sweep with the range its repeats gave: the speed-up of the median run, of the slowest and the fastest.
struct ScalingSpread
{
    double workers = 1;
    SpeedupSpread speedup;
};

// The runs of a scaling sweep: the sequential baseline every speed-up is measured against, then the chosen model at
// each worker count. Run them in order (configs()) and hand the results back to points().
struct ScalingPlan
{
    RunConfig baseline; // the same workload, sequential, no GIL
    RunConfig model; // the model swept; its `workers` is replaced by each count
    std::vector<int> workerCounts; // ascending, from 1
    int cores = 1; // the cores the plan was made for
    // The cap on the parallelism of the fit: the cores for CPU work, which can only queue past them; 0 (none) for
    // work that waits, whose waits overlap however many workers there are.
    int parallelismCap = 0;

    std::vector<RunConfig> configs() const; // the baseline first, then one per worker count
    // Speed-ups from the results of configs(), in the same order (results[0] is the baseline's). A run that failed,
    // was cancelled or is missing gives no point; no usable baseline gives none at all.
    std::vector<ScalingPoint> points(const std::vector<RunResult>& results) const;
    // The same points with the min and max of their repeats (SeriesRunner::setRepeat); one run is its own range.
    std::vector<ScalingSpread> spreads(const std::vector<RunResult>& results) const;
    // Amdahl's law fitted to points(results), the parallelism capped at parallelismCap.
    AmdahlFit fit(const std::vector<RunResult>& results) const;
};

// The worker counts worth measuring on `cores` cores: 1 .. 2 x cores for CPU-bound work (past the cores CPU work
// can only queue, and a little past shows that); for work that waits (I/O, sleep, mixed) more, in powers of two up
// to the number of tasks, since waits overlap however many there are. Never more than the tasks (extra workers
// would idle) nor limits::maxWorkers.
std::vector<int> sweepWorkerCounts(WorkloadKind kind, int tasks, int cores);

// nullopt with *error when there is nothing to sweep: the sequential model has no workers, and the convoy is always
// two tasks on two workers.
std::optional<ScalingPlan> planScaling(const RunConfig& config, int cores, QString* error = nullptr);

} // namespace conlab
