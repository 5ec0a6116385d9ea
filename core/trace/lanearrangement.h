#pragma once

#include "core/trace/trace.h"

namespace conlab {

// A trace's segments lane by lane (lane 0 first), each lane in order of begin, with no spare capacity: the order the
// timeline draws in. A finished run's trace is arranged so (RunController), and the window then shows it without a
// copy of its own (TimelineData keeps views into it). Every segment and its fields are kept; only the order changes.
void arrangeByLane(Trace& trace);

// Whether the segments are already in that order, every lane among trace.lanes.
bool isArrangedByLane(const Trace& trace);

} // namespace conlab
