#pragma once

#include <QString>
#include <QStringList>
#include <cstdint>
#include <sys/types.h>
#include <vector>

namespace conlab::python {

// Time one thread held the GIL (from the GIL samples) and waited for it (from its states: a futex on the GIL's own
// words). Zero for both in os-only mode.
struct ThreadGilTimes
{
    pid_t pid = 0;
    pid_t tid = 0;
    QString name;
    std::int64_t gilHeldNs = 0;
    std::int64_t gilWaitNs = 0;
};

// What the observer saw and what it cost. Valid at any time; final once PythonObserver::stop() has returned.
struct ObserverStats
{
    QString pythonVersion; // of the root process, from Py_Version ("3.11.2"); empty where it could not be read
    // "precise": as "memory", the root's GIL lane from a hardware watchpoint on `locked` (exact times, every hand-over;
    // its descendants' GILs sampled); "memory": the root process's GIL sampled and OS states, its GIL read to the end;
    // "os-only": threads, states and cores only, from the start or from the moment its memory could no longer be read
    // (the notes say why). A descendant that cannot be read has a note of its own.
    QString mode;
    QStringList notes; // English, one sentence each: why a process has no GIL lane, what was refused...
    double gilSampleHz = 0; // GIL reads per second per process, achieved (mean over the observed time)
    double stateSampleHz = 0; // passes over every thread's /proc state per second, achieved
    double observerCpuPercent = 0; // CPU of the observer's threads, percent of one core over the observed time
    std::uint64_t gilSwitches = 0; // exact: switch_number deltas, summed over processes
    std::int64_t observedNs = 0; // from start() to the last sample
    std::vector<ThreadGilTimes> threads; // every thread seen, in order of first sight
    std::vector<pid_t> processes; // every process observed, root first
};

} // namespace conlab::python
