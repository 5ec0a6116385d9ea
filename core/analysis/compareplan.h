#pragma once

#include "core/run/runconfig.h"

#include <vector>

namespace conlab {

// Compare-all: the same workload (and workers) under every model in turn, sequential first so that every speed-up
// has its baseline: sequential, processes, threads, threads + GIL, event loop. The event loop keeps the executor
// (and, with a thread executor, the GIL) it was given: that is the window's event-loop choice. The GIL is off
// everywhere else, but for threads + GIL.
// withPython adds the real thing after them: each shipped example that runs this workload (comparedExamples), under
// the python model with the workload's settings as its arguments, on the interpreter `config` names (or the default).
std::vector<RunConfig> compareConfigs(const RunConfig& config, bool withPython = false);

} // namespace conlab
