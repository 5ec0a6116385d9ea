#include "core/run/seriesrunner.h"
#include "tests/core/testrun.h"
#include "tests/ui/child.h"
#include "tests/ui/spinuntil.h"
#include "ui/series/seriesprogress.h"

#include <QProgressBar>
#include <algorithm>
#include <gtest/gtest.h>
#include <set>

using namespace conlab;
using conlab::test::makeConfig;
using conlab::test::spinUntil;

namespace {

std::vector<RunConfig> twoSleepySteps()
{
    return {makeConfig(ModelKind::Sequential, WorkloadKind::Sleep, 1, 1, 0, 5),
        makeConfig(ModelKind::Threads, WorkloadKind::Sleep, 2, 2, 0, 5)};
}

QString label(int index)
{
    return QStringLiteral("step %1").arg(index);
}

} // namespace

// Two points run three times each are six runs: the bar's whole is six from the start, it moves on every run, and the
// row ends counting runs, not points.
TEST(SeriesProgress, CountsEveryRepeatedRunNotThePoints)
{
    SeriesRunner runner;
    runner.setRepeat(3);
    const SeriesProgress progress(&runner, label);
    const QProgressBar* bar = test::child<QProgressBar>(progress, "seriesProgressBar");
    std::vector<int> values;
    QObject::connect(&runner, &SeriesRunner::progressChanged, [&] {
        EXPECT_EQ(bar->maximum(), 6);
        values.push_back(bar->value());
    });
    ASSERT_TRUE(runner.start(twoSleepySteps()));
    ASSERT_TRUE(spinUntil([&] { return !runner.isRunning(); }, 30'000));

    EXPECT_EQ(progress.text(), QStringLiteral("Done: 6 runs."));
    EXPECT_EQ(bar->value(), 6);
    EXPECT_TRUE(std::is_sorted(values.begin(), values.end()));
    EXPECT_EQ(std::set<int>(values.begin(), values.end()), (std::set<int> {0, 1, 2, 3, 4, 5, 6}))
        << "a value for every run";
}

TEST(SeriesProgress, ACancelledSeriesSaysHowManyRunsOfAllItHad)
{
    SeriesRunner runner;
    runner.setRepeat(3);
    const SeriesProgress progress(&runner, label);
    // Cancelled once the first point's three runs are done: the second point's never start.
    QObject::connect(&runner, &SeriesRunner::stepFinished, &runner, &SeriesRunner::cancel);
    ASSERT_TRUE(runner.start(twoSleepySteps()));
    ASSERT_TRUE(spinUntil([&] { return !runner.isRunning(); }, 30'000));

    EXPECT_EQ(progress.text(), QStringLiteral("Cancelled after 3 of 6 runs."));
}

// The row follows the series: while a point runs it names that point, and once it is done the next one (whose start
// is under way), never the point just finished. After the last, the row counts the runs.
TEST(SeriesProgress, NamesThePointUnderWayNotTheOneJustFinished)
{
    SeriesRunner runner;
    const SeriesProgress progress(&runner, label);
    QStringList whenStarted;
    QStringList whenFinished;
    QObject::connect(&runner, &SeriesRunner::stepStarted, [&] { whenStarted << progress.text(); });
    // After the runner's own progressChanged handlers: the row has redrawn by then.
    QObject::connect(&runner, &SeriesRunner::progressChanged, [&] {
        if (whenFinished.size() < int(runner.results().size()))
            whenFinished << progress.text();
    });
    ASSERT_TRUE(runner.start(twoSleepySteps()));
    ASSERT_TRUE(spinUntil([&] { return !runner.isRunning(); }, 30'000));

    EXPECT_EQ(whenStarted, (QStringList {QStringLiteral("1 of 2: step 0…"), QStringLiteral("2 of 2: step 1…")}));
    EXPECT_EQ(whenFinished, (QStringList {QStringLiteral("2 of 2: step 1…"), QStringLiteral("Done: 2 runs.")}));
}
