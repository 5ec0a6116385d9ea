#include "core/models/modelfactory.h"
#include "core/run/canceltoken.h"
#include "core/run/engine.h"
#include "core/trace/tracerecorder.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <algorithm>
#include <benchmark/benchmark.h>
#include <limits>
#include <optional>
#include <vector>

namespace {

using namespace conlab;

// The interpreter the issue's numbers are for: Debian 12's own.
const QString benchPython = QStringLiteral("/usr/bin/python3.11");

// Two CPU-bound threads passing the GIL back and forth, and a third that wakes every millisecond (each wake-up asks
// for the GIL, as a thread doing small I/O does): the GIL changes hands hundreds of times a second, which is what the
// observer's reads could slow. The script times its own work, so the interpreter's start-up (and conlab's bootstrap)
// is no part of the figure.
constexpr const char* benchScript = R"(import threading, time

def spin(n):
    while n:
        n -= 1

def tick(stop):
    while not stop.is_set():
        time.sleep(0.001)

start = time.perf_counter()
stop = threading.Event()
ticker = threading.Thread(target=tick, args=(stop,), name='ticker')
ticker.start()
spinners = [threading.Thread(target=spin, args=(12_000_000,), name=f'spin-{i}') for i in range(2)]
for t in spinners:
    t.start()
for t in spinners:
    t.join()
stop.set()
ticker.join()
print('work_s', time.perf_counter() - start)
)";

// The "work_s SECONDS" line the script prints.
std::optional<double> workSeconds(const QString& output)
{
    static const QRegularExpression line(QStringLiteral("^work_s ([0-9.eE+-]+)$"), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = line.match(output);
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1).toDouble();
}

std::optional<double> runUnobserved(const QString& script)
{
    QProcess python;
    python.start(benchPython, {script});
    if (!python.waitForFinished(60'000) || python.exitCode() != 0)
        return std::nullopt;
    return workSeconds(QString::fromUtf8(python.readAllStandardOutput()));
}

struct Observed
{
    double workS = 0;
    PythonRunFacts facts;
};

// Through the python model, as `conlab run --model python` runs it: bootstrap, start gate, observer, capture.
std::optional<Observed> runObserved(const QString& script)
{
    RunConfig config;
    config.model = ModelKind::Python;
    config.python = PythonScript {script, benchPython, {}};
    config = config.normalized();
    auto model = createModel(config.model);
    TraceRecorder recorder(model->lanes(config.effectiveWorkers(), config.workload.tasks), model->laneCapacity());
    CancelToken cancel;
    const EngineResult result = runEngine(config, *model, recorder, cancel);
    if (!result.outcome.error.isEmpty() || !result.outcome.python)
        return std::nullopt;
    const std::optional<double> work = workSeconds(result.outcome.python->stdoutText);
    if (!work)
        return std::nullopt;
    return Observed {*work, *result.outcome.python};
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// The issue's numbers for the observer, on Debian's python3.11: the sampling rates it achieved and the CPU it took
// (medians over the observed runs), and how much it slowed the script: the fastest of 5 observed runs against the
// fastest of 5 unobserved ones, interleaved so that a change in the machine's load hits both alike.
void BM_PythonObserved(benchmark::State& state)
{
    if (!QFileInfo(benchPython).isExecutable()) {
        state.SkipWithError("no /usr/bin/python3.11 (Debian 12's python3.11 package)");
        return;
    }
    QTemporaryDir dir;
    const QString script = dir.filePath(QStringLiteral("observed.py"));
    QFile file(script);
    if (!file.open(QIODevice::WriteOnly) || file.write(benchScript) < 0) {
        state.SkipWithError("cannot write the script");
        return;
    }
    file.close();
    constexpr int pairs = 5;
    std::vector<double> gilHz;
    std::vector<double> stateHz;
    std::vector<double> cpuPercent;
    double bestObserved = std::numeric_limits<double>::infinity();
    double bestUnobserved = std::numeric_limits<double>::infinity();
    for (auto _ : state) {
        for (int pair = 0; pair < pairs; ++pair) {
            const std::optional<double> unobserved = runUnobserved(script);
            const std::optional<Observed> observed = runObserved(script);
            if (!unobserved || !observed) {
                state.SkipWithError("the script failed to run");
                return;
            }
            if (observed->facts.observerMode != QLatin1String("memory")) {
                state.SkipWithError("the observer could not read the interpreter's GIL");
                return;
            }
            bestUnobserved = std::min(bestUnobserved, *unobserved);
            bestObserved = std::min(bestObserved, observed->workS);
            gilHz.push_back(observed->facts.gilSampleHz);
            stateHz.push_back(observed->facts.stateSampleHz);
            cpuPercent.push_back(observed->facts.observerCpuPercent);
        }
    }
    state.counters["gil_hz"] = median(gilHz);
    state.counters["state_hz"] = median(stateHz);
    state.counters["observer_cpu_pct"] = median(cpuPercent);
    state.counters["observed_s"] = bestObserved;
    state.counters["unobserved_s"] = bestUnobserved;
    state.counters["slowdown_pct"] = (bestObserved / bestUnobserved - 1.0) * 100.0;
}
BENCHMARK(BM_PythonObserved)->Iterations(1)->Unit(benchmark::kSecond);

} // namespace
