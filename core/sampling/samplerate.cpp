#include "core/sampling/samplerate.h"

#include <algorithm>
#include <unistd.h>

namespace conlab {

int defaultSampleHz() noexcept
{
    constexpr int lowest = 50;
    constexpr int highest = 100;
    static const int hz = [] {
        const long ticks = sysconf(_SC_CLK_TCK);
        return ticks > 0 ? int(std::clamp<long>(ticks, lowest, highest)) : highest;
    }();
    return hz;
}

} // namespace conlab
