#include "core/analysis/compareplan.h"
#include "core/run/seriesrunner.h"
#include "core/trace/trace.h"
#include "tests/core/python/pythonrun.h"
#include "tests/ui/child.h"
#include "tests/ui/series/seriestestsupport.h"
#include "tests/ui/spinuntil.h"
#include "ui/compare/comparebarchart.h"
#include "ui/compare/compareview.h"
#include "ui/compare/timelinestack.h"
#include "ui/export/figure.h"
#include "ui/export/pictureactions.h"
#include "ui/plots/timelineplot.h"
#include "ui/series/seriesprogress.h"

#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QProgressBar>
#include <gtest/gtest.h>

using namespace conlab;
using conlab::test::spinUntil;

namespace {

int threadCount()
{
    return int(QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
}

// The first three steps of compare-all as finished runs, each faster than the one before.
std::vector<RunResult> threeFinishedSteps(const std::vector<RunConfig>& configs)
{
    std::vector<RunResult> results(3);
    for (std::size_t i = 0; i < results.size(); ++i) {
        results[i].summary.config = configs[i];
        results[i].summary.wallMs = 400.0 / double(i + 1);
        results[i].summary.cores = 2;
        results[i].trace = std::make_shared<Trace>();
    }
    return results;
}

} // namespace

TEST(CompareView, ComparesEveryModelOnceOnOneSharedTimeScale)
{
    CompareView view;
    view.resize(900, 900);
    view.show();
    const std::vector<RunConfig> configs = compareConfigs(test::tinyWorkload());
    ASSERT_TRUE(view.run(configs));
    ASSERT_TRUE(spinUntil([&] { return view.isOver(); }));

    ASSERT_EQ(view.stepCount(), 5);
    EXPECT_EQ(view.runner().results().size(), 5u);
    double slowest = 0;
    for (int i = 0; i < 5; ++i) {
        ASSERT_TRUE(view.result(i).has_value()) << i;
        EXPECT_TRUE(view.result(i)->summary.error.isEmpty()) << view.result(i)->summary.error.toStdString();
        EXPECT_EQ(view.result(i)->summary.config.model, configs[std::size_t(i)].model);
        slowest = std::max(slowest, view.result(i)->summary.wallMs / 1000.0);
    }
    EXPECT_EQ(test::child<CompareBarChart>(view, "compareBars")->barCount(), 5);
    const QStringList notes = test::child<CompareBarChart>(view, "compareBars")->notes();
    ASSERT_EQ(notes.size(), 5);
    EXPECT_TRUE(notes[0].contains(QStringLiteral("baseline"))) << notes[0].toStdString();
    for (int i = 1; i < 5; ++i)
        EXPECT_TRUE(notes[i].contains(QStringLiteral("×"))) << notes[i].toStdString();

    ASSERT_EQ(test::child<TimelineStack>(view, "compareTimelines")->count(), 5);
    // From 0 to the slowest run's end: its wall time, or its last segment when that ends later (a worker's last
    // report), with the small margin a single run's fit has.
    double lastEnd = slowest;
    for (int i = 0; i < 5; ++i)
        lastEnd = std::max(lastEnd,
            test::child<TimelineStack>(view, "compareTimelines")->plot(i)->dataSpan().value_or(TimeRange {}).end);
    const QCPRange first = test::child<TimelineStack>(view, "compareTimelines")->plot(0)->xAxis->range();
    EXPECT_DOUBLE_EQ(first.lower, 0.0);
    EXPECT_GE(first.upper, lastEnd);
    EXPECT_LT(first.upper, lastEnd * 1.05);
    for (int i = 0; i < 5; ++i) {
        const TimelinePlot* plot = test::child<TimelineStack>(view, "compareTimelines")->plot(i);
        EXPECT_EQ(plot->xAxis->range(), first) << i;
        ASSERT_GT(plot->data().laneCount(), 0) << i;
        EXPECT_FALSE(plot->data().lane(0).empty()) << i;
        // One legend for all, time labels only under the lowest.
        EXPECT_EQ(plot->legendShown(), i == 0) << i;
        EXPECT_EQ(plot->xAxis->tickLabels(), i == 4) << i;
        EXPECT_TRUE(plot->title().startsWith(view.stepLabel(i))) << plot->title().toStdString();
    }
    EXPECT_TRUE(test::child<SeriesProgress>(view, "seriesProgress")->text().contains(QStringLiteral("5 runs")))
        << test::child<SeriesProgress>(view, "seriesProgress")->text().toStdString();
    EXPECT_GT(test::distinctColours(test::screenshot(view, QStringLiteral("compare-view.png"))), 20);
}

TEST(CompareView, ExportsOnePictureOfBarsAndTimelines)
{
    CompareView view;
    view.show();
    ASSERT_TRUE(view.run(compareConfigs(test::tinyWorkload())));
    ASSERT_TRUE(spinUntil([&] { return view.isOver(); }));
    ASSERT_TRUE(view.pictures().exportAction()->isEnabled());

    const Figure figure = view.figure();
    ASSERT_EQ(figure.panels.size(), 6u); // the bars and five timelines
    ASSERT_EQ(figure.caption.size(), 2);
    EXPECT_TRUE(figure.caption[0].contains(QStringLiteral("cpu"))) << figure.caption[0].toStdString();
    EXPECT_TRUE(figure.caption[1].contains(QStringLiteral("core"))) << figure.caption[1].toStdString();

    const QTemporaryDir dir;
    const QImage image = test::exportedPng(view, dir, QStringLiteral("compare.png"));
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), view.pictures().settings().size);
    EXPECT_GT(test::inkPixels(image), image.width() * image.height() / 20);
    EXPECT_GT(test::distinctColours(image), 20);
}

TEST(CompareViewTiming, CancelStopsWithinASecondAndLeavesNoThreadBehind)
{
    const int threadsBefore = threadCount();
    {
        CompareView view;
        view.show();
        RunConfig config = test::tinyWorkload();
        config.workload.tasks = 8;
        config.workload.cpuMs = 400;
        ASSERT_TRUE(view.run(compareConfigs(config)));
        // Into the second model (processes), a second after the start of its run.
        ASSERT_TRUE(spinUntil([&] { return view.runner().currentIndex() >= 1; }));
        spinUntil([] { return false; }, 300);
        ASSERT_TRUE(view.isRunning());
        // The running model's timeline fills in live, and the progress row names it.
        const int live = view.runner().currentIndex();
        ASSERT_GE(live, 1);
        EXPECT_GT(test::child<TimelineStack>(view, "compareTimelines")->plot(live)->data().laneCount(), 0);
        EXPECT_TRUE(test::child<SeriesProgress>(view, "seriesProgress")
                        ->text()
                        .startsWith(QStringLiteral("%1 of 5: %2").arg(live + 1).arg(view.stepLabel(live))))
            << test::child<SeriesProgress>(view, "seriesProgress")->text().toStdString();
        EXPECT_GT(test::distinctColours(test::screenshot(view, QStringLiteral("compare-live.png"))), 10);
        QElapsedTimer clock;
        clock.start();
        test::child<SeriesProgress>(view, "seriesProgress")->cancelAction()->trigger();
        ASSERT_TRUE(spinUntil([&] { return view.isOver(); }, 5'000));
        EXPECT_LT(clock.elapsed(), 1'000);

        EXPECT_TRUE(view.runner().wasCancelled());
        EXPECT_LT(view.runner().results().size(), 5u);
        EXPECT_FALSE(view.result(4).has_value());
        const QStringList notes = test::child<CompareBarChart>(view, "compareBars")->notes();
        EXPECT_TRUE(notes[4].contains(QStringLiteral("not run"))) << notes[4].toStdString();
        EXPECT_LT(test::child<CompareBarChart>(view, "compareBars")->barCount(), 5);
        EXPECT_TRUE(
            test::child<SeriesProgress>(view, "seriesProgress")->text().startsWith(QStringLiteral("Cancelled")));
    }
    // The engine's threads (and the view's picture writer) are joined, not left to die later.
    EXPECT_TRUE(spinUntil([&] { return threadCount() <= threadsBefore; }, 2'000))
        << threadCount() << " threads, " << threadsBefore << " before";
}

TEST(CompareView, FailedAndSkippedStepsAreLabelsNotZeroBars)
{
    const std::vector<RunConfig> configs = compareConfigs(test::tinyWorkload());
    std::vector<RunResult> results = threeFinishedSteps(configs);
    results[1].summary.error = QStringLiteral("worker 1 exited");
    results[2].summary.cancelled = true;
    CompareView view;
    view.showResults(configs, results);

    EXPECT_EQ(test::child<CompareBarChart>(view, "compareBars")->barCount(), 1);
    const QStringList notes = test::child<CompareBarChart>(view, "compareBars")->notes();
    ASSERT_EQ(notes.size(), 5);
    EXPECT_TRUE(notes[0].contains(QStringLiteral("baseline")));
    EXPECT_EQ(notes[1], QStringLiteral("failed: worker 1 exited"));
    EXPECT_TRUE(notes[2].startsWith(QStringLiteral("stopped after")));
    EXPECT_EQ(notes[3], QStringLiteral("not run (cancelled)"));
    EXPECT_EQ(notes[4], QStringLiteral("not run (cancelled)"));
}

// A run beside other programs' load is marked where it is compared: its bar hatched, its note saying how much of the
// machine they took. At 10 % or under, nothing is said.
TEST(CompareView, MarksTheRunsOtherProgramsLoaded)
{
    const std::vector<RunConfig> configs = compareConfigs(test::tinyWorkload());
    std::vector<RunResult> results = threeFinishedSteps(configs);
    for (RunResult& result : results)
        result.summary.otherLoadPercent = 4.0;
    results[2].summary.otherLoadPercent = 37.0;
    CompareView view;
    view.showResults(configs, results);

    const auto* hatching
        = test::child<CompareBarChart>(view, "compareBars")->findChild<QCPBars*>(QStringLiteral("otherLoadBars"));
    ASSERT_TRUE(hatching);
    ASSERT_EQ(hatching->dataCount(), 1);
    EXPECT_DOUBLE_EQ(hatching->data()->at(0)->key, 3.0) << "the third bar";
    EXPECT_EQ(hatching->brush().style(), Qt::BDiagPattern);
    const QStringList notes = test::child<CompareBarChart>(view, "compareBars")->notes();
    EXPECT_TRUE(notes[2].contains(QStringLiteral("other programs took 37 % of the machine"))) << notes[2].toStdString();
    EXPECT_FALSE(notes[1].contains(QStringLiteral("other programs")));
}

// Each model run several times: its bar is the median run's time, with whiskers from its fastest to its slowest run,
// the baseline's grey bar its own; its note gives the range, and the speed-up's range against the baseline's median.
TEST(CompareView, DrawsEachRepeatedModelsMedianWithMinMaxWhiskers)
{
    const std::vector<RunConfig> configs = compareConfigs(test::tinyWorkload());
    ASSERT_EQ(configs.front().model, ModelKind::Sequential);
    std::vector<RunResult> results = threeFinishedSteps(configs); // 400, 200 and 133 ms
    results[0].summary.repeatWallsMs = {450, 380, 400};
    results[1].summary.repeatWallsMs = {170, 260, 200};
    // The third ran once: a whisker of no length.
    CompareView view;
    view.showResults(configs, results);

    const auto& chart = *test::child<CompareBarChart>(view, "compareBars");
    const QCPErrorBars* baseline = test::child<QCPErrorBars>(chart, "compareBaselineWhiskers");
    ASSERT_EQ(baseline->dataCount(), 1);
    EXPECT_DOUBLE_EQ(baseline->dataPlottable()->interface1D()->dataMainKey(0), 1.0) << "the first bar";
    EXPECT_DOUBLE_EQ(baseline->dataPlottable()->interface1D()->dataMainValue(0), 0.400);
    EXPECT_NEAR(baseline->data()->at(0).errorMinus, 0.400 - 0.380, 1e-12);
    EXPECT_NEAR(baseline->data()->at(0).errorPlus, 0.450 - 0.400, 1e-12);

    const QCPErrorBars* whiskers = test::child<QCPErrorBars>(chart, "compareWhiskers");
    ASSERT_EQ(whiskers->dataCount(), 2);
    const QCPPlottableInterface1D* bars = whiskers->dataPlottable()->interface1D();
    EXPECT_DOUBLE_EQ(bars->dataMainKey(0), 2.0);
    EXPECT_DOUBLE_EQ(bars->dataMainValue(0), 0.200) << "the median run's time, not the mean's";
    EXPECT_NEAR(bars->dataMainValue(0) - whiskers->data()->at(0).errorMinus, 0.170, 1e-12);
    EXPECT_NEAR(bars->dataMainValue(0) + whiskers->data()->at(0).errorPlus, 0.260, 1e-12);
    EXPECT_DOUBLE_EQ(bars->dataMainKey(1), 3.0);
    EXPECT_DOUBLE_EQ(whiskers->data()->at(1).errorMinus, 0.0);
    EXPECT_DOUBLE_EQ(whiskers->data()->at(1).errorPlus, 0.0);
    // Drawn on the bars' axes: a whisker is where its bar ends.
    EXPECT_EQ(whiskers->keyAxis(), chart.yAxis);
    EXPECT_EQ(whiskers->valueAxis(), chart.xAxis);

    const QStringList notes = chart.notes();
    ASSERT_EQ(notes.size(), 5); // the last two not run
    EXPECT_TRUE(notes[1].contains(QStringLiteral("×2.00 (1.54–2.35)"))) << notes[1].toStdString();
    EXPECT_TRUE(notes[0].contains(QStringLiteral("baseline"))) << notes[0].toStdString();
}

// A compare run live with repeats: mid-series the progress row's bar is drawn filled to the runs done (not blank),
// and the row ends counting every run.
TEST(CompareView, ItsProgressBarFillsRunByRunWithRepeats)
{
    CompareView view;
    view.resize(900, 700);
    view.show();
    view.runner().setRepeat(2);
    QProgressBar* bar = test::child<QProgressBar>(view, "seriesProgressBar");
    const std::vector<RunConfig> configs = compareConfigs(test::tinyWorkload());
    ASSERT_TRUE(view.run(configs));
    ASSERT_TRUE(spinUntil([&] { return view.runner().currentIndex() == 2; }, 30'000));
    EXPECT_EQ(bar->maximum(), 2 * int(configs.size()));
    EXPECT_GE(bar->value(), 4) << "two points of two runs each are done";
    EXPECT_TRUE(bar->isVisible());
    const QImage drawn = test::screenshot(view, QStringLiteral("compare-view-running.png"));
    const QImage grabbed = bar->grab().toImage();
    // Drawn, not only set: the filled part is near the style's highlight colour (styles shade it).
    const QColor highlight = bar->palette().color(QPalette::Highlight);
    int filled = 0;
    for (int y = 0; y < grabbed.height(); ++y) {
        for (int x = 0; x < grabbed.width(); ++x) {
            const QColor pixel = grabbed.pixelColor(x, y);
            filled += std::abs(pixel.red() - highlight.red()) + std::abs(pixel.green() - highlight.green())
                    + std::abs(pixel.blue() - highlight.blue())
                < 90;
        }
    }
    EXPECT_GT(filled, grabbed.width() * grabbed.height() / 10) << "the bar is blank";
    EXPECT_FALSE(drawn.isNull());
    ASSERT_TRUE(spinUntil([&] { return view.isOver(); }, 60'000));
    EXPECT_EQ(test::child<SeriesProgress>(view, "seriesProgress")->text(),
        QStringLiteral("Done: %1 runs.").arg(2 * configs.size()));
}

// With real CPython: the emulated rows and the real ones in one window, on one time axis, each real row named beside
// its emulated counterpart with the interpreter's version and carrying its speed-up against the sequential run.
TEST(CompareView, HasEmulatedAndRealCPythonRowsOnOneTimeAxis)
{
    CONLAB_REQUIRE_PYTHON();
    CompareView view;
    view.resize(900, 1000);
    view.show();
    const std::vector<RunConfig> configs = compareConfigs(test::tinyWorkload(), true);
    ASSERT_EQ(configs.size(), 8u);
    ASSERT_TRUE(view.run(configs));
    ASSERT_TRUE(spinUntil([&] { return view.isOver(); }, 600'000));
    ASSERT_EQ(view.stepCount(), 8);
    EXPECT_EQ(test::child<CompareBarChart>(view, "compareBars")->barCount(), 8);
    const QStringList notes = test::child<CompareBarChart>(view, "compareBars")->notes();
    ASSERT_EQ(notes.size(), 8);
    for (int i = 5; i < 8; ++i) {
        ASSERT_TRUE(view.result(i).has_value()) << i;
        const RunSummary& summary = view.result(i)->summary;
        EXPECT_TRUE(summary.error.isEmpty()) << summary.error.toStdString();
        ASSERT_TRUE(summary.python.has_value());
        // The version once the observer has read it; without it (OS states only) the row is "(CPython)".
        const QStringList version = summary.python->version.split(QLatin1Char('.'));
        const QString named = version.size() >= 2 ? QStringLiteral("(CPython %1.%2)").arg(version[0], version[1])
                                                  : QStringLiteral("(CPython)");
        EXPECT_TRUE(view.stepLabel(i).endsWith(named)) << view.stepLabel(i).toStdString();
        EXPECT_TRUE(notes[i].contains(QStringLiteral("×"))) << notes[i].toStdString();
        EXPECT_GT(test::child<TimelineStack>(view, "compareTimelines")->plot(i)->data().segmentCount(), 0u) << i;
    }
    EXPECT_TRUE(view.stepLabel(5).startsWith(QStringLiteral("Threads (")));
    EXPECT_TRUE(view.stepLabel(6).startsWith(QStringLiteral("Processes (")));
    EXPECT_TRUE(view.stepLabel(7).startsWith(QStringLiteral("asyncio (")));
    const QCPRange first = test::child<TimelineStack>(view, "compareTimelines")->plot(0)->xAxis->range();
    for (int i = 0; i < 8; ++i)
        EXPECT_EQ(test::child<TimelineStack>(view, "compareTimelines")->plot(i)->xAxis->range(), first) << i;
}
