#pragma once

#include "core/trace/segment.h"

#include <QString>
#include <cstdint>
#include <sys/types.h>

namespace conlab::python {

// A lane the observer draws: one per native thread of an observed process, and one per process for its GIL.
struct ObservedLane
{
    enum class Kind
    {
        Thread,
        Gil,
    };
    Kind kind = Kind::Thread;
    pid_t pid = 0;
    pid_t tid = 0; // 0 for a GIL lane
    // Thread: its native name (/proc/PID/task/TID/comm), read once the thread has lived ~20 ms so that a name set at
    // its start is seen. Gil: the name of the process's main thread.
    QString name;
};

// What the observer reports to, implemented by the model. Called from the observer's own threads (never two calls at
// once: one thread records), so an implementation only needs to be safe against its own readers.
class ObservationSink
{
public:
    virtual ~ObservationSink() = default;
    // Called once per lane, on first sight, before any segment of that lane; returns the index segments will carry.
    virtual std::uint16_t laneFor(const ObservedLane& lane) = 0;
    // One finished segment, times on CLOCK_MONOTONIC (monotonicNowNs()). Per lane, segments arrive in time order
    // and do not overlap. Thread lanes: task = the Python function the thread was last seen in (functionFor()), -1
    // where none is known; core = the CPU the thread was on (or queued for) when the segment began. GIL lanes: state
    // Running while the GIL is held, task = the holder's native thread id (0 where the holder could not be named), core
    // = the holder's CPU; no segment while the GIL is free.
    virtual void record(const Segment& segment) = 0;
    // The index that stands for a Python function ("spin_alpha (script.py:4)") in a thread lane segment's task: the
    // same text gets the same index for the whole observation. Called before the first segment that carries it.
    virtual std::int32_t functionFor(const QString& name) = 0;
};

} // namespace conlab::python
