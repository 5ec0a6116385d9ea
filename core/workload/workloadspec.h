#pragma once

#include <QString>

#include <array>
#include <optional>

namespace conlab {

enum class WorkloadKind {
    Cpu, // real computation sized in milliseconds of CPU on this machine
    Io, // a request to the loopback latency server
    Sleep, // a plain timed wait
    Mixed, // each task alternates CPU and I/O phases
};

inline constexpr std::array allWorkloadKinds { WorkloadKind::Cpu, WorkloadKind::Io, WorkloadKind::Sleep,
    WorkloadKind::Mixed };

// What the user asked for, before calibration turns milliseconds into iterations.
struct WorkloadSpec {
    WorkloadKind kind = WorkloadKind::Cpu;
    int tasks = 8;
    double cpuMs = 100; // per CPU phase
    double ioMs = 50; // per I/O or sleep phase
    int phases = 2; // mixed: CPU/I-O pairs per task
};

QString workloadKey(WorkloadKind kind);
std::optional<WorkloadKind> workloadFromKey(const QString& key);

} // namespace conlab
