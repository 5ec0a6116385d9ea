#include "core/trace/cpusample.h"

#include <cmath>
#include <limits>

namespace conlab {

float CpuSample::average() const
{
    double sum = 0;
    int count = 0;
    for (float value : perCore) {
        if (std::isnan(value))
            continue;
        sum += value;
        ++count;
    }
    return count ? static_cast<float>(sum / count) : std::numeric_limits<float>::quiet_NaN();
}

} // namespace conlab
