#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace conlab {

// A sampled series shown at the plot's resolution: value i holds over (timesNs[i-1], timesNs[i]] (the first from
// firstFromNs), as /proc/stat's samples each cover the interval since the one before. [beginNs, endNs) is cut into
// `columns` buckets with OwnUtilisation::bucketEdgeNs(), the own lines' pixel columns, and each gets the time-weighted
// mean of the values over it: at 100 Hz over a long run several samples share a column and are averaged into one
// value (a band instead of alternating spikes); zoomed in, a column inside one sample takes that sample's value.
// A NaN value is no data and its time is left out; a column without data is NaN (a gap, not a zero).
// timesNs must be ascending. O(columns + samples in the range).
std::vector<float> columnMeans(std::span<const std::int64_t> timesNs, std::span<const float> values,
    std::int64_t firstFromNs, std::int64_t beginNs, std::int64_t endNs, int columns);

} // namespace conlab
