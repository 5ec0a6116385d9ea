#include "core/workload/cpukernel.h"

#include <algorithm>
#include <ctime>
#include <mutex>

namespace conlab {
namespace {

std::int64_t threadCpuNowNs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

double measureIterationsPerMs()
{
    constexpr std::int64_t trialIterations = 1'000'000;
    volatile std::uint64_t sink = 0;
    double best = 0;
    // The fastest of several trials is the one least disturbed by frequency ramp-up and cache misses.
    for (int trial = 0; trial < 5; ++trial) {
        const std::int64_t begin = threadCpuNowNs();
        sink = cpuKernel(sink + trial, trialIterations);
        const std::int64_t elapsed = std::max<std::int64_t>(threadCpuNowNs() - begin, 1);
        best = std::max(best, double(trialIterations) * 1e6 / double(elapsed));
    }
    return best;
}

} // namespace

double kernelIterationsPerMs()
{
    static std::once_flag once;
    static double iterationsPerMs = 0;
    std::call_once(once, [] { iterationsPerMs = measureIterationsPerMs(); });
    return iterationsPerMs;
}

std::uint64_t mixChecksum(std::uint64_t state, std::uint64_t value)
{
    std::uint64_t z = state + value + 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

} // namespace conlab
