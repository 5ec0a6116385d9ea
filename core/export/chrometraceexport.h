#pragma once

#include "core/export/textbuffer.h"
#include "core/trace/trace.h"

namespace conlab {

// The "traceEvents" member of a Chrome Trace Event JSON file (ui.perfetto.dev, chrome://tracing and speedscope open
// it), key included: lanes become threads of one process (pid 1) named and sorted in the app's order; per-core CPU
// utilisation (or an imported trace's counters) becomes counters of a second process (pid 2). Times are
// microseconds since trace.originNs with nanosecond precision; a duration is written so that a viewer's ts + dur in
// double precision never passes the next segment's ts. Each segment is one X event whose args hold its task, core
// and state exactly; writeRunFile() (runfile.h) puts this into a whole file.
void appendTraceEvents(TextBuffer& out, const Trace& trace);

// How a segment's X event is marked, so that reading a run file back (import/conlabevents.cpp) takes exactly these.
inline constexpr int segmentEventPid = 1;
inline constexpr char segmentEventCategory[] = "task";

} // namespace conlab
