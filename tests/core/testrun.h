#pragma once

#include "core/models/modelfactory.h"
#include "core/run/canceltoken.h"
#include "core/run/engine.h"
#include "core/run/processstats.h"
#include "core/run/runcontroller.h"
#include "core/run/seriesrunner.h"
#include "core/run/threadpriority.h"
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

// Runs `configs` through one SeriesRunner, spinning an event loop as the GUI and CLI do.
inline SeriesOutcome runSeries(const std::vector<RunConfig>& configs, int timeoutMs = 120'000)
{
    SeriesRunner series;
    SeriesOutcome outcome;
    QEventLoop loop;
    QObject::connect(&series, &SeriesRunner::finished, [&](const std::vector<RunResult>& results, bool cancelled) {
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

// What a speed-up divides by: the run's whole wall time, or the part after its workers started (for a claim about
// waiting, where the processes model's start-up, CPU work of its own, is not what is measured).
enum class Wall
{
    Whole,
    AfterStartUp
};

// What a speed-up is measured against: the same workload, one task after another, without a GIL or offloading.
inline RunConfig sequentialBaseline(RunConfig config)
{
    config.model = ModelKind::Sequential;
    config.gil = false;
    config.offload = OffloadKind::None;
    return config;
}

// Sequential and `config` back to back, as a ratio of wall times. The machine is shared: a neighbour's burst can eat
// a core for a second and inflate either run, so the figure is the best of up to `attempts` pairs in the direction
// the test asserts; it stops early once `bound` is passed that way. `inspect` sees each run of `config`.
inline double speedupOverAttempts(const RunConfig& config, Want want, double bound, int attempts = 3,
    const std::function<void(const RunResult&)>& inspect = {}, Wall wall = Wall::Whole)
{
    const RunConfig baseline = sequentialBaseline(config);
    double best = want == Want::Highest ? 0 : 1e300;
    for (int attempt = 0; attempt < attempts; ++attempt) {
        const RunResult sequential = runToCompletion(baseline);
        const RunResult result = runToCompletion(config);
        EXPECT_TRUE(result.summary.error.isEmpty()) << result.summary.error.toStdString();
        EXPECT_EQ(sequential.summary.checksum, result.summary.checksum);
        if (inspect)
            inspect(result);
        const double wallMs = result.summary.wallMs - (wall == Wall::AfterStartUp ? result.summary.startupMs : 0.0);
        const double speedup = sequential.summary.wallMs / wallMs;
        std::printf("attempt %d: sequential %.1f ms, %s%s %.1f ms%s, speed-up %.2f\n", attempt + 1,
            sequential.summary.wallMs, qPrintable(modelKey(config.model)), config.gil ? " + GIL" : "", wallMs,
            wall == Wall::AfterStartUp ? " after start-up" : "", speedup);
        best = want == Want::Highest ? std::max(best, speedup) : std::min(best, speedup);
        if (want == Want::Highest ? best > bound : best <= bound)
            break;
    }
    return best;
}

inline double bestSpeedup(const RunConfig& config, double goal, Wall wall = Wall::Whole)
{
    return speedupOverAttempts(config, Want::Highest, goal, 3, {}, wall);
}

// How many cores' worth of parallel speed the host gives plain threads right now, at the priority the engine gives
// its workers (nice 10: lowerCurrentThreadPriority, which the threads a thread starts inherit): `ms` of the kernel on
// one thread, then the same split over `threads` threads.
inline double hostParallelismAtWorkerPriority(int threads, double ms)
{
    const auto iterations = std::int64_t(kernelIterationsPerMs() * ms);
    double ratio = 0;
    std::thread probe([&] {
        lowerCurrentThreadPriority();
        const auto timed = [&](int count) {
            QElapsedTimer timer;
            timer.start();
            std::vector<std::thread> pool;
            std::atomic<std::uint64_t> sink {0};
            for (int i = 0; i < count; ++i)
                pool.emplace_back([&, i] { sink += cpuKernel(std::uint64_t(i), iterations / count); });
            for (auto& thread : pool)
                thread.join();
            return double(timer.nsecsElapsed());
        };
        ratio = timed(1) / timed(threads);
    });
    probe.join();
    return ratio;
}

// Whether a CPU-bound model scales as far as the host lets it. Each attempt measures the model's speed-up over
// sequential and, right after it, the speed-up the host gives plain threads at the workers' priority on the same
// amount of work (the probe). A model that scales gets most of what the probe got (`share`); one that runs its tasks
// one at a time gets 1x whatever the probe found. An attempt counts only when the probe found real parallelism
// (`minProbe`: beside a serial model's 1x, well under `share` of it): on a host that gives the probe one core's speed,
// a scaling model and a serial one look the same, and that is not a pass either. The shared machine's bursts change
// the host between attempts, so the first attempt that counts and passes settles it (up to `attempts`).
inline ::testing::AssertionResult scalesAsTheHostAllows(
    const RunConfig& config, double share = 0.75, double minProbe = 0, int attempts = 5, Wall wall = Wall::Whole)
{
    const int threads = config.effectiveWorkers();
    if (minProbe <= 0)
        minProbe = 1.0 + 0.5 * (threads - 1);
    const RunConfig baseline = sequentialBaseline(config);
    const double workMs = config.workload.cpuMs * config.workload.tasks;
    std::string log;
    double bestProbe = 0;
    for (int attempt = 1; attempt <= attempts; ++attempt) {
        const RunResult sequential = runToCompletion(baseline);
        const RunResult result = runToCompletion(config);
        if (!result.summary.error.isEmpty())
            return ::testing::AssertionFailure() << "the run failed: " << result.summary.error.toStdString();
        if (result.summary.checksum != sequential.summary.checksum)
            return ::testing::AssertionFailure() << "checksum differs from sequential";
        const double wallMs = result.summary.wallMs - (wall == Wall::AfterStartUp ? result.summary.startupMs : 0.0);
        const double model = sequential.summary.wallMs / wallMs;
        const double probe = hostParallelismAtWorkerPriority(threads, workMs);
        char line[200];
        std::snprintf(line, sizeof line,
            "attempt %d: %s %.2fx over sequential (%.1f ms / %.1f ms%s), plain threads at nice 10 %.2fx on %d\n",
            attempt, qPrintable(modelKey(config.model)), model, sequential.summary.wallMs, wallMs,
            wall == Wall::AfterStartUp ? " after start-up" : "", probe, threads);
        std::fputs(line, stdout);
        log += line;
        if (probe >= minProbe && model >= share * probe)
            return ::testing::AssertionSuccess();
        bestProbe = std::max(bestProbe, probe);
    }
    if (bestProbe < minProbe)
        return ::testing::AssertionFailure()
            << "the host never gave plain threads at nice 10 " << minProbe << "x (at best " << bestProbe
            << "x): a scaling model cannot be told from a serial one on a host this busy, so nothing was shown\n"
            << log;
    return ::testing::AssertionFailure() << "the model stayed under " << share
                                         << " of the speed-up the host gave plain threads beside it:\n"
                                         << log;
}

} // namespace conlab::test
