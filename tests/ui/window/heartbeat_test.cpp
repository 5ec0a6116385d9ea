#include "core/sampling/usablecores.h"
#include "tests/ui/child.h"
#include "ui/plots/coreutilisationplot.h"
#include "ui/plots/timelineplot.h"
#include "ui/window/heartbeat.h"
#include "ui/window/mainwindow.h"
#include "ui/window/runsession.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <cstdio>
#include <gtest/gtest.h>
#include <optional>

using namespace conlab;

namespace {

// Runs the event loop for `ms` with nothing else to do: no sleeping in between, which would itself be latency.
void spinFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

void busyFor(int ms)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < ms) { }
}

} // namespace

TEST(HeartbeatTiming, BeatsAboutEveryTenMillisecondsOnAnIdleLoop)
{
    Heartbeat heartbeat;
    heartbeat.start();
    EXPECT_TRUE(heartbeat.isActive());
    spinFor(600);
    heartbeat.stop();
    const LatencyStats stats = heartbeat.stats();
    std::printf(
        "idle: %d beats, p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", stats.count, stats.p50, stats.p99, stats.max);
    EXPECT_GE(stats.count, 30); // 60 on time; a loaded machine may drop some
    EXPECT_LE(stats.count, 61);
    EXPECT_LT(stats.p50, 5.0);
}

TEST(Heartbeat, MeasuresHowLongTheThreadWasBlocked)
{
    Heartbeat heartbeat;
    heartbeat.start();
    QTimer::singleShot(100, [] { busyFor(150); });
    spinFor(400);
    heartbeat.stop();
    const LatencyStats stats = heartbeat.stats();
    EXPECT_GE(stats.max, 130.0);
    EXPECT_LT(stats.max, 1000.0);
}

TEST(Heartbeat, CollectsNothingWhileStoppedAndStartsAfresh)
{
    Heartbeat heartbeat;
    heartbeat.start();
    spinFor(100);
    heartbeat.stop();
    const auto count = heartbeat.samplesMs().size();
    EXPECT_GT(count, 0u);
    spinFor(100);
    EXPECT_EQ(heartbeat.samplesMs().size(), count);
    heartbeat.start();
    EXPECT_TRUE(heartbeat.samplesMs().empty());
    EXPECT_EQ(heartbeat.recentStats().count, 0);
    heartbeat.stop();
}

TEST(HeartbeatTiming, RecentStatsCoverTheLastSecond)
{
    Heartbeat heartbeat;
    heartbeat.start();
    QTimer::singleShot(50, [] { busyFor(120); });
    spinFor(1500);
    heartbeat.stop();
    EXPECT_GE(heartbeat.stats().max, 100.0);
    EXPECT_LE(heartbeat.recentStats().count, Heartbeat::recentCount);
    EXPECT_LT(heartbeat.recentStats().max, 100.0) << "the block was more than a second ago";
}

// The product's promise: the window never freezes, even while every core is at 100 %. The whole window runs, plots
// and all, with as many CPU-bound workers as cores for about two seconds.
class WindowLatencyUnderLoadTiming : public ::testing::TestWithParam<int>
{
};

TEST_P(WindowLatencyUnderLoadTiming, StaysUnderFiftyMillisecondsAtP99)
{
    const int cores = usableCores();
    MainWindow window;
    window.show();
    RunConfig config = window.currentConfig();
    config.workload.kind = WorkloadKind::Cpu;
    config.workers = cores;
    config.workload.tasks = 4 * cores;
    config.workload.cpuMs = 500; // four rounds of 500 ms on every core: 2 s
    window.setRunConfig(config);

    std::optional<RunResult> result;
    QEventLoop loop;
    QObject::connect(&window, &MainWindow::runFinished, &loop, [&](const RunResult& r) {
        result = r;
        loop.quit();
    });
    QTimer::singleShot(120'000, &loop, &QEventLoop::quit);
    test::child<ModelPicker>(window, "modelPicker")->choose(GetParam());
    loop.exec();

    ASSERT_TRUE(result.has_value());
    const RunSummary& summary = result->summary;
    ASSERT_FALSE(summary.cancelled);
    ASSERT_TRUE(summary.uiLatencyMs.has_value());
    const LatencyStats& ui = *summary.uiLatencyMs;
    std::printf("%s, %d workers on %d cores, wall %.0f ms, CPU %.0f ms: UI latency p50 %.2f, p99 %.2f, max %.2f ms "
                "(%d beats)\n",
        qPrintable(modelKey(summary.config.model)), config.workers, cores, summary.wallMs, summary.cpuMs, ui.p50,
        ui.p99, ui.max, ui.count);
    EXPECT_GT(ui.count, int(summary.wallMs / Heartbeat::intervalMs / 2));
    EXPECT_LT(ui.p99, 50.0);
    EXPECT_GT(test::child<TimelinePlot>(window, "timeline")->data().segmentCount(), 0u);
}

// 1: processes, 2: threads (picker button order).
INSTANTIATE_TEST_SUITE_P(CpuBound, WindowLatencyUnderLoadTiming, ::testing::Values(1, 2),
    [](const ::testing::TestParamInfo<int>& instance) { return instance.param == 1 ? "Processes" : "Threads"; });
