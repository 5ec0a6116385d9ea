#pragma once

#include "core/trace/cpusample.h"
#include "core/trace/segment.h"

#include <QString>
#include <cstdint>
#include <vector>

namespace conlab {

enum class LaneKind : std::uint8_t
{
    Thread, // a worker thread (sequential's single thread too)
    Process, // a worker process
    LoopSlot, // one in-flight task slot of an event loop
    Gil, // who holds the emulated GIL: `running` segments whose task is the holder's lane (-1: the event loop thread)
};

struct LaneInfo
{
    QString name;
    LaneKind kind = LaneKind::Thread;
};

// A moment rather than an interval, e.g. "a thread asked the GIL holder to drop it".
enum class InstantKind : std::uint8_t
{
    GilDropRequest,
};

struct InstantEvent
{
    std::int64_t timeNs = 0;
    std::uint16_t lane = 0; // the lane that caused it
    InstantKind kind = InstantKind::GilDropRequest;
};

// A finished (or in-progress) run as plain values: what the timeline draws, what exporters write.
struct Trace
{
    std::int64_t originNs = 0; // monotonic time the run started; files store times relative to it
    int cores = 0;
    std::vector<LaneInfo> lanes;
    std::vector<Segment> segments; // grouped by nothing in particular; each lane's own segments never overlap
    std::vector<CpuSample> cpuSamples; // in time order
    std::vector<InstantEvent> instants;
    // Traces opened from other tools only. taskNames: a segment's `task` indexes it (the event's name), where
    // conlab's own tasks are plain numbers and this stays empty. counterNames: what each cpuSamples column is when
    // the columns are counters rather than cores (empty: column i is core i, in percent).
    std::vector<QString> taskNames;
    std::vector<QString> counterNames;
    // Observed Python runs only: on a Thread lane, a segment's `task` indexes it: the Python function the thread was
    // in ("spin_alpha (cpu_threads.py:12)"), -1 where none is known. A thread's segments are split where its function
    // changes, so that the function rides in the 24-byte Segment and every reader of segments (save, open, export, the
    // Cores view) carries it with no second per-lane structure; the cost is more segments, one more at most per
    // function sample (~250 Hz per running thread). GIL lanes keep their meaning: task is the holder's lane.
    std::vector<QString> functionNames;
};

// What the controller streams to a listener while a run is going: only what is new since the last batch.
struct TraceBatch
{
    // Lanes that appeared since the last batch (an observed program's new thread or process), continuing the
    // numbering of those known so far; segments of this batch may use them.
    std::vector<LaneInfo> newLanes;
    std::vector<Segment> segments;
    std::vector<CpuSample> cpuSamples;
    std::vector<InstantEvent> instants;
    // Python functions named since the last batch, continuing Trace::functionNames.
    std::vector<QString> newFunctionNames;

    bool isEmpty() const
    {
        return newLanes.empty() && segments.empty() && cpuSamples.empty() && instants.empty()
            && newFunctionNames.empty();
    }
};

} // namespace conlab
