#pragma once

#include "core/trace/trace.h"
#include "core/util/problem.h"

#include <QByteArray>
#include <QString>

namespace conlab {

// A trace's segments as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted), one row per
// segment, by lane then time: lane, lane_name, task, task_name (only for traces opened from other tools, whose tasks
// have names), state (its key, e.g. waiting_io), begin_ms, end_ms, duration_ms (milliseconds since the run's
// origin with six decimals: exact nanoseconds), core. "No task" and "no core" are empty cells.
QByteArray segmentsCsv(const Trace& trace);

// The CPU samples as CSV: time_ms, then one column per core (cpu0, cpu1, ...) and their average, or, for a trace
// opened from another tool, one column per counter under its name (no average: counters have different units).
// A core or counter without a value is an empty cell.
QByteArray samplesCsv(const Trace& trace);

// Write them atomically (QSaveFile): on failure the old file at path is untouched, false is returned and *error
// (when not null) is a sentence naming the file and the reason, as a value.
bool writeSegmentsCsv(const Trace& trace, const QString& path, Problem* error);
bool writeSamplesCsv(const Trace& trace, const QString& path, Problem* error);

} // namespace conlab
