#include "bench/syntheticrun.h"
#include "core/trace/lanearrangement.h"
#include "ui/plots/timelineplot.h"
#include "ui/window/mainwindow.h"
#include "ui/window/runsession.h"

#include <QCoreApplication>
#include <QFile>
#include <benchmark/benchmark.h>
#include <malloc.h>
#include <memory>
#include <unistd.h>

namespace {

using namespace conlab;
using namespace conlab::bench;

// Resident bytes of this process once freed memory went back to the system: what is left is what is held.
double residentBytes()
{
    QCoreApplication::processEvents();
    ::malloc_trim(0);
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.value(1).toDouble() * double(::sysconf(_SC_PAGESIZE));
}

// The resident cost per segment of a shown run, measured on the real window: a million segments reach a MainWindow
// the way a run's do (runStarted, live batches of 4096, runFinished with the run's trace, grown as RunController
// grows it and arranged by lane as it leaves it), then the growth of the resident set is divided by the segments.
// Everything the window keeps of the run counts: the shown run, the timeline, the panels. Goal: 32 B or less.
void BM_ShownRunMemory(benchmark::State& state)
{
    const std::vector<Segment> segments = syntheticSegments(state.range(0));
    const RunStart start = benchRunStart();
    for (auto _ : state) {
        MainWindow window;
        window.resize(1600, 900);
        window.show();
        RunSession& session = window.session();
        const double before = residentBytes();

        emit session.runStarted(start);
        auto trace = std::make_shared<Trace>();
        trace->lanes = start.lanes;
        trace->cores = start.cores;
        trace->originNs = start.originNs;
        for (std::size_t i = 0; i < segments.size(); i += 4096) {
            TraceBatch batch;
            const std::size_t end = std::min(segments.size(), i + 4096);
            batch.segments.assign(segments.begin() + std::ptrdiff_t(i), segments.begin() + std::ptrdiff_t(end));
            trace->segments.insert(trace->segments.end(), batch.segments.begin(), batch.segments.end());
            emit session.batch(batch);
        }
        arrangeByLane(*trace);
        RunResult result;
        result.summary.config = start.config;
        result.trace = std::move(trace);
        emit session.runFinished(result);
        result = {};
        const double after = residentBytes();

        if (before < 0 || after < 0) {
            state.SkipWithError("/proc/self/statm is not readable");
            return;
        }
        state.counters["segments"]
            = double(window.findChild<TimelinePlot*>(QStringLiteral("timeline"))->data().segmentCount());
        state.counters["bytes_per_segment"] = (after - before) / double(segments.size());
    }
}
BENCHMARK(BM_ShownRunMemory)->Arg(1'000'000)->Iterations(1)->Unit(benchmark::kMillisecond);

} // namespace
