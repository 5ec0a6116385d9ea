#pragma once

#include "run/processstats.h"
#include "run/runcontroller.h"
#include "run/runseries.h"
#include "workload/cpukernel.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <functional>
#include <gtest/gtest.h>
#include <optional>
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

// Thread and descriptor counts settle a moment after a run: Qt reaps finished threads asynchronously.
inline bool settlesTo(int threads, int fds)
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        if (processstats::threadCount() <= threads && processstats::openFdCount() <= fds)
            return true;
        QThread::msleep(20);
    }
    return false;
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
    QString error;
    EXPECT_TRUE(controller.start(config, &error)) << error.toStdString();
    QTimer::singleShot(afterMs, &loop, [&] { during(controller); });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    EXPECT_TRUE(result.has_value()) << "run did not finish within " << timeoutMs << " ms";
    EXPECT_FALSE(controller.isRunning());
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
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    EXPECT_TRUE(outcome.finished) << "series did not finish within " << timeoutMs << " ms";
    return outcome;
}

// Sequential and `config` back to back, as a ratio of wall times. The machine is shared: a neighbour's burst can
// eat a core for a second, so the best of three attempts is the figure (a model that cannot scale never gets there).
// Stops early once `goal` is beaten.
inline double bestSpeedup(const RunConfig& config, double goal)
{
    RunConfig baseline = config;
    baseline.model = ModelKind::Sequential;
    double best = 0;
    for (int attempt = 0; attempt < 3; ++attempt) {
        const RunResult sequential = runToCompletion(baseline);
        const RunResult result = runToCompletion(config);
        EXPECT_EQ(sequential.summary.checksum, result.summary.checksum);
        const double speedup = sequential.summary.wallMs / result.summary.wallMs;
        std::printf("attempt %d: sequential %.1f ms, %s %.1f ms, speed-up %.2f\n", attempt + 1,
            sequential.summary.wallMs, qPrintable(modelKey(config.model)), result.summary.wallMs, speedup);
        best = std::max(best, speedup);
        if (best > goal)
            break;
    }
    return best;
}

} // namespace conlab::test
