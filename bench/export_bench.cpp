#include "export/chrometraceexport.h"

#include <benchmark/benchmark.h>

namespace {

using namespace conlab;

// A million segments over 64 lanes, the size the timeline must cope with (goal: export under 1 s).
Trace millionSegmentTrace()
{
    Trace trace;
    trace.cores = 2;
    for (int lane = 0; lane < 64; ++lane)
        trace.lanes.push_back(LaneInfo {QStringLiteral("thread %1").arg(lane + 1), LaneKind::Thread});
    trace.segments.reserve(1'000'000);
    for (int i = 0; i < 1'000'000; ++i) {
        const std::int64_t begin = std::int64_t(i / 64) * 10'000;
        trace.segments.push_back(Segment {
            begin, begin + 9'000, i / 3, std::uint16_t(i % 64), allTaskStates[std::size_t(i % 4)], std::int8_t(i % 2)});
    }
    return trace;
}

void BM_ExportChromeTrace1M(benchmark::State& state)
{
    const Trace trace = millionSegmentTrace();
    for (auto _ : state) {
        const QByteArray json = chromeTraceJson(trace);
        benchmark::DoNotOptimize(json.size());
    }
    state.SetItemsProcessed(state.iterations() * std::int64_t(trace.segments.size()));
}
BENCHMARK(BM_ExportChromeTrace1M)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace
