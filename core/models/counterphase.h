#pragma once

#include <cstdint>

namespace conlab {

class CancelToken;
class GilThread;
class LaneWriter;
struct SharedState;

// Increments the run's shared counter `count` times, each time as CPython runs `counter += 1`: read it, do
// `workIterations` of kernel work, write it back. Between the read and the write another thread may write too, and
// its update is lost; with the GIL that happens only when a switch falls there, which is why the GIL's drop request is
// also honoured between the read and the write. With `lock` each read-modify-write holds the shared lock, taken like
// threading.Lock: without the GIL while it blocks. Returns false when cancelled part-way.
bool runCounterPhase(LaneWriter& lane, std::uint64_t& state, std::int64_t count, std::int64_t workIterations, int task,
    SharedState& shared, bool lock, GilThread* gil, const CancelToken& cancel);

} // namespace conlab
