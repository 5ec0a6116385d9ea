#include "core/models/modelfactory.h"
#include "core/run/canceltoken.h"
#include "core/run/engine.h"
#include "core/run/runsummarizer.h"
#include "core/trace/tracerecorder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <benchmark/benchmark.h>
#include <chrono>

namespace {

using namespace conlab;

// Per-task overhead of a model with empty tasks (0 ms of CPU): hand-out, recording, result, divided by the number of
// tasks. Pool start-up (thread or process creation) is measured by the run's own `starting up` segments and left
// out, so the figure is the steady-state cost of one task on a pre-started pool. per_task is the README's number.
void dispatch(benchmark::State& state, ModelKind model, int workers)
{
    RunConfig config;
    config.model = model;
    config.workload.kind = WorkloadKind::Cpu;
    config.workload.cpuMs = 0;
    config.workload.tasks = int(state.range(0));
    config.workers = workers;
    for (auto _ : state) {
        auto executionModel = createModel(model);
        TraceRecorder recorder(executionModel->lanes(config.effectiveWorkers(), config.workload.tasks));
        CancelToken cancel;
        const EngineResult result = runEngine(config, *executionModel, recorder, cancel);
        Trace trace;
        trace.lanes = recorder.lanes();
        trace.segments = recorder.drain();
        const double seconds = double(result.endNs - result.beginNs) / 1e9 - startupMs(trace) / 1e3;
        state.SetIterationTime(seconds);
        if (result.outcome.tasksCompleted != config.workload.tasks)
            state.SkipWithError("not every task completed");
    }
    state.counters["per_task"] = benchmark::Counter(
        double(state.iterations() * state.range(0)), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

void BM_DispatchSequential(benchmark::State& state)
{
    dispatch(state, ModelKind::Sequential, 1);
}
void BM_DispatchThreads(benchmark::State& state)
{
    dispatch(state, ModelKind::Threads, 2);
}
void BM_DispatchProcesses(benchmark::State& state)
{
    dispatch(state, ModelKind::Processes, 2);
}
// No concurrency limit, like asyncio.gather over every task.
void BM_DispatchEventLoop(benchmark::State& state)
{
    dispatch(state, ModelKind::EventLoop, 0);
}

// The same shape in CPython's own pools (bench/cpython_dispatch.py, standard library only), so the figures sit beside
// the ones above: ThreadPoolExecutor(2), ProcessPoolExecutor(2), asyncio.gather.
void BM_DispatchCPython(benchmark::State& state)
{
    for (auto _ : state) {
        QProcess python;
        python.start(QStringLiteral("python3"),
            {QStringLiteral(CONLAB_SOURCE_DIR "/bench/cpython_dispatch.py"), QStringLiteral("--json")});
        if (!python.waitForFinished(300'000) || python.exitCode() != 0) {
            state.SkipWithError("python3 bench/cpython_dispatch.py did not run (is python3 installed?)");
            return;
        }
        const QJsonObject figures = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
        state.SetLabel(
            QStringLiteral("CPython %1").arg(figures.value(QStringLiteral("version")).toString()).toStdString());
        for (const char* key : {"threads_us", "processes_us", "asyncio_us"})
            state.counters[key] = figures.value(QLatin1String(key)).toDouble();
    }
}

BENCHMARK(BM_DispatchSequential)->Arg(20000)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DispatchThreads)->Arg(20000)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DispatchProcesses)->Arg(5000)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DispatchEventLoop)->Arg(20000)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DispatchCPython)->Iterations(1)->Unit(benchmark::kSecond);

} // namespace
