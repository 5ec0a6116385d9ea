#pragma once

#include "core/trace/trace.h"

#include <optional>
#include <utility>

namespace conlab {

// Where a trace's data lie, in ms from its origin: slices and counter values (CPU samples) alike. Empty for a trace
// with neither. What `conlab open` prints and the side panel shows for an opened file.
std::optional<std::pair<double, double>> dataSpanMs(const Trace& trace);

} // namespace conlab
