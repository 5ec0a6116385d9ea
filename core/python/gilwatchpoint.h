#pragma once

#include <QString>
#include <cstdint>
#include <memory>
#include <sys/types.h>
#include <vector>

namespace conlab::python {

// A hardware write watchpoint on a process's GIL `locked` word (perf_event_open, PERF_TYPE_BREAKPOINT): which thread
// wrote it and when, every time, to the nanosecond. take_gil writes 1 and drop_gil writes 0, and neither writes
// what is already there, so the writes alternate: a write to a free GIL takes it, a write by its holder drops it.
// Opened on the process's main thread, one ring buffer per CPU, inherited by every thread it creates from then on
// (not by the processes it forks, which are observed on their own): so only a process with one thread can be
// watched whole. Needs perf_event_paranoid <= 2 (or CAP_PERFMON) and debug registers; each write costs the writer a
// trap (~9 µs in a VM), which is why this mode is asked for, never the default.
class GilWatchpoint
{
public:
    struct Write
    {
        pid_t tid = 0;
        std::int64_t timeNs = 0; // CLOCK_MONOTONIC, as monotonicNowNs()
    };

    // The watchpoint on `address` in process `pid`, or null with *why saying what refused it.
    static std::unique_ptr<GilWatchpoint> open(pid_t pid, std::uint64_t address, QString* why);
    ~GilWatchpoint();
    GilWatchpoint(const GilWatchpoint&) = delete;
    GilWatchpoint& operator=(const GilWatchpoint&) = delete;

    // Appends the writes recorded since the last call, each CPU's in order (merge them by time). False once the
    // kernel has dropped a write (a ring buffer overflowed): from then on the writes no longer alternate.
    bool drain(std::vector<Write>& out);

private:
    struct Ring
    {
        int fd = -1;
        void* map = nullptr;
        std::uint64_t tail = 0;
    };
    explicit GilWatchpoint(pid_t pid);

    pid_t m_pid;
    std::vector<Ring> m_rings;
    bool m_lost = false;
};

} // namespace conlab::python
