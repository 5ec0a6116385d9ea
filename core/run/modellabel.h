#pragma once

#include "run/runconfig.h"

#include <QString>

namespace conlab {

// A short English name for what a configuration runs, as a table row or a bar says it: "threads + GIL",
// "event loop + thread executor".
QString modelLabel(const RunConfig& config);

} // namespace conlab
