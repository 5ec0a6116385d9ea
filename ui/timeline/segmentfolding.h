#pragma once

#include "core/trace/segment.h"
#include "ui/timeline/timelinemapping.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace conlab {

// One rectangle to draw in a lane, in device pixels along the time axis.
struct TimelineMark
{
    double left = 0.0;
    double right = 0.0;
    TaskState state = TaskState::Running;
    // Stands for several segments narrower than a pixel: drawn marked, so nobody mistakes it for one long segment.
    bool folded = false;
    // Some segment in it blocked the event loop: must stay visible even when outvoted inside a folded column.
    bool blockingLoop = false;
    std::int32_t count = 1; // segments it stands for
    std::int32_t first = 0; // index of the first of them in the lane

    bool operator==(const TimelineMark&) const = default;
};

// Index of the first segment that ends after fromNs. The lane must be sorted by begin with no overlaps (what a
// lane records), which makes the ends sorted too.
std::size_t firstSegmentEndingAfter(std::span<const Segment> lane, std::int64_t fromNs);

// Replaces `out` (keeping its capacity) with what to draw of `lane` inside mapping's visible time range. Segments at
// least minWidthPx wide come out as themselves (clipped to just outside the view). A narrow segment comes out on
// its own, widened to minWidthPx, when no other narrow segment starts in its pixel column; otherwise every narrow
// segment starting in that column folds into one mark [column, column + 1) coloured by the state covering most of
// it. The cost is a binary search plus the visible segments, so a zoomed-in view of a huge lane is cheap.
void foldLane(std::span<const Segment> lane, std::int64_t originNs, const TimeAxisMapping& mapping,
    std::vector<TimelineMark>& out, double minWidthPx = 1.0);

} // namespace conlab
