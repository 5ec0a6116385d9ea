#pragma once

#include "core/import/jsonreader.h"
#include "core/import/runfilelimits.h"
#include "core/run/runsummary.h"
#include "core/trace/trace.h"

#include <optional>

namespace conlab {

// conlab's record in a run file (export/runrecord.h): everything of the trace but its segments and instants, which
// come from the events, and the run's numbers.
struct RunRecord
{
    Trace trace;
    std::optional<RunSummary> summary;
    std::optional<RunSummary> baseline;
    std::optional<QString> scriptSource;
};

// Reads the value of the top-level "conlab" member. A missing field, a wrong type or an unknown key is an error
// naming the field ("conlab.summary.wall_ms") at its line and column; members this version does not know are
// skipped, and a newer format is refused by its number.
RunRecord readRunRecord(JsonReader& reader, const RunFileLimits& limits);

} // namespace conlab
