#pragma once

#include "core/trace/segment.h"
#include "core/trace/trace.h"

#include <QString>
#include <span>
#include <vector>

namespace conlab {

// The Cores view's rule for which segments a core lane shows: a worker's running segments (blocking the event loop
// is running too) whose core is known. Waiting segments hold no core, and the GIL lane draws a holder, not a thread.
bool showsOnCoreLane(const Segment& segment, const std::vector<LaneInfo>& workers);

// A core lane's name as traces name lanes ("core 3"), shown through laneLabel() as "Core 3".
QString coreLaneName(int core);

// The cores to give a lane each before any segment says more: the CPUs this process may run on for a run made here
// (its affinity mask), every core of the machine for a trace read from a file (which does not say what its run could
// use). Cores that segments name are added to these as they come.
std::vector<int> coresOfLiveRun();
std::vector<int> coresOfTrace(int cores);

// Makes one core lane, sorted by begin, hold no overlap: the measured running pieces of two workers may overlap a
// little on one core (the waiting a slice revealed is placed at its end), and a core runs one thread at a time.
// From `from` on, a segment that begins before the previous one ended starts at that end instead, and one left
// empty goes. Returns how many went. The lane's ends are then sorted, as folding and hover need.
std::size_t clipCoreLaneOverlaps(std::vector<Segment>& lane, std::size_t from = 0);

} // namespace conlab
