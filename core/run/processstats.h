#pragma once

#include <QString>
#include <optional>
#include <vector>

namespace conlab {

// What this process costs the machine, read from the kernel. Used for run summaries and leak checks in tests.
// What comes from /proc is empty when /proc cannot be read: a leak check must then fail, not compare 0 with 0.
// `proc` is where procfs is mounted; a test points it at a folder that has none.
namespace processstats {

inline QString procRoot()
{
    return QStringLiteral("/proc");
}

// User + system CPU time of this process and of its waited-for children.
double cpuMs();
// Peak resident set size (VmHWM) in MiB since start or since the last resetPeakRss().
double peakRssMb();
// Resident set size now (VmRSS) in MiB.
std::optional<double> rssMb(const QString& proc = procRoot());
// Lets the next peakRssMb() speak of one run, not of the whole session (Linux clear_refs "5").
void resetPeakRss();
// Milliseconds since the kernel started this process (its exec included), to the kernel's clock tick (10 ms).
std::optional<double> msSinceStart(const QString& proc = procRoot());
std::optional<int> threadCount(const QString& proc = procRoot());
std::optional<int> openFdCount(const QString& proc = procRoot());
// Direct children of this process, zombies included (a zombie is a child nobody reaped).
std::optional<std::vector<int>> childPids(const QString& proc = procRoot());

} // namespace processstats
} // namespace conlab
