#pragma once

#include <cstdint>

namespace conlab {

// Seconds since the run origin <-> horizontal device pixels. Pure arithmetic, so the plot's geometry can be tested
// without a widget (and the folding can work in pixel columns).
struct TimeAxisMapping
{
    double beginSec = 0.0;
    double endSec = 1.0;
    double pixelLeft = 0.0;
    double pixelWidth = 1.0;

    double toPixel(double sec) const;
    double toSeconds(double px) const;
    double pixelsPerSecond() const;
    bool isValid() const;
};

// Nanoseconds of the monotonic clock <-> seconds since a run's origin.
double nsToSeconds(std::int64_t ns, std::int64_t originNs);
std::int64_t secondsToNs(double sec, std::int64_t originNs);

// A visible stretch of the time axis, in seconds since the run origin.
struct TimeRange
{
    double begin = 0.0;
    double end = 1.0;

    double size() const { return end - begin; }
    bool operator==(const TimeRange&) const = default;
};

// Where a live view should look once the newest data is at newestSec: the whole run so far while it is shorter
// than windowSec, then a sliding window of that length. The range moves in steps (a quarter of the run, or a fifth
// of the window) and never back, so axis labels stay still between steps and two linked plots whose newest times
// differ settle on one range instead of pulling it back and forth.
TimeRange followRange(TimeRange current, double newestSec, double windowSec);
// The whole run [beginSec, endSec] with a small margin, at least minimumSpanSec wide.
TimeRange fitRange(double beginSec, double endSec, double minimumSpanSec);

// Where both time plots start their time axis, at least: stacked in the window, a shared time axis only reads as
// shared if its seconds line up, whatever the lane names or the utilisation labels need.
inline constexpr int timeAxisLeftMarginPx = 120;

// Lane i is drawn centred on value i with a bar of this height, so neighbouring lanes keep a visible gap.
inline constexpr double laneBarHeight = 0.8;

// The lane whose bar covers value y, or -1 in the gap between bars or outside [0, laneCount).
int laneAtValue(double y, int laneCount);

} // namespace conlab
