#pragma once

#include "core/models/lanewriter.h"
#include "core/trace/tracerecorder.h"

#include <QString>

namespace conlab::test {

// A deliberately broken recorder: lane 0 is a worker that records a wait starting before its running segment ended,
// lane 1 (`kind`) one whose second segment lies inside the first, as a GIL held twice at once would. What the overlap
// checks of the model tests must catch.
inline Trace overlappingTrace(LaneKind secondLaneKind = LaneKind::Thread)
{
    TraceRecorder recorder(
        {LaneInfo {QStringLiteral("worker"), LaneKind::Thread}, LaneInfo {QStringLiteral("second"), secondLaneKind}});
    LaneWriter worker(recorder, 0);
    worker.record(TaskState::Running, 1'000, 5'000, 0, 0);
    worker.record(TaskState::WaitingIo, 4'000, 9'000, 0);
    LaneWriter second(recorder, 1);
    second.record(TaskState::Running, 2'000, 8'000, 0, 0);
    second.record(TaskState::Running, 3'000, 4'000, 1, 0);
    second.record(TaskState::Running, 8'000, 9'000, 0, 0); // touching the end is not an overlap
    Trace trace;
    trace.lanes = recorder.lanes();
    trace.segments = recorder.drain();
    return trace;
}

} // namespace conlab::test
