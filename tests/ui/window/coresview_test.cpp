#include "core/sampling/usablecores.h"
#include "tests/ui/child.h"
#include "tests/ui/spinuntil.h"
#include "ui/compare/compareview.h"
#include "ui/plots/timelineplot.h"
#include "ui/series/seriesactions.h"
#include "ui/window/mainwindow.h"
#include "ui/window/runsession.h"

#include <QAction>
#include <QMenu>
#include <gtest/gtest.h>

using namespace conlab;
using conlab::test::spinUntil;

namespace {

TimelinePlot* timelineOf(const MainWindow& window)
{
    return test::child<TimelinePlot>(window, "timeline");
}

// How many running segments each core lane of the shown Cores view holds.
std::vector<std::size_t> runningPerCore(const TimelinePlot& plot)
{
    std::vector<std::size_t> counts;
    const TimelineData& cores = plot.shownData();
    for (int row = 0; row < cores.laneCount(); ++row)
        counts.push_back(cores.lane(row).size());
    return counts;
}

// Runs `model` with two CPU-bound tasks on two workers in the Cores view; the lanes as the run left them. The run is
// 4 tasks of 120 ms so that it is still going when the first segments are drawn.
void expectBothCoresRan(ModelKind model)
{
    if (affinityCores() < 2)
        GTEST_SKIP() << "needs two usable cores, this process may use " << affinityCores();
    MainWindow window;
    RunConfig config = window.currentConfig();
    config.model = model;
    config.gil = false;
    config.workload.kind = WorkloadKind::Cpu;
    config.workload.tasks = 4;
    config.workload.cpuMs = 120;
    config.workers = 2;
    window.setRunConfig(config);
    std::vector<RunResult> finished;
    QObject::connect(&window, &MainWindow::runFinished, [&](const RunResult& r) { finished.push_back(r); });
    window.show();
    window.setCoresView(true);
    window.runCurrent();
    TimelinePlot* plot = timelineOf(window);
    // Live: the core lanes fill as the batches come, before the run has ended.
    ASSERT_TRUE(spinUntil([&] { return !finished.empty() || plot->shownData().segmentCount() > 0; }, 20'000));
    EXPECT_TRUE(finished.empty()) << "the first tasks' segments reach the core lanes while the run goes on";
    ASSERT_TRUE(spinUntil([&] { return !finished.empty(); }, 20'000));
    ASSERT_TRUE(finished[0].summary.error.isEmpty()) << finished[0].summary.error.toStdString();
    EXPECT_TRUE(plot->coresView());
    const std::vector<std::size_t> counts = runningPerCore(*plot);
    ASSERT_EQ(int(counts.size()), affinityCores());
    int busy = 0;
    for (std::size_t count : counts)
        busy += count > 0;
    EXPECT_GE(busy, 2) << "two CPU-bound workers on two cores: both cores ran one";
    ASSERT_TRUE(finished[0].summary.migrations.has_value());
}

} // namespace

// C (View > Cores view) switches the timeline to a lane per core, the cores this process may use, and back.
TEST(CoresView, CShowsALanePerCoreAndBack)
{
    MainWindow window;
    QAction* action = test::child<QAction>(window, "coresViewAction");
    EXPECT_EQ(action->shortcut(), QKeySequence(Qt::Key_C));
    EXPECT_TRUE(action->isCheckable());
    EXPECT_FALSE(action->isChecked());
    bool inViewMenu = false;
    for (QObject* object : action->associatedObjects()) {
        if (const auto* menu = qobject_cast<QMenu*>(object))
            inViewMenu = inViewMenu || menu->title() == QStringLiteral("&View");
    }
    EXPECT_TRUE(inViewMenu);

    TimelinePlot* plot = timelineOf(window);
    const int lanes = plot->shownData().laneCount();
    action->trigger();
    EXPECT_TRUE(plot->coresView());
    EXPECT_EQ(plot->shownData().laneCount(), affinityCores());
    EXPECT_EQ(plot->shownData().lanes().front().name, QStringLiteral("core %1").arg(affinityCpus().front()));
    action->trigger();
    EXPECT_FALSE(plot->coresView());
    EXPECT_EQ(plot->shownData().laneCount(), lanes);
}

// Both core lanes fill only when the scheduler gives the run both cores: a busy neighbour on one core puts both workers
// on the other. Hence a Timing suite, which a loaded machine may retry.
TEST(CoresViewTiming, TwoThreadsOnTwoCoresRunOnBothCoreLanes)
{
    expectBothCoresRan(ModelKind::Threads);
}

TEST(CoresViewTiming, TwoWorkerProcessesOnTwoCoresRunOnBothCoreLanes)
{
    expectBothCoresRan(ModelKind::Processes);
}

// Compare's timelines follow the window's Cores view, which a user switched to see the cores of every run.
TEST(CoresView, CompareTimelinesFollowTheWindowsView)
{
    MainWindow window;
    window.setCoresView(true);
    SeriesActions& actions = *test::child<SeriesActions>(window, "seriesActions");
    actions.compareAll();
    CompareView* compare = test::child<CompareView>(window, "compareView");
    EXPECT_TRUE(compare->actions().contains(test::child<QAction>(window, "coresViewAction")))
        << "C works in Compare's window too";
    TimelinePlot* first = test::child<TimelinePlot>(*compare, "compareTimeline1");
    EXPECT_TRUE(first->coresView());
    window.setCoresView(false);
    EXPECT_FALSE(first->coresView());
    EXPECT_FALSE(test::child<TimelinePlot>(*compare, "compareTimeline2")->coresView());
    compare->cancel();
    ASSERT_TRUE(spinUntil([&] { return compare->isOver(); }, 10'000));
}
