#include "bench/milliontrace.h"
#include "core/export/runfile.h"

#include <QTemporaryDir>
#include <benchmark/benchmark.h>

namespace {

using namespace conlab;

// Goal: under 1 s for a million segments, in memory and through QSaveFile to a file.
void BM_ExportRunFile1M(benchmark::State& state)
{
    const SavedRun saved {std::make_shared<const Trace>(bench::millionSegmentTrace()), RunSummary {}, std::nullopt};
    for (auto _ : state) {
        const QByteArray json = runFileJson(saved);
        benchmark::DoNotOptimize(json.size());
    }
    state.SetItemsProcessed(state.iterations() * std::int64_t(saved.trace->segments.size()));
}
BENCHMARK(BM_ExportRunFile1M)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_WriteRunFile1M(benchmark::State& state)
{
    const SavedRun saved {std::make_shared<const Trace>(bench::millionSegmentTrace()), RunSummary {}, std::nullopt};
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.json"));
    for (auto _ : state) {
        Problem error;
        if (!writeRunFile(saved, path, &error))
            state.SkipWithError(qPrintable(error.english()));
    }
    state.SetItemsProcessed(state.iterations() * std::int64_t(saved.trace->segments.size()));
}
BENCHMARK(BM_WriteRunFile1M)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace
