#pragma once

#include "core/run/runconfig.h"

#include <QString>

namespace conlab {

// A short name for what a configuration runs, as a table row or a bar says it: "threads + GIL", "event loop + thread
// executor". In the UI's language; English where no translator is installed (`conlab run`).
QString modelLabel(const RunConfig& config);

} // namespace conlab
