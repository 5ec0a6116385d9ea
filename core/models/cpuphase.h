#pragma once

#include <cstdint>

namespace conlab {

class CancelToken;
class GilThread;
class LaneWriter;

struct CpuPhaseOptions
{
    std::int64_t sliceIterations = 1;
    // Event loop only: a phase that runs longer than this without yielding is recorded as one "blocking the loop"
    // segment (asyncio's slow_callback_duration). 0: record running segments, split when the thread migrates.
    std::int64_t blockingThresholdNs = 0;
    // This thread's side of the GIL, held on entry; between slices it is handed over when another thread asks.
    GilThread* gil = nullptr;
};

// Runs `iterations` of the kernel in slices on the calling thread, checking for cancellation (and for a GIL drop
// request) between slices. Returns false when cancelled part-way.
bool runCpuPhase(LaneWriter& lane, std::uint64_t& state, std::int64_t iterations, int task, const CancelToken& cancel,
    const CpuPhaseOptions& options);

} // namespace conlab
