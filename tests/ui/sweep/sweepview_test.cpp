#include "core/analysis/scalingplan.h"
#include "tests/ui/child.h"
#include "tests/ui/series/seriestestsupport.h"
#include "tests/ui/spinuntil.h"
#include "ui/sweep/speedupplot.h"
#include "ui/sweep/sweepview.h"

#include <gtest/gtest.h>

using namespace conlab;
using conlab::test::spinUntil;

namespace {

ScalingPlan tinyPlan()
{
    QString error;
    const std::optional<ScalingPlan> plan = planScaling(test::tinyWorkload(ModelKind::Threads), 2, &error);
    EXPECT_TRUE(plan) << error.toStdString();
    return plan.value_or(ScalingPlan {});
}

// Finished runs of the plan, point i taking 100 / (i + 1) ms, all beside 2 % of other programs' load.
std::vector<RunResult> quietResults(const ScalingPlan& plan)
{
    std::vector<RunResult> results(plan.configs().size());
    for (std::size_t i = 0; i < results.size(); ++i) {
        results[i].summary.config = plan.configs()[i];
        results[i].summary.wallMs = 100.0 / double(i + 1);
        results[i].summary.otherLoadPercent = 2.0;
    }
    return results;
}

} // namespace

TEST(SweepView, MeasuresOnePointPerWorkerCountAndFitsAmdahl)
{
    const ScalingPlan plan = tinyPlan();
    ASSERT_EQ(plan.workerCounts, (std::vector<int> {1, 2, 3, 4}));
    SweepView view;
    view.show();
    ASSERT_TRUE(view.runSweep(plan));
    ASSERT_TRUE(spinUntil([&] { return view.isOver(); }));

    ASSERT_EQ(view.stepCount(), 5); // the baseline and four counts
    const std::vector<ScalingPoint> points = view.points();
    ASSERT_EQ(points.size(), plan.workerCounts.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        EXPECT_EQ(points[i].workers, plan.workerCounts[i]);
        EXPECT_GT(points[i].speedup, 0.2) << i;
    }
    const AmdahlFit fit = view.fit();
    ASSERT_TRUE(fit.determined);
    EXPECT_GE(fit.parallelFraction, 0.0);
    EXPECT_LE(fit.parallelFraction, 1.0);

    const SpeedupPlot* plot = test::child<SpeedupPlot>(view, "sweepPlot");
    EXPECT_EQ(plot->pointCount(), 4);
    const QString fitText = plot->fitText();
    ASSERT_TRUE(fit.parallelFractionError); // four points: their scatter gives p's standard error
    EXPECT_EQ(fitText,
        QStringLiteral("Amdahl fit: p = %1 ± %2")
            .arg(fit.parallelFraction, 0, 'f', 2)
            .arg(*fit.parallelFractionError, 0, 'f', 2));
    // The legend says it: the fitted curve is named with p.
    bool named = false;
    for (int i = 0; i < plot->graphCount(); ++i)
        named = named || plot->graph(i)->name() == fitText;
    EXPECT_TRUE(named);
    EXPECT_EQ(view.stepLabel(3), QStringLiteral("Threads, 3 workers"));
    EXPECT_EQ(view.stepLabel(1), QStringLiteral("Threads, 1 worker"));
    EXPECT_GT(test::distinctColours(test::screenshot(view, QStringLiteral("sweep-view.png"))), 20);
}

TEST(SweepView, ExportsANonBlankPicture)
{
    SweepView view;
    view.show();
    ASSERT_TRUE(view.runSweep(tinyPlan()));
    ASSERT_TRUE(spinUntil([&] { return view.isOver(); }));

    const Figure figure = view.figure();
    ASSERT_EQ(figure.panels.size(), 1u);
    EXPECT_TRUE(figure.caption.join(QLatin1Char(' ')).contains(QStringLiteral("p = ")));
    const QTemporaryDir dir;
    const QImage image = test::exportedPng(view, dir, QStringLiteral("sweep.png"));
    ASSERT_FALSE(image.isNull());
    EXPECT_GT(test::inkPixels(image), image.width() * image.height() / 100);
    EXPECT_GT(test::distinctColours(image), 20);
}

TEST(SweepView, ShowsAFailedBaselineAsNoPoints)
{
    const ScalingPlan plan = tinyPlan();
    std::vector<RunResult> results(plan.configs().size());
    for (std::size_t i = 0; i < results.size(); ++i) {
        results[i].summary.config = plan.configs()[i];
        results[i].summary.wallMs = 100;
    }
    results[0].summary.error = QStringLiteral("could not start");
    SweepView view;
    view.showSweep(plan, results);
    EXPECT_TRUE(view.points().empty());
    EXPECT_FALSE(view.fit().determined);
    EXPECT_EQ(test::child<SpeedupPlot>(view, "sweepPlot")->pointCount(), 0);
    EXPECT_TRUE(test::child<SpeedupPlot>(view, "sweepPlot")->fitText().contains(QStringLiteral("needs")));
}

// Points measured three times each: the disc is the median run's speed-up, the whiskers reach the slowest run's
// (down) and the fastest run's (up), both against the baseline's median.
TEST(SweepView, DrawsEachRepeatedPointsMedianWithMinMaxWhiskers)
{
    const ScalingPlan plan = tinyPlan();
    std::vector<RunResult> results(plan.configs().size());
    results[0].summary.config = plan.configs()[0];
    results[0].summary.wallMs = 120;
    results[0].summary.repeatWallsMs = {150, 120, 100}; // the baseline's spread is not the points'
    for (std::size_t i = 1; i < results.size(); ++i) {
        const double wall = 120.0 / double(i);
        results[i].summary.config = plan.configs()[i];
        results[i].summary.wallMs = wall;
        results[i].summary.repeatWallsMs = {wall * 1.5, wall, wall * 0.8};
    }
    SweepView view;
    view.showSweep(plan, results);

    const QCPErrorBars* whiskers = test::child<QCPErrorBars>(view, "speedupWhiskers");
    ASSERT_EQ(whiskers->dataCount(), int(plan.workerCounts.size()));
    const QCPPlottableInterface1D* points = whiskers->dataPlottable()->interface1D();
    for (int i = 0; i < whiskers->dataCount(); ++i) {
        const double median = double(i + 1); // 120 ms against 120 / (i + 1) ms
        EXPECT_DOUBLE_EQ(points->dataMainKey(i), double(plan.workerCounts[std::size_t(i)])) << i;
        EXPECT_NEAR(points->dataMainValue(i), median, 1e-12) << i;
        EXPECT_NEAR(median - whiskers->data()->at(i).errorMinus, median / 1.5, 1e-12) << i << ": the slowest run";
        EXPECT_NEAR(median + whiskers->data()->at(i).errorPlus, median / 0.8, 1e-12) << i << ": the fastest run";
    }
}

// A point measured beside other programs' load is ringed, and the legend says how much of the machine they took.
TEST(SweepView, MarksThePointsOtherProgramsLoaded)
{
    const ScalingPlan plan = tinyPlan();
    ASSERT_GE(plan.configs().size(), 3u);
    std::vector<RunResult> results = quietResults(plan);
    results[2].summary.otherLoadPercent = 42.0;
    SweepView view;
    view.showSweep(plan, results);
    const auto* plot = test::child<SpeedupPlot>(view, "sweepPlot");
    const auto* ringed = plot->findChild<QCPGraph*>(QStringLiteral("otherLoadPoints"));
    ASSERT_TRUE(ringed);
    ASSERT_EQ(ringed->dataCount(), 1);
    EXPECT_DOUBLE_EQ(ringed->data()->at(0)->key, double(plan.workerCounts[1]));
    EXPECT_DOUBLE_EQ(ringed->data()->at(0)->value, 3.0) << "on the measured point: 100 ms against 33 ms";
    EXPECT_TRUE(plot->legend->hasItemWithPlottable(ringed));
    EXPECT_EQ(ringed->name(), QStringLiteral("other programs took 42 % of the machine"));

    results[2].summary.otherLoadPercent = 9.0;
    view.showSweep(plan, results);
    EXPECT_EQ(ringed->dataCount(), 0);
    EXPECT_FALSE(plot->legend->hasItemWithPlottable(ringed)) << "nothing to say at 10 % or under";
}

// Every speed-up is measured against the sequential baseline: when other programs loaded its run, it is marked where
// it stands (1× at one worker) with a legend entry of its own, and the picture's caption says so beside its time.
TEST(SweepView, MarksTheBaselineOtherProgramsLoaded)
{
    const ScalingPlan plan = tinyPlan();
    std::vector<RunResult> results = quietResults(plan);
    results[0].summary.otherLoadPercent = 55.0;
    SweepView view;
    view.showSweep(plan, results);
    const auto* plot = test::child<SpeedupPlot>(view, "sweepPlot");
    const QCPGraph* baseline = test::child<QCPGraph>(*plot, "baselineOtherLoadPoint");
    ASSERT_EQ(baseline->dataCount(), 1);
    EXPECT_DOUBLE_EQ(baseline->data()->at(0)->key, 1.0);
    EXPECT_DOUBLE_EQ(baseline->data()->at(0)->value, 1.0);
    EXPECT_TRUE(plot->legend->hasItemWithPlottable(baseline));
    EXPECT_EQ(baseline->name(), QStringLiteral("baseline (1×): other programs took 55 %"));
    EXPECT_EQ(test::child<QCPGraph>(*plot, "otherLoadPoints")->dataCount(), 0) << "the measured points were quiet";
    const QString caption = view.figure().caption.join(QLatin1Char('\n'));
    EXPECT_TRUE(caption.contains(QStringLiteral("speed-up against sequential (100 ms, other programs took 55 % of the "
                                                "machine)")))
        << caption.toStdString();

    results[0].summary.otherLoadPercent = 10.0;
    view.showSweep(plan, results);
    EXPECT_EQ(baseline->dataCount(), 0);
    EXPECT_FALSE(plot->legend->hasItemWithPlottable(baseline)) << "nothing to say at 10 % or under";
    EXPECT_FALSE(view.figure().caption.join(QLatin1Char('\n')).contains(QStringLiteral("other programs")));
}
