#include "core/trace/dataspan.h"

#include <algorithm>
#include <cstdint>

namespace conlab {

std::optional<std::pair<double, double>> dataSpanMs(const Trace& trace)
{
    std::optional<std::int64_t> begin;
    std::optional<std::int64_t> end;
    const auto cover = [&begin, &end](std::int64_t from, std::int64_t to) {
        begin = begin ? std::min(*begin, from) : from;
        end = end ? std::max(*end, to) : to;
    };
    for (const Segment& segment : trace.segments)
        cover(segment.beginNs, segment.endNs);
    for (const CpuSample& sample : trace.cpuSamples)
        cover(sample.timeNs, sample.timeNs);
    if (!begin)
        return std::nullopt;
    return std::pair {double(*begin - trace.originNs) * 1e-6, double(*end - trace.originNs) * 1e-6};
}

} // namespace conlab
