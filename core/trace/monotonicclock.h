#pragma once

#include <chrono>
#include <cstdint>

namespace conlab {

// steady_clock is CLOCK_MONOTONIC on Linux: one time base shared by every process on the machine, so lanes
// recorded in worker processes line up with the parent's without any clock translation.
inline std::int64_t monotonicNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace conlab
