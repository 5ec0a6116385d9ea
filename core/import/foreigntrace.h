#pragma once

#include "core/import/rawtrace.h"
#include "core/import/runfilelimits.h"
#include "core/trace/trace.h"

namespace conlab {

// A trace written by another tool, as the timeline shows it: one lane per (pid, tid) with slices, ordered by
// process sort index, pid, thread sort index and tid and named "process / thread"; X events and B/E pairs
// flattened so that the innermost slice owns each moment (an unclosed B ends with the trace, a stray E is
// ignored); each slice's name is its task (Trace::taskNames) and its state a conlab state named in its name,
// args.state or category, else running; C events become counter columns (Trace::counterNames), each holding its
// value until its next event. Times keep the file's clock; originNs is the earliest event. Throws ParseError when
// a limit is exceeded.
Trace buildForeignTrace(const RawTrace& raw, const RunFileLimits& limits);

} // namespace conlab
