#include "bench/syntheticrun.h"
#include "core/analysis/ownutilisation.h"
#include "ui/plots/coreutilisationplot.h"
#include "ui/plots/timelineplot.h"
#include "ui/timeline/segmentfolding.h"
#include "ui/timeline/timelinedata.h"

#include <QApplication>
#include <benchmark/benchmark.h>
#include <random>

namespace {

using namespace conlab;
using namespace conlab::bench;

// Feeds the plot as a live run would: the controller's batches hold a few thousand segments, lane by lane.
void feedLive(TimelinePlot& plot, const std::vector<Segment>& segments)
{
    constexpr std::size_t batchSize = 4096;
    TraceBatch batch;
    for (std::size_t i = 0; i < segments.size(); i += batchSize) {
        const std::size_t end = std::min(segments.size(), i + batchSize);
        batch.segments.assign(segments.begin() + std::ptrdiff_t(i), segments.begin() + std::ptrdiff_t(end));
        plot.appendBatch(batch);
    }
}

// A 1600x900 timeline shown on screen, fed `count` synthetic segments as a live run's batches.
void showLive(TimelinePlot& plot, std::int64_t count)
{
    plot.resize(1600, 900);
    plot.show();
    plot.startRun(benchRunStart());
    feedLive(plot, syntheticSegments(count));
}

// One full replot of the 64-lane timeline at 1600x900, drawn to the widget (goal: under 16 ms at a million
// segments). What a shown run costs in memory is measured by BM_ShownRunMemory.
void BM_ReplotTimeline(benchmark::State& state)
{
    TimelinePlot plot;
    showLive(plot, state.range(0));
    plot.resetZoom();
    plot.replot(QCustomPlot::rpImmediateRefresh);
    for (auto _ : state)
        plot.replot(QCustomPlot::rpImmediateRefresh);
    state.counters["segments"] = double(plot.data().segmentCount());
}
BENCHMARK(BM_ReplotTimeline)->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// The same million segments zoomed to 1 % of the run: cost follows what is visible, not what is stored.
void BM_ReplotTimelineZoomed(benchmark::State& state)
{
    TimelinePlot plot;
    showLive(plot, state.range(0));
    plot.setTimeRange(5.0, 5.1);
    plot.replot(QCustomPlot::rpImmediateRefresh);
    for (auto _ : state)
        plot.replot(QCustomPlot::rpImmediateRefresh);
}
BENCHMARK(BM_ReplotTimelineZoomed)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// The folding alone, all 64 lanes over the whole run at 1600 px: the part of a replot that visits segments.
void BM_ReplotFoldOnly(benchmark::State& state)
{
    const std::vector<Segment> segments = syntheticSegments(state.range(0));
    TimelineData data;
    data.reset(benchRunStart().lanes, benchOriginNs);
    data.append(segments);
    const TimeAxisMapping mapping {0.0, 10.2, 80.0, 1500.0};
    std::vector<TimelineMark> marks;
    std::size_t markCount = 0;
    for (auto _ : state) {
        markCount = 0;
        for (int lane = 0; lane < data.laneCount(); ++lane) {
            foldLane(data.lane(lane), data.originNs(), mapping, marks);
            markCount += marks.size();
        }
        benchmark::DoNotOptimize(marks.data());
    }
    state.counters["marks"] = double(markCount);
}
BENCHMARK(BM_ReplotFoldOnly)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// An export of the timeline (what "save picture" costs), at the same size.
void BM_ReplotTimelineToPixmap(benchmark::State& state)
{
    const std::vector<Segment> segments = syntheticSegments(state.range(0));
    TimelinePlot plot;
    plot.startRun(benchRunStart());
    feedLive(plot, segments);
    plot.resetZoom();
    for (auto _ : state)
        benchmark::DoNotOptimize(plot.toPixmap(1600, 900));
}
BENCHMARK(BM_ReplotTimelineToPixmap)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// Utilisation of 2 cores sampled at 20 Hz for an hour, fitted: 72,000 points per line.
void BM_ReplotCoreUtilisation(benchmark::State& state)
{
    std::mt19937 rng(3);
    std::uniform_real_distribution<float> load(0.0f, 100.0f);
    RunStart start = benchRunStart();
    TraceBatch batch;
    for (std::int64_t i = 0; i < state.range(0); ++i) {
        CpuSample sample;
        sample.timeNs = benchOriginNs + i * 50'000'000;
        sample.perCore = {load(rng), load(rng)};
        batch.cpuSamples.push_back(sample);
    }
    CoreUtilisationPlot plot;
    plot.resize(1600, 300);
    plot.show();
    plot.startRun(start);
    plot.appendBatch(batch);
    plot.resetZoom();
    plot.replot(QCustomPlot::rpImmediateRefresh);
    for (auto _ : state)
        plot.replot(QCustomPlot::rpImmediateRefresh);
}
BENCHMARK(BM_ReplotCoreUtilisation)->Arg(72'000)->Unit(benchmark::kMillisecond);

// A million "running on CPU" segments of a 10 s run on 2 cores, none overlapping on its core (as a run records
// them): half a million busy intervals per core, the worst case for the own-utilisation index.
std::vector<Segment> runningOnTwoCores(std::int64_t total)
{
    std::mt19937 rng(5);
    std::uniform_int_distribution<std::int64_t> length(2'000, 18'000);
    const std::int64_t perCore = total / 2;
    const std::int64_t slotNs = benchRunNs / perCore;
    std::vector<Segment> segments;
    segments.reserve(std::size_t(total));
    for (std::int64_t i = 0; i < perCore; ++i) {
        for (int core = 0; core < 2; ++core) {
            Segment s;
            s.lane = std::uint16_t(core);
            s.beginNs = benchOriginNs + i * slotNs + core * 1'000;
            s.endNs = s.beginNs + std::min(slotNs - 1'000, length(rng));
            s.task = int(i);
            s.state = TaskState::Running;
            s.core = std::int8_t(core);
            segments.push_back(s);
        }
    }
    return segments;
}

// The utilisation plot fed a 1M-segment run as live batches, with /proc/stat samples at 100 Hz as noisy as a shared
// machine's (each core 50-100 % busy at random): the machine's dashed lines and the other-programs area are as
// jagged as a user sees them, not flat.
void showOwnUtilisation(CoreUtilisationPlot& plot, std::int64_t count)
{
    const std::vector<Segment> segments = runningOnTwoCores(count);
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> busy(50.0f, 100.0f);
    plot.resize(1600, 300);
    plot.show();
    plot.startRun(benchRunStart());
    TraceBatch batch;
    std::int64_t nextSampleNs = benchOriginNs + 10'000'000;
    for (std::size_t i = 0; i < segments.size(); i += 4096) {
        const std::size_t end = std::min(segments.size(), i + 4096);
        batch.segments.assign(segments.begin() + std::ptrdiff_t(i), segments.begin() + std::ptrdiff_t(end));
        batch.cpuSamples.clear();
        for (; nextSampleNs <= batch.segments.back().endNs; nextSampleNs += 10'000'000)
            batch.cpuSamples.push_back({nextSampleNs, {busy(rng), busy(rng)}});
        plot.appendBatch(batch);
    }
    plot.resetZoom();
}

// One replot of the utilisation plot at 1600 px whose time range changed, so the run's own lines are recomputed
// from the 1M segments (a point per pixel column per core) and drawn with the machine's lines and the other-programs
// area: what every zoom, pan or resize costs (goal: at most 5 ms).
void BM_ReplotOwnUtilisation(benchmark::State& state)
{
    CoreUtilisationPlot plot;
    showOwnUtilisation(plot, state.range(0));
    plot.replot(QCustomPlot::rpImmediateRefresh);
    const QCPRange full = plot.xAxis->range();
    bool shifted = false;
    for (auto _ : state) {
        shifted = !shifted;
        const double shift = shifted ? full.size() * 1e-3 : 0.0;
        plot.setTimeRange(full.lower + shift, full.upper + shift);
        plot.replot(QCustomPlot::rpImmediateRefresh);
    }
}
BENCHMARK(BM_ReplotOwnUtilisation)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// The computation alone: 2 cores x 1,600 buckets from a 1M-segment index.
void BM_OwnUtilisationBuckets(benchmark::State& state)
{
    const OwnUtilisation own = OwnUtilisation::fromSegments(runningOnTwoCores(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(own.perCore(benchOriginNs, benchOriginNs + benchRunNs, 1600));
}
BENCHMARK(BM_OwnUtilisationBuckets)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// Building that index from a finished run's segments at once (what opening a 1M-segment file costs, off the UI
// thread).
void BM_OwnUtilisationIndex(benchmark::State& state)
{
    const std::vector<Segment> segments = runningOnTwoCores(state.range(0));
    for (auto _ : state)
        benchmark::DoNotOptimize(OwnUtilisation::fromSegments(segments));
}
BENCHMARK(BM_OwnUtilisationIndex)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// Storing one live batch of segments (the UI-thread cost per tick that is not drawing).
void BM_TimelineAppend(benchmark::State& state)
{
    const std::vector<Segment> segments = syntheticSegments(1'000'000);
    std::int64_t appended = 0;
    for (auto _ : state) {
        TimelineData data;
        data.reset(benchRunStart().lanes, benchOriginNs);
        for (std::size_t i = 0; i < segments.size(); i += 4096) {
            const std::size_t end = std::min(segments.size(), i + 4096);
            data.append(std::span<const Segment>(segments.data() + i, end - i));
        }
        appended += std::int64_t(segments.size());
        benchmark::DoNotOptimize(data.segmentCount());
    }
    state.SetItemsProcessed(appended);
}
BENCHMARK(BM_TimelineAppend)->Unit(benchmark::kMillisecond);

} // namespace
