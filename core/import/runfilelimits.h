#pragma once

#include <cstdint>

namespace conlab {

// What a run file may hold before it is refused with a message rather than read: large enough for any real trace
// (a million segments is ~150 MB), small enough that a damaged or hostile file cannot exhaust memory or time.
// Tests lower them to reach each one cheaply.
struct RunFileLimits
{
    std::int64_t maxFileBytes = std::int64_t(2) << 30; // 2 GiB
    std::int64_t maxEvents = 20'000'000; // entries of traceEvents, of any phase
    int maxDepth = 64; // nesting of objects and arrays
    std::int64_t maxStringBytes = 16 << 20; // one string, in UTF-8 bytes
    int maxLanes = 65535; // threads with slices; Segment::lane is 16 bits, so higher values change nothing
    int maxCounters = 4096; // counter series (one column each)
    std::int64_t maxCounterValues = 64'000'000; // counter rows x columns once forward-filled (4 bytes each)
};

} // namespace conlab
