#include "ui/plots/coreutilisationplot.h"
#include "ui/plots/timelineplot.h"
#include "ui/window/windowbody.h"

#include <gtest/gtest.h>

namespace conlab {
namespace {

constexpr std::int64_t origin = 5'000'000'000'000LL;
constexpr std::int64_t ms = 1'000'000;

RunStart runStart()
{
    RunStart start;
    start.cores = 2;
    start.originNs = origin;
    start.lanes = {{QStringLiteral("thread 0"), LaneKind::Thread}, {QStringLiteral("thread 1"), LaneKind::Thread}};
    return start;
}

// Both lanes running on a core each, in 100 ms steps, from fromMs to toMs.
TraceBatch batch(std::int64_t fromMs, std::int64_t toMs)
{
    TraceBatch result;
    for (std::uint16_t lane = 0; lane < 2; ++lane) {
        for (std::int64_t t = fromMs; t < toMs; t += 100) {
            Segment segment;
            segment.lane = lane;
            segment.beginNs = origin + t * ms;
            segment.endNs = origin + std::min(t + 100, toMs) * ms;
            segment.task = int(t / 100);
            segment.core = std::int8_t(lane);
            result.segments.push_back(segment);
        }
    }
    return result;
}

// The machine's CPU samples, every 10 ms from fromMs up to toMs.
std::vector<CpuSample> samples(std::int64_t fromMs, std::int64_t toMs)
{
    std::vector<CpuSample> result;
    for (std::int64_t t = fromMs; t <= toMs; t += 10)
        result.push_back({origin + t * ms, {100.0F, 100.0F}});
    return result;
}

} // namespace

// The run's last batch comes in after the window's last live tick, and the end of the run follows it at once. Its CPU
// samples go on past the last segment (the run's wall time covers joining the threads and the workers' exit), so the
// two linked plots' own fits differ. The picture is then the whole run: it ends just past the last sample, not where
// the live view's growing window (25 % ahead of the newest time) puts it when one plot follows the other's fit.
TEST(WindowBody, TheEndOfARunFitsEveryPlotsDataOnce)
{
    WindowBody body;
    body.resize(1200, 700);
    body.startRun(runStart());
    TraceBatch first = batch(0, 2000);
    first.cpuSamples = samples(0, 1990);
    body.appendBatch(first);
    body.refresh(); // a live tick: the plots follow to 2.5 s
    TraceBatch last = batch(2000, 3250);
    last.cpuSamples = samples(2000, 3360);
    body.appendBatch(last);

    auto trace = std::make_shared<Trace>();
    trace->originNs = origin;
    trace->cores = 2;
    trace->lanes = runStart().lanes;
    trace->segments = first.segments;
    trace->segments.insert(trace->segments.end(), last.segments.begin(), last.segments.end());
    trace->cpuSamples = first.cpuSamples;
    trace->cpuSamples.insert(trace->cpuSamples.end(), last.cpuSamples.begin(), last.cpuSamples.end());
    RunResult result;
    result.summary.wallMs = 3360;
    result.trace = trace;
    body.finishRun(result);

    for (const TimeAxisPlot* plot :
        {static_cast<const TimeAxisPlot*>(body.timeline()), static_cast<const TimeAxisPlot*>(body.utilisation())}) {
        const TimeRange shown = plot->timeRange();
        EXPECT_FALSE(plot->userZoomed());
        EXPECT_LE(shown.begin, 0.0);
        EXPECT_GE(shown.end, 3.36) << "the end of the run is cut off";
        EXPECT_LE(shown.end, 3.36 * 1.05) << "the axis runs on past the end of the run";
    }
}

} // namespace conlab
