#include "bench/chromiumshapedtrace.h"
#include "bench/milliontrace.h"
#include "core/export/runfile.h"
#include "core/import/runfilereader.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>

namespace {

using namespace conlab;
using namespace conlab::bench;

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

// Goal: a trace of the shape Chromium writes (7.5 MB, 84 threads, 40,928 slices; chromiumshapedtrace.h) opens within
// the 1M-segment import's 3 s: read, every event scanned, nesting flattened into lanes.
void BM_ImportChromiumShapedTrace(benchmark::State& state)
{
    const ChromiumShapedTrace written = chromiumShapedTrace();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chrome.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(written.json) != written.json.size() || !file.flush()) {
        state.SkipWithError("could not write the trace");
        return;
    }
    file.close();
    QString error;
    std::size_t lanes = 0;
    std::size_t segments = 0;
    for (auto _ : state) {
        const std::optional<SavedRun> read = readRunFile(path, &error);
        if (!read || read->trace->lanes.size() != std::size_t(ChromiumShapedTrace::threads)) {
            state.SkipWithError(qPrintable(read ? QStringLiteral("%1 lanes").arg(read->trace->lanes.size()) : error));
            return;
        }
        lanes = read->trace->lanes.size();
        segments = read->trace->segments.size();
    }
    state.counters["file_MB"] = double(written.json.size()) / 1e6;
    state.counters["lanes"] = double(lanes);
    state.counters["segments"] = double(segments);
}
BENCHMARK(BM_ImportChromiumShapedTrace)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace
