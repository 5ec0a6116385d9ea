#pragma once

#include <QString>
#include <array>
#include <cstdint>
#include <optional>

namespace conlab {

enum class WorkloadKind
{
    Cpu, // real computation sized in milliseconds of CPU on this machine
    Io, // a request to the loopback latency server
    Sleep, // a plain timed wait
    Mixed, // each task alternates CPU and I/O phases
    Convoy, // one I/O task making round trips beside one CPU-bound task: the GIL's convoy effect
    Counter, // every task increments one shared counter: lost updates
};

inline constexpr std::array allWorkloadKinds {WorkloadKind::Cpu, WorkloadKind::Io, WorkloadKind::Sleep,
    WorkloadKind::Mixed, WorkloadKind::Convoy, WorkloadKind::Counter};

// What the user asked for, before calibration turns milliseconds into iterations.
struct WorkloadSpec
{
    WorkloadKind kind = WorkloadKind::Cpu;
    int tasks = 8;
    double cpuMs = 100; // per CPU phase
    double ioMs = 50; // per I/O or sleep phase
    int phases = 2; // mixed: CPU/I-O pairs per task
    std::int64_t increments = 100'000; // counter: increments per task
    bool lock = false; // counter: each read-modify-write under a lock
    bool yieldBetween = false; // counter, event loop: await between the read and the write
};

// The convoy is one CPU-bound task and one I/O task, whatever --tasks says.
inline constexpr int convoyTasks = 2;

QString workloadKey(WorkloadKind kind);
std::optional<WorkloadKind> workloadFromKey(const QString& key);

} // namespace conlab
