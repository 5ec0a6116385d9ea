#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>

namespace conlab {

// What the tasks of one run share through memory, like a Python module's globals: the counter workload's counter
// and its lock, and the convoy's "CPU task finished" flag. A worker process has its own copy, as a Python process
// has its own globals.
struct SharedState
{
    // Read and written by separate relaxed operations, never a fetch_add: the lost update is the lesson, and this
    // way it happens without a data race, so ThreadSanitizer stays quiet about the engine.
    std::atomic<std::int64_t> counter {0};
    std::mutex counterLock; // --lock: threading.Lock around the read-modify-write
    std::atomic<bool> convoyOver {false};
};

} // namespace conlab
