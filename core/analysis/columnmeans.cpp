#include "core/analysis/columnmeans.h"

#include "core/analysis/ownutilisation.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace conlab {

std::vector<float> columnMeans(std::span<const std::int64_t> timesNs, std::span<const float> values,
    std::int64_t firstFromNs, std::int64_t beginNs, std::int64_t endNs, int columns)
{
    std::vector<float> means(std::size_t(std::max(columns, 0)), std::numeric_limits<float>::quiet_NaN());
    const std::size_t count = std::min(timesNs.size(), values.size());
    if (columns <= 0 || endNs <= beginNs || count == 0)
        return means;
    // The first sample whose interval ends after the range begins.
    std::size_t sample = std::size_t(
        std::upper_bound(timesNs.begin(), timesNs.begin() + std::ptrdiff_t(count), beginNs) - timesNs.begin());
    for (int column = 0; column < columns && sample < count; ++column) {
        const std::int64_t from = OwnUtilisation::bucketEdgeNs(beginNs, endNs, columns, column);
        // A column narrower than a nanosecond still shows the value at its instant.
        const std::int64_t to = std::max(OwnUtilisation::bucketEdgeNs(beginNs, endNs, columns, column + 1), from + 1);
        double weighted = 0;
        double covered = 0;
        // Samples are visited once overall: the last one reaching past this column is visited again by the next.
        for (std::size_t i = sample; i < count; ++i) {
            const std::int64_t sampleFrom = i == 0 ? firstFromNs : timesNs[i - 1];
            const double overlap = double(std::min(to, timesNs[i]) - std::max(from, sampleFrom));
            if (overlap > 0 && !std::isnan(values[i])) {
                weighted += overlap * double(values[i]);
                covered += overlap;
            }
            if (timesNs[i] >= to)
                break;
            sample = i + 1;
        }
        if (covered > 0)
            means[std::size_t(column)] = float(weighted / covered);
    }
    return means;
}

} // namespace conlab
