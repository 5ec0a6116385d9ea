#pragma once

#include <cstdint>

namespace conlab {

// Real CPU work: a serial chain of multiply-xorshift steps the compiler can neither fold nor vectorise, so its cost
// scales linearly with `iterations` and its result depends on every step (the task checksum).
inline std::uint64_t cpuKernel(std::uint64_t state, std::int64_t iterations)
{
    for (std::int64_t i = 0; i < iterations; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        state ^= state >> 29;
    }
    return state;
}

// Iterations of cpuKernel per millisecond of CPU on this machine, measured once per process on the thread's CPU
// clock (so a busy machine preempting the calibration does not inflate the result).
double kernelIterationsPerMs();

// Mixes a value into a checksum state (SplitMix64 finaliser): used where a phase has no computation of its own.
std::uint64_t mixChecksum(std::uint64_t state, std::uint64_t value);

} // namespace conlab
