#include "ui/timeline/timelinemapping.h"

#include <algorithm>
#include <cmath>

namespace conlab {

double TimeAxisMapping::toPixel(double sec) const
{
    return pixelLeft + (sec - beginSec) * pixelsPerSecond();
}

double TimeAxisMapping::toSeconds(double px) const
{
    return beginSec + (px - pixelLeft) / pixelsPerSecond();
}

double TimeAxisMapping::pixelsPerSecond() const
{
    return pixelWidth / (endSec - beginSec);
}

bool TimeAxisMapping::isValid() const
{
    return std::isfinite(beginSec) && std::isfinite(endSec) && endSec > beginSec && std::isfinite(pixelLeft)
        && std::isfinite(pixelWidth) && pixelWidth > 0.0;
}

double nsToSeconds(std::int64_t ns, std::int64_t originNs)
{
    // Subtract in integers first: monotonic nanoseconds are far beyond double's exact range after days of uptime.
    return double(ns - originNs) * 1e-9;
}

std::int64_t secondsToNs(double sec, std::int64_t originNs)
{
    // A wild zoom can ask for any double; keep the conversion defined (about +-100 years is plenty).
    const double ns = std::clamp(sec * 1e9, -3e18, 3e18);
    return originNs + std::int64_t(std::llround(ns));
}

TimeRange followRange(TimeRange current, double newestSec, double windowSec)
{
    constexpr double growth = 1.25;
    constexpr double lead = 0.2; // of the window, kept ahead of the newest time once sliding
    // Anything this function returns (or a fit, which starts at the origin) has a follow shape; a range that does
    // and still shows the newest time stays, even when a linked plot with newer data put its end further ahead.
    const bool wholeRun = current.begin <= 0.0;
    const bool sliding = std::abs(current.size() - windowSec) <= windowSec * 1e-9;
    if ((wholeRun || sliding) && newestSec <= current.end)
        return current;
    if (newestSec <= windowSec)
        return {0.0, newestSec * growth};
    const double end = newestSec + windowSec * lead;
    return {end - windowSec, end};
}

TimeRange fitRange(double beginSec, double endSec, double minimumSpanSec)
{
    const double begin = std::min(0.0, beginSec);
    const double span = std::max(endSec - begin, 0.0);
    return {begin, begin + std::max(span * 1.02, minimumSpanSec)};
}

int laneAtValue(double y, int laneCount)
{
    const double nearest = std::round(y);
    if (nearest < 0.0 || nearest >= laneCount || std::abs(y - nearest) > laneBarHeight / 2)
        return -1;
    return int(nearest);
}

} // namespace conlab
