#pragma once

#include "core/trace/trace.h"

#include <vector>

namespace conlab {

// The GIL's own lane, last in a model's list: who holds it, over time.
void appendGilLane(std::vector<LaneInfo>& lanes);

// Index of the GIL lane, or -1 when there is none.
int gilLaneIndex(const std::vector<LaneInfo>& lanes);

} // namespace conlab
