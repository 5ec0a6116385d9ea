#pragma once

#include "core/trace/taskstate.h"

#include <cstdint>

namespace conlab {

// One interval of one lane in one state. Kept at 24 bytes: a million of them is 24 MB, and the timeline keeps
// every segment of a run.
struct Segment
{
    std::int64_t beginNs = 0; // monotonic clock, see monotonicclock.h
    std::int64_t endNs = 0;
    std::int32_t task = -1; // -1: the lane is not working on a task (start-up, idle)
    std::uint16_t lane = 0;
    TaskState state = TaskState::Running;
    std::int8_t core = -1; // CPU the lane ran on when the segment began; -1 where unknown

    std::int64_t durationNs() const { return endNs - beginNs; }
};

static_assert(sizeof(Segment) == 24, "Segment layout grew: check memory per segment");

} // namespace conlab
