#pragma once

#include "core/run/runsummary.h"
#include "core/trace/trace.h"

#include <vector>

namespace conlab {

struct EngineResult;

// Every time a lane's I/O wait ended and the task was not yet running again: what a waiting request pays for
// the CPU being busy (or, later, the GIL being held) elsewhere. In milliseconds, in lane order.
std::vector<double> resumeLatencySamplesMs(const Trace& trace);

// From the first `starting up` segment's start to the last one's end; 0 when the model has none.
double startupMs(const Trace& trace);

// Segments that begin before an earlier segment of their lane has ended: what a lane must never show, counted so a
// model that records overlapping states is caught rather than drawn as a staircase.
std::int64_t overlappingSegments(const Trace& trace);

// How often a worker's running segments changed core: each pair of consecutive running segments of one lane (idle
// or waiting time between them included) on different known cores is one migration. GIL lanes, which draw a holder
// rather than a thread, and segments of unknown core do not count.
std::int64_t coreMigrations(const Trace& trace);

// Nearest-rank percentiles; an empty input gives all zeros.
LatencyStats latencyStats(std::vector<double> samplesMs);

// A run's note (RunSummary::notes, English as files and `--json` keep it) in the UI's language; a note this version
// does not make (from a file of another version) stays as it is.
QString noteText(const QString& note);

RunSummary summarizeRun(const RunConfig& config, const Trace& trace, const EngineResult& engine);

} // namespace conlab
