#pragma once

namespace conlab {

// How often the machine's per-core load is read from /proc/stat: as often as its counters can change. They advance
// in ticks of 1/sysconf(_SC_CLK_TCK) s (USER_HZ, 100 on Linux); reading faster only repeats a tick. Never under
// 50 Hz, so a classroom's 100 ms run still gets five samples, and never over 100 Hz, so a kernel with a faster tick
// does not make the sampler the busiest thread.
int defaultSampleHz() noexcept;

} // namespace conlab
