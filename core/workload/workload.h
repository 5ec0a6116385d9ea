#pragma once

#include "core/workload/workloadspec.h"

#include <cstdint>
#include <vector>

namespace conlab {

// Values travel to worker processes: append, never reorder.
enum class PhaseKind : std::uint8_t
{
    Cpu, // amount: kernel iterations
    Io, // amount: microseconds of server latency
    Sleep, // amount: microseconds
    // Round trips of `amount` us, one after another, until the convoy's CPU task has finished. `extra` bounds it in
    // microseconds for a worker process, which cannot see another process's task finish. Its checksum ignores the
    // replies: how many round trips fit depends on the model, and checksums must not.
    ConvoyIo,
    ConvoyEnd, // the convoy's CPU task is done: its I/O task stops
    // `amount` read-work-write increments of the run's shared counter; `extra`: kernel iterations of work between
    // the read and the write.
    Increment,
};

inline constexpr PhaseKind lastPhaseKind = PhaseKind::Increment;

struct Phase
{
    PhaseKind kind = PhaseKind::Cpu;
    std::int64_t amount = 0;
    std::int64_t extra = 0;
};

struct TaskSpec
{
    int id = 0;
    std::uint64_t seed = 0; // start of the task's checksum chain; also its I/O request token
    std::vector<Phase> phases;
};

// A workload made concrete for this machine: milliseconds of CPU are already iterations, so every model (and every
// worker process) runs exactly the same computation and reaches the same checksum.
struct Workload
{
    WorkloadSpec spec;
    std::int64_t sliceIterations = 1; // iterations between two cancellation (and, later, GIL) checks
    std::vector<TaskSpec> tasks;

    bool needsLatencyServer() const;
};

// About 50 us of work per slice: fine enough that cancel is instant, coarse enough that the check costs nothing.
inline constexpr double sliceMicroseconds = 50.0;

// The counter's "short piece of work" between reading and writing: long enough that two threads interleave there.
inline constexpr double counterWorkMicroseconds = 0.5;

Workload buildWorkload(const WorkloadSpec& spec, double iterationsPerMs);

} // namespace conlab
