#include "core/analysis/scalingplan.h"

#include "core/analysis/speedup.h"

#include <algorithm>

namespace conlab {
namespace {

bool waitsForIo(WorkloadKind kind)
{
    return kind == WorkloadKind::Io || kind == WorkloadKind::Sleep || kind == WorkloadKind::Mixed;
}

} // namespace

std::vector<int> sweepWorkerCounts(WorkloadKind kind, int tasks, int cores)
{
    const int limit = std::clamp(tasks, 1, limits::maxWorkers);
    const int dense = std::min(2 * std::max(cores, 1), limit);
    std::vector<int> counts;
    for (int n = 1; n <= dense; ++n)
        counts.push_back(n);
    if (!waitsForIo(kind))
        return counts;
    int n = 1;
    while (n <= dense)
        n *= 2;
    for (; n < limit; n *= 2)
        counts.push_back(n);
    if (counts.back() < limit)
        counts.push_back(limit);
    return counts;
}

std::optional<ScalingPlan> planScaling(const RunConfig& config, int cores, QString* error)
{
    const auto refuse = [&](const QString& why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (config.model == ModelKind::Sequential)
        return refuse(QStringLiteral("the sequential model has no workers to sweep: choose processes, threads or "
                                     "eventloop"));
    if (config.workload.kind == WorkloadKind::Convoy)
        return refuse(QStringLiteral("the convoy is always one CPU task beside one I/O task on two workers: there is "
                                     "nothing to sweep"));
    ScalingPlan plan;
    plan.model = config;
    plan.baseline = config;
    plan.baseline.model = ModelKind::Sequential;
    plan.baseline.workers = 1;
    plan.baseline.gil = false;
    plan.baseline.offload = OffloadKind::None;
    plan.workerCounts = sweepWorkerCounts(config.workload.kind, config.workload.tasks, cores);
    plan.cores = std::max(cores, 1);
    plan.parallelismCap = waitsForIo(config.workload.kind) ? 0 : plan.cores;
    return plan;
}

std::vector<RunConfig> ScalingPlan::configs() const
{
    std::vector<RunConfig> configs {baseline};
    for (int workers : workerCounts) {
        RunConfig step = model;
        step.workers = workers;
        configs.push_back(step);
    }
    return configs;
}

std::vector<ScalingPoint> ScalingPlan::points(const std::vector<RunResult>& results) const
{
    // The medians: what the fit and the curve go through.
    std::vector<ScalingPoint> points;
    for (const ScalingSpread& spread : spreads(results))
        points.push_back(ScalingPoint {spread.workers, spread.speedup.median});
    return points;
}

std::vector<ScalingSpread> ScalingPlan::spreads(const std::vector<RunResult>& results) const
{
    std::vector<ScalingSpread> spreads;
    for (std::size_t i = 1; i < results.size() && i <= workerCounts.size(); ++i) {
        if (const auto speedup = speedupSpread(results.front().summary, results[i].summary))
            spreads.push_back(ScalingSpread {double(workerCounts[i - 1]), *speedup});
    }
    return spreads;
}

AmdahlFit ScalingPlan::fit(const std::vector<RunResult>& results) const
{
    return fitAmdahl(points(results), parallelismCap);
}

} // namespace conlab
