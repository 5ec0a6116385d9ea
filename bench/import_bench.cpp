#include "bench/milliontrace.h"
#include "core/export/runfile.h"
#include "core/import/runfilereader.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>

namespace {

using namespace conlab;

// Goal: a million-segment run file (about 150 MB) opens in under 3 s: read (mapped), parsed and rebuilt into the
// exact trace and summary.
void BM_ImportRunFile1M(benchmark::State& state)
{
    const SavedRun saved {std::make_shared<const Trace>(bench::millionSegmentTrace()), RunSummary {}, std::nullopt};
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.json"));
    Problem writeError;
    if (!writeRunFile(saved, path, &writeError)) {
        state.SkipWithError(qPrintable(writeError.english()));
        return;
    }
    QString error;
    for (auto _ : state) {
        const std::optional<SavedRun> read = readRunFile(path, &error);
        if (!read || read->trace->segments.size() != saved.trace->segments.size())
            state.SkipWithError(qPrintable(error));
    }
    state.SetItemsProcessed(state.iterations() * std::int64_t(saved.trace->segments.size()));
    state.counters["file_MB"] = double(QFileInfo(path).size()) / 1e6;
}
BENCHMARK(BM_ImportRunFile1M)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace
