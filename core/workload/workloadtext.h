#pragma once

#include "core/workload/workloadspec.h"

#include <QString>

namespace conlab {

// A workload and its parameters in one line, as the terminal summary and figure captions print it (in the UI's
// language; English where no translator is installed, as in `conlab run`):
// "cpu: 8 tasks of 100 ms CPU", "mixed: 4 tasks of 2 x (80 ms CPU + 10 ms I/O)".
QString workloadText(const WorkloadSpec& workload);

// A parameter the user typed, printed as given ("100", "0.5"), not padded to a fixed number of decimals.
QString parameterText(double value);

} // namespace conlab
