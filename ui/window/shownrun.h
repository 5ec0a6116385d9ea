#pragma once

#include "core/export/runfile.h"

#include <QString>

namespace conlab {

// The finished run the plots show: what a picture's caption describes and what "Save run" keeps. A run made in the
// window has its summary, and the baseline its speed-up was measured against when there was one; a trace opened from
// another tool has only the trace and the name of its file.
struct ShownRun
{
    SavedRun run;
    QString sourceFile; // the file it was opened from; empty for a run made in this window
};

} // namespace conlab
