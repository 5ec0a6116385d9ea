#pragma once

#include "run/runcontroller.h"
#include "workload/cpukernel.h"

#include <QElapsedTimer>
#include <QEventLoop>
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
