#pragma once

#include "core/import/rawtrace.h"
#include "core/trace/trace.h"

namespace conlab {

// The segments and instants of a file conlab wrote, from its X and i events, into a trace that already holds the
// record's lanes and origin: every field exactly as it was. A segment on a lane the record does not name, a state
// name this version does not know or an unreadable conlab argument throws ParseError at the event.
void readConlabEvents(const RawTrace& raw, Trace& trace);

} // namespace conlab
