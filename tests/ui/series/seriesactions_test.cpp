#include "core/run/seriesrunner.h"
#include "tests/ui/child.h"
#include "tests/ui/spinuntil.h"
#include "ui/compare/compareview.h"
#include "ui/series/seriesactions.h"
#include "ui/series/seriesprogress.h"
#include "ui/sweep/sweepview.h"
#include "ui/window/mainwindow.h"
#include "ui/window/presentermode.h"
#include "ui/window/runsession.h"
#include "ui/window/shortcutshelp.h"

#include <QAction>
#include <QSettings>
#include <QSpinBox>
#include <QTest>
#include <algorithm>
#include <gtest/gtest.h>
#include <qcustomplot.h>

using namespace conlab;
using conlab::test::spinUntil;

namespace {

RunConfig windowConfig(MainWindow& window, ModelKind model, bool gil = false)
{
    RunConfig config = window.currentConfig();
    config.model = model;
    config.gil = gil;
    config.workload.kind = WorkloadKind::Cpu;
    config.workload.tasks = 4;
    config.workload.cpuMs = 300;
    config.workers = 2;
    return config;
}

} // namespace

TEST(SeriesActions, SweepIsDisabledWithAReasonWhereNoWorkersVary)
{
    MainWindow window;
    SeriesActions& actions = *test::child<SeriesActions>(window, "seriesActions");
    window.setRunConfig(windowConfig(window, ModelKind::Sequential));
    actions.update();
    EXPECT_FALSE(actions.sweepAction()->isEnabled());
    EXPECT_TRUE(actions.sweepAction()->toolTip().contains(QStringLiteral("no workers to vary")))
        << actions.sweepAction()->toolTip().toStdString();
    RunConfig convoy = windowConfig(window, ModelKind::Threads);
    convoy.workload.kind = WorkloadKind::Convoy;
    window.setRunConfig(convoy);
    actions.update();
    EXPECT_FALSE(actions.sweepAction()->isEnabled());
    EXPECT_TRUE(actions.sweepAction()->toolTip().contains(QStringLiteral("nothing to sweep")));
    // The event loop's workers are the tasks it lets run at once: worth sweeping for waits.
    window.setRunConfig(windowConfig(window, ModelKind::EventLoop));
    actions.update();
    EXPECT_TRUE(actions.sweepAction()->isEnabled());
    window.setRunConfig(windowConfig(window, ModelKind::Threads, true));
    actions.update();
    EXPECT_TRUE(actions.sweepAction()->isEnabled());
    EXPECT_TRUE(actions.sweepAction()->toolTip().contains(QStringLiteral("1 to 4 workers")))
        << actions.sweepAction()->toolTip().toStdString();
    EXPECT_TRUE(actions.compareAction()->isEnabled());
}

TEST(SeriesActions, TheShortcutsHelpListsCompareAndSweep)
{
    MainWindow window;
    QStringList lines;
    for (const ShortcutEntry& entry : windowShortcuts(&window)) {
        for (const QKeySequence& key : entry.keys)
            lines << entry.text + QLatin1Char('=') + key.toString();
    }
    EXPECT_TRUE(lines.contains(QStringLiteral("Compare all models=Ctrl+M")))
        << lines.join(QLatin1Char(' ')).toStdString();
    EXPECT_TRUE(lines.contains(QStringLiteral("Scaling sweep=Ctrl+Shift+M")))
        << lines.join(QLatin1Char(' ')).toStdString();
}

// Ctrl+M in the window: the run going stops first, then every model runs in the compare view; a run started in the
// window afterwards ends the series.
TEST(SeriesActions, CtrlMStopsTheWindowsRunThenComparesAndARunInTheWindowCancelsIt)
{
    MainWindow window;
    window.setRunConfig(windowConfig(window, ModelKind::Threads));
    window.show();
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    window.runCurrent();
    ASSERT_TRUE(spinUntil([&] { return window.session().isRunning(); }));

    QTest::keyClick(&window, Qt::Key_M, Qt::ControlModifier);
    CompareView* view = test::child<CompareView>(window, "compareView");
    ASSERT_NE(view, nullptr);
    EXPECT_TRUE(view->isVisible());
    ASSERT_TRUE(spinUntil([&] { return view->isRunning(); }, 5'000));
    EXPECT_FALSE(window.session().isRunning());
    EXPECT_EQ(view->stepCount(), 5);

    window.runCurrent();
    ASSERT_TRUE(spinUntil([&] { return view->isOver(); }, 5'000));
    EXPECT_TRUE(view->runner().wasCancelled());
    window.stopRun();
    ASSERT_TRUE(spinUntil([&] { return !window.session().isRunning(); }, 5'000));
}

// One run at a time on the machine: the sweep waits for the compare it ends. The views follow presenter mode.
TEST(SeriesActions, ASweepAskedForDuringACompareStartsOnceTheCompareHasStopped)
{
    MainWindow window;
    window.setRunConfig(windowConfig(window, ModelKind::Threads));
    SeriesActions& actions = *test::child<SeriesActions>(window, "seriesActions");
    actions.compareAll();
    CompareView* compare = test::child<CompareView>(window, "compareView");
    ASSERT_NE(compare, nullptr);
    ASSERT_TRUE(compare->isRunning());

    actions.sweep();
    SweepView* sweep = test::child<SweepView>(window, "sweepView");
    ASSERT_NE(sweep, nullptr);
    EXPECT_FALSE(sweep->isRunning()) << "not while the compare's run is still stopping";
    ASSERT_TRUE(spinUntil([&] { return sweep->isRunning(); }, 5'000));
    EXPECT_TRUE(compare->isOver());
    EXPECT_TRUE(compare->runner().wasCancelled());

    window.presenterMode().setOn(true);
    EXPECT_EQ(compare->theme(), PresentationTheme::presenter());
    EXPECT_EQ(sweep->theme(), PresentationTheme::presenter());
    window.presenterMode().setOn(false);
    EXPECT_EQ(sweep->theme(), PresentationTheme::desk());

    sweep->close(); // closing the window cancels its series
    ASSERT_TRUE(spinUntil([&] { return sweep->isOver(); }, 5'000));
    EXPECT_TRUE(sweep->runner().wasCancelled());
}

// Each point of a sweep run three times (the window's default): the progress row counts the runs, the plot draws each
// point's median with whiskers from its slowest to its fastest run, and the fit goes through the medians.
TEST(SeriesActions, ASweepRepeatedThreeTimesDrawsTheMedianWithMinMaxWhiskers)
{
    QSettings().remove(QStringLiteral("seriesRepeat"));
    MainWindow window;
    QSpinBox* repeat = test::child<QSpinBox>(window, "repeatEachPoint");
    EXPECT_EQ(repeat->value(), 3) << "three by default in the window";
    repeat->setValue(3);
    RunConfig config = windowConfig(window, ModelKind::Threads);
    config.workload.cpuMs = 40; // a tiny sweep: 5 points x 3 runs
    window.setRunConfig(config);
    SeriesActions& actions = *test::child<SeriesActions>(window, "seriesActions");
    actions.update();
    actions.sweepAction()->trigger();
    SweepView* sweep = test::child<SweepView>(window, "sweepView");
    const SeriesProgress* progress = test::child<SeriesProgress>(*sweep, "seriesProgress");
    EXPECT_TRUE(spinUntil([&] { return progress->text().contains(QStringLiteral(", run 2 of 3: ")); }, 20'000))
        << progress->text().toStdString();
    ASSERT_TRUE(spinUntil([&] { return sweep->isOver(); }, 60'000));
    ASSERT_FALSE(sweep->runner().wasCancelled());

    const QCPErrorBars* whiskers = test::child<QCPErrorBars>(*sweep, "speedupWhiskers");
    const std::vector<ScalingPoint> medians = sweep->points();
    ASSERT_EQ(whiskers->dataCount(), int(medians.size()));
    ASSERT_EQ(medians.size(), sweep->plan().workerCounts.size());
    bool anySpread = false;
    for (int i = 0; i < whiskers->dataCount(); ++i) {
        const RunSummary& run = sweep->result(i + 1)->summary;
        ASSERT_EQ(run.repeatWallsMs.size(), 3u) << i;
        const double median = whiskers->dataPlottable()->interface1D()->dataMainValue(i);
        EXPECT_DOUBLE_EQ(median, medians[std::size_t(i)].speedup);
        const double min = median - whiskers->data()->at(i).errorMinus;
        const double max = median + whiskers->data()->at(i).errorPlus;
        EXPECT_GT(min, 0.0) << i;
        EXPECT_LE(min, median) << i;
        EXPECT_LE(median, max) << i;
        // The whiskers are the slowest and fastest of the three runs against the baseline's median.
        const double baseline = sweep->result(0)->summary.wallMs;
        const auto [fastest, slowest] = std::minmax_element(run.repeatWallsMs.begin(), run.repeatWallsMs.end());
        EXPECT_NEAR(min, baseline / *slowest, 1e-9) << i;
        EXPECT_NEAR(max, baseline / *fastest, 1e-9) << i;
        anySpread = anySpread || max > min;
    }
    EXPECT_TRUE(anySpread) << "three timed runs never take exactly the same time";
    EXPECT_TRUE(sweep->figure().caption.join(QLatin1Char(' ')).contains(QStringLiteral("median of 3 runs each")));
}
