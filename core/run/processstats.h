#pragma once

#include <vector>

namespace conlab {

// What this process costs the machine, read from the kernel. Used for run summaries and leak checks in tests.
namespace processstats {

// User + system CPU time of this process and of its waited-for children.
double cpuMs();
// Peak resident set size (VmHWM) in MiB since start or since the last resetPeakRss().
double peakRssMb();
// Resident set size now (VmRSS) in MiB.
double rssMb();
// Lets the next peakRssMb() speak of one run, not of the whole session (Linux clear_refs "5").
void resetPeakRss();
// Milliseconds since the kernel started this process (its exec included), to the kernel's clock tick (10 ms).
double msSinceStart();
int threadCount();
int openFdCount();
// Direct children of this process, zombies included (a zombie is a child nobody reaped).
std::vector<int> childPids();

} // namespace processstats
} // namespace conlab
