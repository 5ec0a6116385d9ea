#pragma once

#include "core/trace/trace.h"

#include <QString>
#include <vector>

namespace conlab {

// How many workers (threads, processes, loop slots) a pool of `workers` runs `tasks` on: never more than there are
// tasks, and at least one.
int poolSize(int workers, int tasks);

// Appends `count` lanes named "<name> 1", "<name> 2", ...
void appendPoolLanes(std::vector<LaneInfo>& lanes, int count, const QString& name, LaneKind kind);

} // namespace conlab
