#include "core/run/otherload.h"

#include "core/analysis/ownutilisation.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace conlab {

namespace {

// What one sample says about the part of its interval inside the run.
struct SampleLoad
{
    std::int64_t fromNs = 0;
    std::int64_t toNs = 0;
    double systemCoreNs = 0; // busy core-nanoseconds /proc/stat counted
    double ownCoreNs = 0; // of which this run's segments held
    double startingUpNs = 0; // lane-nanoseconds its lanes spent starting up
    std::size_t cores = 0; // cores with data
};

std::optional<SampleLoad> sampleLoad(const std::vector<CpuSample>& samples, std::size_t i, const OwnUtilisation& own,
    std::int64_t beginNs, std::int64_t endNs)
{
    SampleLoad load;
    load.fromNs = i == 0 ? beginNs : std::max(samples[i - 1].timeNs, beginNs);
    load.toNs = std::min(samples[i].timeNs, endNs);
    const float average = samples[i].average();
    if (load.toNs <= load.fromNs || std::isnan(average))
        return std::nullopt;
    const std::vector<float>& perCore = samples[i].perCore;
    load.cores = std::size_t(std::count_if(perCore.begin(), perCore.end(), [](float v) { return !std::isnan(v); }));
    const double lengthNs = double(load.toNs - load.fromNs);
    load.systemCoreNs = double(average) / 100.0 * double(load.cores) * lengthNs;
    for (std::size_t core = 0; core < perCore.size(); ++core) {
        if (!std::isnan(perCore[core]))
            load.ownCoreNs += double(own.busyNs(int(core), load.fromNs, load.toNs));
    }
    load.startingUpNs = double(own.startingUpNs(load.fromNs, load.toNs));
    return load;
}

} // namespace

OtherLoad otherLoad(const std::vector<CpuSample>& samples, const OwnUtilisation& own, std::int64_t beginNs,
    std::int64_t endNs, double ownCpuMs, std::size_t firstSample)
{
    OtherLoad result;
    firstSample = std::min(firstSample, samples.size());
    result.perSample.assign(samples.size() - firstSample, std::numeric_limits<float>::quiet_NaN());
    if (endNs <= beginNs)
        return result;

    std::vector<std::optional<SampleLoad>> loads(samples.size() - firstSample);
    double coveredNs = 0;
    double segmentsCoreNs = 0;
    double startingUpNs = 0;
    std::size_t cores = 0;
    for (std::size_t i = 0; i < loads.size(); ++i) {
        loads[i] = sampleLoad(samples, firstSample + i, own, beginNs, endNs);
        if (!loads[i])
            continue;
        coveredNs += double(loads[i]->toNs - loads[i]->fromNs);
        segmentsCoreNs += loads[i]->ownCoreNs;
        startingUpNs += loads[i]->startingUpNs;
        cores = std::max(cores, loads[i]->cores);
    }
    if (coveredNs <= 0 || cores == 0)
        return result;

    // This process's CPU time the running segments do not show. Its lanes' start-up (a worker process loading and
    // initialising, which no running segment covers) is where it is known to fall: up to a core per starting lane
    // there, the rest spread over the run evenly, as nothing says when it fell. Live, the CPU time is not known yet
    // and a starting lane counts as a busy core.
    const double unexplainedNs = std::max(0.0, ownCpuMs * 1e6 - segmentsCoreNs);
    const double startingUpShare = ownCpuMs <= 0 ? 1.0
        : startingUpNs > 0                       ? std::min(1.0, unexplainedNs / startingUpNs)
                                                 : 0.0;
    const double overheadCores = std::max(0.0, unexplainedNs - startingUpShare * startingUpNs) / coveredNs;
    double otherCoreNs = 0;
    for (std::size_t i = 0; i < loads.size(); ++i) {
        if (!loads[i])
            continue;
        const SampleLoad& load = *loads[i];
        const double lengthNs = double(load.toNs - load.fromNs);
        const double other
            = load.systemCoreNs - load.ownCoreNs - startingUpShare * load.startingUpNs - overheadCores * lengthNs;
        otherCoreNs += other;
        result.perSample[i] = float(std::clamp(100.0 * other / (lengthNs * double(cores)), 0.0, 100.0));
    }
    result.percent = std::clamp(100.0 * otherCoreNs / (coveredNs * double(cores)), 0.0, 100.0);
    return result;
}

std::optional<double> otherLoadPercent(const std::vector<CpuSample>& samples, const OwnUtilisation& own,
    std::int64_t beginNs, std::int64_t endNs, double ownCpuMs)
{
    return otherLoad(samples, own, beginNs, endNs, ownCpuMs).percent;
}

} // namespace conlab
