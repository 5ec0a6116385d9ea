#pragma once

#include "core/run/runconfig.h"
#include "core/run/runsummary.h"
#include "core/trace/trace.h"

#include <QMetaType>
#include <cstdint>
#include <memory>
#include <vector>

namespace conlab {

// Sent once when a run begins: enough for a view to lay out its lanes and cores before any segment arrives.
struct RunStart
{
    RunConfig config;
    std::vector<LaneInfo> lanes;
    int cores = 0;
    std::int64_t originNs = 0; // the monotonic time the model began: zero on the time axis
};

// Sent once when a run ends, however it ends. The trace is shared, not copied: it may hold millions of segments.
struct RunResult
{
    RunSummary summary;
    std::shared_ptr<const Trace> trace;
};

} // namespace conlab

Q_DECLARE_METATYPE(conlab::RunStart)
Q_DECLARE_METATYPE(conlab::RunResult)
Q_DECLARE_METATYPE(conlab::TraceBatch)
