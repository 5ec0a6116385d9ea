#include "core/run/otherload.h"

#include <algorithm>
#include <cmath>

namespace conlab {

std::optional<double> otherLoadPercent(
    const std::vector<CpuSample>& samples, std::int64_t beginNs, std::int64_t endNs, double ownCpuMs)
{
    if (endNs <= beginNs)
        return std::nullopt;
    // A sample covers the interval since the one before it. A run's first sample began before the run (the samples
    // of the preparation are dropped): it is taken to cover the run from its beginning.
    double busyCoreNs = 0; // core-nanoseconds busy over the part of the run the samples cover
    double coveredNs = 0;
    std::size_t cores = 0;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const std::int64_t from = i == 0 ? beginNs : std::max(samples[i - 1].timeNs, beginNs);
        const std::int64_t to = std::min(samples[i].timeNs, endNs);
        const float average = samples[i].average();
        if (to <= from || std::isnan(average))
            continue;
        const auto withData = std::size_t(std::count_if(
            samples[i].perCore.begin(), samples[i].perCore.end(), [](float value) { return !std::isnan(value); }));
        cores = std::max(cores, withData);
        busyCoreNs += double(average) / 100.0 * double(withData) * double(to - from);
        coveredNs += double(to - from);
    }
    if (coveredNs <= 0 || cores == 0)
        return std::nullopt;
    const double systemPercent = 100.0 * busyCoreNs / (coveredNs * double(cores));
    const double ownPercent = 100.0 * ownCpuMs * 1e6 / (double(endNs - beginNs) * double(cores));
    return std::clamp(systemPercent - ownPercent, 0.0, 100.0);
}

} // namespace conlab
