#pragma once

#include "workloadspec.h"

#include <cstdint>
#include <vector>

namespace conlab {

enum class PhaseKind : std::uint8_t {
    Cpu, // amount: kernel iterations
    Io, // amount: microseconds of server latency
    Sleep, // amount: microseconds
};

struct Phase {
    PhaseKind kind = PhaseKind::Cpu;
    std::int64_t amount = 0;
};

struct TaskSpec {
    int id = 0;
    std::uint64_t seed = 0; // start of the task's checksum chain; also its I/O request token
    std::vector<Phase> phases;
};

// A workload made concrete for this machine: milliseconds of CPU are already iterations, so every model (and every
// worker process) runs exactly the same computation and reaches the same checksum.
struct Workload {
    WorkloadSpec spec;
    std::int64_t sliceIterations = 1; // iterations between two cancellation (and, later, GIL) checks
    std::vector<TaskSpec> tasks;

    bool needsLatencyServer() const;
};

// About 50 us of work per slice: fine enough that cancel is instant, coarse enough that the check costs nothing.
inline constexpr double sliceMicroseconds = 50.0;

Workload buildWorkload(const WorkloadSpec& spec, double iterationsPerMs);

} // namespace conlab
