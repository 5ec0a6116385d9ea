#pragma once

#include <cstdint>

namespace conlab {

class LaneWriter;

// Time a task spent taking the GIL back after a wait; empty when it did not have to wait.
struct GilWait
{
    std::int64_t beginNs = 0;
    std::int64_t endNs = 0;
};

// The end of a completed wait, the same for every model: `waiting` until the wait was over (the server's send stamp
// or the timer's deadline), `ready` until the task actually ran again, then the short run that consumes the result
// (mixing it into the checksum). The gap between the two is the resume latency the summary reports. Whatever part of
// that gap went to taking the GIL back shows as `waiting for the GIL` instead of `ready`.
void recordWaitAndResume(LaneWriter& lane, std::uint64_t& state, std::uint64_t value, std::int64_t waitBeginNs,
    std::int64_t waitOverNs, std::int64_t resumedNs, int task, GilWait gil = {});

} // namespace conlab
