#include "ui/timeline/segmentfolding.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace conlab {

namespace {

// Sums what a pixel column's narrow segments cover, per state; the count breaks ties between zero-width ones.
struct ColumnVotes
{
    std::array<std::int64_t, taskStateCount> coverageNs {};
    std::array<std::int32_t, taskStateCount> count {};

    void add(TaskState state, std::int64_t durationNs)
    {
        const auto index = std::size_t(state);
        if (index >= coverageNs.size())
            return;
        coverageNs[index] += durationNs;
        ++count[index];
    }

    TaskState winner() const
    {
        std::size_t best = 0;
        for (std::size_t i = 1; i < coverageNs.size(); ++i) {
            if (coverageNs[i] > coverageNs[best] || (coverageNs[i] == coverageNs[best] && count[i] > count[best]))
                best = i;
        }
        return TaskState(best);
    }
};

// Time -> pixel for one fold, plus its inverse at the two thresholds the scan needs. Positions are measured from
// the left edge in integer nanoseconds first, so deep zooms late in a long run keep sub-pixel precision.
struct NsToPixel
{
    std::int64_t originNs;
    double basePx;
    double pxPerNs;
    double nsPerPx = 1.0 / pxPerNs; // once per lane: a division per pixel column showed in profiles

    double operator()(std::int64_t ns) const { return basePx + double(ns - originNs) * pxPerNs; }

    // The first nanosecond at or right of pixel position px. The scan then compares integers only, which is
    // what keeps a million segments cheap; nudging the estimate keeps it exact against operator().
    std::int64_t firstNsAt(double px) const
    {
        const double estimate = std::clamp((px - basePx) * nsPerPx, -4e18, 4e18);
        std::int64_t ns = originNs + std::int64_t(std::ceil(estimate));
        for (int nudge = 0; nudge < 4 && (*this)(ns - 1) >= px; ++nudge)
            --ns;
        for (int nudge = 0; nudge < 4 && (*this)(ns) < px; ++nudge)
            ++ns;
        return ns;
    }

    // The shortest duration at least minWidthPx wide.
    std::int64_t nsForWidth(double minWidthPx) const
    {
        const double estimate = std::clamp(minWidthPx * nsPerPx, 0.0, 4e18);
        auto ns = std::int64_t(std::ceil(estimate));
        for (int nudge = 0; nudge < 4 && ns > 0 && double(ns - 1) * pxPerNs >= minWidthPx; ++nudge)
            --ns;
        for (int nudge = 0; nudge < 4 && double(ns) * pxPerNs < minWidthPx; ++nudge)
            ++ns;
        return ns;
    }
};

} // namespace

std::size_t firstSegmentEndingAfter(std::span<const Segment> lane, std::int64_t fromNs)
{
    const auto it = std::partition_point(
        lane.begin(), lane.end(), [fromNs](const Segment& segment) { return segment.endNs <= fromNs; });
    return std::size_t(it - lane.begin());
}

void foldLane(std::span<const Segment> lane, std::int64_t originNs, const TimeAxisMapping& mapping,
    std::vector<TimelineMark>& out, double minWidthPx)
{
    out.clear();
    if (lane.empty() || !mapping.isValid())
        return;

    const std::int64_t visibleBeginNs = secondsToNs(mapping.beginSec, originNs);
    const std::int64_t visibleEndNs = secondsToNs(mapping.endSec, originNs);
    const NsToPixel toPx {
        visibleBeginNs, mapping.toPixel(nsToSeconds(visibleBeginNs, originNs)), mapping.pixelsPerSecond() * 1e-9};
    const std::int64_t minWidthNs = toPx.nsForWidth(minWidthPx);
    // Clip far-off edges: painters misbehave on coordinates in the billions.
    const double clipLeft = mapping.pixelLeft - 2.0;
    const double clipRight = mapping.pixelLeft + mapping.pixelWidth + 2.0;

    const std::size_t n = lane.size();
    std::size_t i = firstSegmentEndingAfter(lane, visibleBeginNs);
    while (i < n && lane[i].beginNs < visibleEndNs) {
        const Segment& segment = lane[i];
        const double x0 = toPx(segment.beginNs);
        if (segment.endNs - segment.beginNs >= minWidthNs) {
            out.push_back({std::max(x0, clipLeft), std::min(toPx(segment.endNs), clipRight), segment.state, false,
                segment.state == TaskState::BlockingLoop, 1, std::int32_t(i)});
            ++i;
            continue;
        }

        const double column = std::floor(x0);
        const std::int64_t stopNs = std::min(toPx.firstNsAt(column + 1.0), visibleEndNs);
        const std::size_t first = i;
        ColumnVotes votes;
        bool blockingLoop = false;
        for (; i < n; ++i) {
            const Segment& s = lane[i];
            const std::int64_t durationNs = s.endNs - s.beginNs;
            if (s.beginNs >= stopNs || durationNs >= minWidthNs)
                break;
            votes.add(s.state, durationNs);
            blockingLoop = blockingLoop || s.state == TaskState::BlockingLoop;
        }
        // The segment that opened the column always belongs to it, even if rounding put its start a hair past the
        // column's end: the scan must move on.
        if (i == first) {
            votes.add(segment.state, segment.endNs - segment.beginNs);
            blockingLoop = segment.state == TaskState::BlockingLoop;
            ++i;
        }

        const auto count = std::int32_t(i - first);
        if (count == 1)
            out.push_back({x0, x0 + minWidthPx, segment.state, false, blockingLoop, 1, std::int32_t(first)});
        else
            out.push_back({column, column + 1.0, votes.winner(), true, blockingLoop, count, std::int32_t(first)});
    }
}

} // namespace conlab
