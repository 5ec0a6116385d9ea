#pragma once

#include "core/models/modelfactory.h"
#include "core/run/canceltoken.h"
#include "core/run/engine.h"
#include "core/run/processstats.h"
#include "core/run/runcontroller.h"
#include "core/run/runseries.h"
#include "core/trace/tracerecorder.h"
#include "core/workload/cpukernel.h"
#include "tests/timingslack.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <functional>
#include <gtest/gtest.h>
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace conlab::test {

inline RunConfig makeConfig(ModelKind model, WorkloadKind kind, int tasks, int workers, double cpuMs, double ioMs)
{
    RunConfig config;
    config.model = model;
    config.workload.kind = kind;
    config.workload.tasks = tasks;
    config.workers = workers;
    config.workload.cpuMs = cpuMs;
    config.workload.ioMs = ioMs;
    return config;
}

// The same workload kind and model at test size: a few tasks of a few milliseconds, so that every step of every
// scenario (or every model of a comparison) runs in the suite in moments.
inline RunConfig shrunkForTest(RunConfig config)
{
    config.workload.tasks = std::min(config.workload.tasks, 4);
    if (config.workers > config.workload.tasks)
        config.workers = config.workload.tasks;
    config.workload.cpuMs = std::min(config.workload.cpuMs, config.workload.kind == WorkloadKind::Convoy ? 30.0 : 5.0);
    config.workload.ioMs = std::min(config.workload.ioMs, 5.0);
    config.workload.phases = std::min(config.workload.phases, 2);
    config.workload.increments = std::min<std::int64_t>(config.workload.increments, 2000);
    return config.normalized();
}

// What a leak check compares before and after.
struct ProcessCounts
{
    int threads = 0;
    int fds = 0;
};

inline std::ostream& operator<<(std::ostream& out, const ProcessCounts& counts)
{
    return out << counts.threads << " threads, " << counts.fds << " descriptors";
}

// Empty when /proc cannot be read: the check that asked then fails rather than comparing nothing with nothing.
inline std::optional<ProcessCounts> processCounts(const QString& proc = processstats::procRoot())
{
    const auto threads = processstats::threadCount(proc);
    const auto fds = processstats::openFdCount(proc);
    if (!threads || !fds)
        return std::nullopt;
    return ProcessCounts {*threads, *fds};
}

// Thread and descriptor counts settle a moment after a run: Qt reaps finished threads asynchronously. False when
// they do not, or when /proc cannot be read.
inline bool settlesTo(const ProcessCounts& before, const QString& proc = processstats::procRoot())
{
    for (int attempt = 0; attempt < slack(50); ++attempt) {
        const auto now = processCounts(proc);
        if (!now)
            return false;
        if (now->threads <= before.threads && now->fds <= before.fds)
            return true;
        QThread::msleep(20);
    }
    return false;
}

// Children are reaped by Qt asynchronously; give it a moment before calling one a zombie. False when some are still
// there after `ms`, or when /proc cannot be read.
inline bool noChildrenWithin(int ms, const QString& proc = processstats::procRoot())
{
    for (int waited = 0;; waited += 20) {
        const auto children = processstats::childPids(proc);
        if (!children)
            return false;
        if (children->empty())
            return true;
        if (waited >= ms)
            return false;
        QThread::msleep(20);
    }
}

// For a failure message: what is there now.
inline std::string countsNowText()
{
    const auto now = processCounts();
    const auto children = processstats::childPids();
    std::ostringstream text;
    if (now)
        text << *now;
    else
        text << "/proc/self cannot be read";
    text << "; " << (children ? std::to_string(children->size()) : std::string("unknown")) << " children";
    return text.str();
}

// Starts `config`, calls `during` once `afterMs` have passed (to cancel, kill a worker...), waits for finished.
inline std::optional<RunResult> runWhile(
    const RunConfig& config, int afterMs, const std::function<void(RunController&)>& during, int timeoutMs = 20'000)
{
    RunController controller;
    std::optional<RunResult> result;
    QEventLoop loop;
    QObject::connect(&controller, &RunController::finished, [&](const RunResult& r) {
        result = r;
        loop.quit();
    });
    Problem refusal;
    EXPECT_TRUE(controller.start(config, &refusal)) << refusal.english().toStdString();
    // Timers of this scope rather than QTimer::singleShot: a single-shot's timer object lives until it fires, so a
    // minute's timeout per run would pile up over the soak's runs and read as a leak.
    QTimer duringTimer;
    duringTimer.setSingleShot(true);
    QObject::connect(&duringTimer, &QTimer::timeout, [&] { during(controller); });
    duringTimer.start(afterMs);
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(timeoutMs);
    loop.exec();
    EXPECT_TRUE(result.has_value()) << "run did not finish within " << timeoutMs << " ms";
    EXPECT_FALSE(controller.isRunning());
    return result;
}

// Runs `config` as RunController does, on an engine thread of its own, but against `server`, which the test
// controls (to make it stop answering mid-run); `during` is called every 5 ms while the run goes. Empty when the run
// did not end within timeoutMs: it is then cancelled and waited for, and the test has found a hang.
inline std::optional<EngineResult> runEngineAgainst(
    const RunConfig& requested, LatencyServer& server, const std::function<void()>& during, int timeoutMs)
{
    const RunConfig config = requested.normalized();
    const auto model = createModel(config.model);
    TraceRecorder recorder(model->lanes(config.effectiveWorkers(), config.workload.tasks, config.modelOptions()));
    CancelToken cancel;
    EngineResult result;
    const std::unique_ptr<QThread> engine(
        QThread::create([&] { result = runEngine(config, *model, recorder, cancel, {}, &server); }));
    engine->start();
    QElapsedTimer timer;
    timer.start();
    while (!engine->wait(5)) {
        during();
        if (timer.elapsed() > timeoutMs) {
            cancel.cancel();
            engine->wait();
            return std::nullopt;
        }
    }
    return result;
}

// How many cores' worth of parallel speed the host gives plain threads right now (best of three): the same kernel
// on one thread, then split over `threads` threads. A shared VM sometimes gives two vCPUs one core's time; a scaling
// test that misses its goal consults this before blaming the model.
inline double hostParallelism(int threads)
{
    const auto iterations = std::int64_t(kernelIterationsPerMs() * 60);
    const auto timed = [&](int count) {
        QElapsedTimer timer;
        timer.start();
        std::vector<std::thread> pool;
        std::atomic<std::uint64_t> sink {0};
        for (int i = 0; i < count; ++i)
            pool.emplace_back([&, i] { sink += cpuKernel(std::uint64_t(i), iterations * threads / count); });
        for (auto& thread : pool)
            thread.join();
        return double(timer.nsecsElapsed());
    };
    double best = 0;
    for (int attempt = 0; attempt < 3; ++attempt)
        best = std::max(best, timed(1) / timed(threads));
    return best;
}

// Runs one configuration through the real controller, spinning an event loop like the GUI and CLI do.
inline RunResult runToCompletion(const RunConfig& config, int timeoutMs = 60'000)
{
    return runWhile(
        config, 0, [](RunController&) {}, timeoutMs)
        .value_or(RunResult {});
}

struct SeriesOutcome
{
    std::vector<RunResult> results;
    bool cancelled = false;
    bool finished = false; // false: the series did not end within the timeout
};

// Runs `configs` through one RunSeries, spinning an event loop as the GUI and CLI do.
inline SeriesOutcome runSeries(const std::vector<RunConfig>& configs, int timeoutMs = 120'000)
{
    RunSeries series;
    SeriesOutcome outcome;
    QEventLoop loop;
    QObject::connect(&series, &RunSeries::finished, [&](const std::vector<RunResult>& results, bool cancelled) {
        outcome = SeriesOutcome {results, cancelled, true};
        loop.quit();
    });
    QString error;
    if (!series.start(configs, &error)) {
        ADD_FAILURE() << "the series did not start: " << error.toStdString();
        return outcome;
    }
    QTimer timeout; // not QTimer::singleShot: see runWhile()
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(timeoutMs);
    loop.exec();
    EXPECT_TRUE(outcome.finished) << "series did not finish within " << timeoutMs << " ms";
    return outcome;
}

// Which way a speed-up test asserts: that a model scales (the highest of the attempts counts: a model that cannot
// scale never gets there) or that it does not (the lowest counts: a model that scales never gets down to it).
enum class Want
{
    Highest,
    Lowest
};

// Sequential and `config` back to back, as a ratio of wall times. The machine is shared: a neighbour's burst can eat
// a core for a second and inflate either run, so the figure is the best of up to `attempts` pairs in the direction
// the test asserts; it stops early once `bound` is passed that way. `inspect` sees each run of `config`.
inline double speedupOverAttempts(const RunConfig& config, Want want, double bound, int attempts = 3,
    const std::function<void(const RunResult&)>& inspect = {})
{
    RunConfig baseline = config;
    baseline.model = ModelKind::Sequential;
    baseline.gil = false;
    baseline.offload = OffloadKind::None;
    double best = want == Want::Highest ? 0 : 1e300;
    for (int attempt = 0; attempt < attempts; ++attempt) {
        const RunResult sequential = runToCompletion(baseline);
        const RunResult result = runToCompletion(config);
        EXPECT_TRUE(result.summary.error.isEmpty()) << result.summary.error.toStdString();
        EXPECT_EQ(sequential.summary.checksum, result.summary.checksum);
        if (inspect)
            inspect(result);
        const double speedup = sequential.summary.wallMs / result.summary.wallMs;
        std::printf("attempt %d: sequential %.1f ms, %s%s %.1f ms, speed-up %.2f\n", attempt + 1,
            sequential.summary.wallMs, qPrintable(modelKey(config.model)), config.gil ? " + GIL" : "",
            result.summary.wallMs, speedup);
        best = want == Want::Highest ? std::max(best, speedup) : std::min(best, speedup);
        if (want == Want::Highest ? best > bound : best <= bound)
            break;
    }
    return best;
}

inline double bestSpeedup(const RunConfig& config, double goal)
{
    return speedupOverAttempts(config, Want::Highest, goal);
}

} // namespace conlab::test
