#pragma once

#include "core/run/runsummary.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace conlab {

// The object `conlab run --json` prints. Keys are snake_case and stable; milliseconds and megabytes are rounded
// to 3 decimals (iterations_per_ms is exact, for --calibration); the checksum is a "0x%016llx" string because a JSON
// number (a double) can't hold 64 bits; "error" is present only when the run failed.
QJsonObject runSummaryToJson(const RunSummary& summary);

// Three decimals is a microsecond for milliseconds and a kilobyte for megabytes: more is noise, and it keeps the
// printed JSON readable. JSON has no NaN or infinity; null says "no value" outright.
QJsonValue roundedJson(double value);

// {p50, p99, max, count}, milliseconds rounded to 3 decimals.
QJsonObject latencyJson(const LatencyStats& latency);

// A few aligned "label  value" lines for a terminal, ending with a newline.
QString runSummaryText(const RunSummary& summary);

} // namespace conlab
