#pragma once

#include <cstdint>
#include <vector>

namespace conlab {

// Utilisation of every core over the interval that ends at timeNs, in percent (0-100). A core that was offline
// in either /proc/stat snapshot has NaN: "no data" must not look like "idle".
struct CpuSample
{
    std::int64_t timeNs = 0;
    std::vector<float> perCore;

    // Mean over the cores that have data; NaN when none has.
    float average() const;
};

} // namespace conlab
