#include "core/run/processstats.h"
#include "core/run/seriesrunner.h"
#include "tests/core/testrun.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <gtest/gtest.h>

using namespace conlab;
using conlab::test::makeConfig;

namespace {

// Every signal of a series, in the order it came.
struct Recorded
{
    std::vector<int> started;
    std::vector<int> finishedSteps;
    std::vector<int> indexWhenAStepFinished; // what a progress row redrawn then shows
    std::vector<int> batchIndices;
    std::vector<RunResult> results;
    int finishedCount = 0;
    int progressCount = 0;
    bool cancelled = false;
};

void record(SeriesRunner& series, Recorded& recorded, QEventLoop& loop)
{
    QObject::connect(
        &series, &SeriesRunner::stepStarted, [&](int index, const RunStart&) { recorded.started.push_back(index); });
    QObject::connect(&series, &SeriesRunner::batch, [&](int index, const TraceBatch&) {
        if (recorded.batchIndices.empty() || recorded.batchIndices.back() != index)
            recorded.batchIndices.push_back(index);
    });
    QObject::connect(&series, &SeriesRunner::stepFinished, [&](int index, const RunResult&) {
        recorded.finishedSteps.push_back(index);
        recorded.indexWhenAStepFinished.push_back(series.currentIndex());
    });
    QObject::connect(&series, &SeriesRunner::finished, [&](const std::vector<RunResult>& results, bool cancelled) {
        recorded.results = results;
        recorded.cancelled = cancelled;
        ++recorded.finishedCount;
        loop.quit();
    });
    QObject::connect(&series, &SeriesRunner::progressChanged, [&] { ++recorded.progressCount; });
}

} // namespace

TEST(SeriesRunner, RunsEveryConfigInOrder)
{
    const std::vector<RunConfig> configs {makeConfig(ModelKind::Sequential, WorkloadKind::Sleep, 2, 1, 0, 40),
        makeConfig(ModelKind::Threads, WorkloadKind::Cpu, 2, 2, 5, 0),
        makeConfig(ModelKind::EventLoop, WorkloadKind::Io, 3, 0, 0, 40)};
    SeriesRunner series;
    Recorded recorded;
    QEventLoop loop;
    record(series, recorded, loop);
    ASSERT_TRUE(series.start(configs));
    EXPECT_TRUE(series.isRunning());
    EXPECT_EQ(series.currentIndex(), 0);
    EXPECT_EQ(series.stepCount(), int(configs.size()));
    QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
    loop.exec();

    EXPECT_FALSE(series.isRunning());
    EXPECT_EQ(series.currentIndex(), -1);
    EXPECT_EQ(recorded.finishedCount, 1);
    EXPECT_FALSE(recorded.cancelled);
    EXPECT_EQ(recorded.started, (std::vector<int> {0, 1, 2}));
    EXPECT_EQ(recorded.finishedSteps, (std::vector<int> {0, 1, 2}));
    // Once a point is done the series is at the next one, whose start is under way; after the last, at none.
    EXPECT_EQ(recorded.indexWhenAStepFinished, (std::vector<int> {1, 2, -1}));
    // The start, each step's start and end, and the end of the series.
    EXPECT_EQ(recorded.progressCount, 1 + 3 + 3 + 1);
    EXPECT_EQ(series.results().size(), configs.size());
    EXPECT_FALSE(series.wasCancelled());
    // Batches carry the index of the step they belong to, and come in step order.
    EXPECT_TRUE(std::is_sorted(recorded.batchIndices.begin(), recorded.batchIndices.end()));
    EXPECT_FALSE(recorded.batchIndices.empty());
    ASSERT_EQ(recorded.results.size(), configs.size());
    for (std::size_t i = 0; i < configs.size(); ++i) {
        EXPECT_EQ(recorded.results[i].summary.config.model, configs[i].model);
        EXPECT_EQ(recorded.results[i].summary.config.workload.kind, configs[i].workload.kind);
        EXPECT_TRUE(recorded.results[i].summary.error.isEmpty()) << recorded.results[i].summary.error.toStdString();
        EXPECT_EQ(recorded.results[i].summary.tasksCompleted, configs[i].workload.tasks);
    }
}

TEST(SeriesRunner, AFailingStepIsReportedAndTheRestRun)
{
    const std::vector<RunConfig> configs {makeConfig(ModelKind::Threads, WorkloadKind::Sleep, 2, 2, 0, 5),
        makeConfig(ModelKind::Threads, WorkloadKind::Sleep, 0, 2, 0, 5), // no tasks: refused
        makeConfig(ModelKind::EventLoop, WorkloadKind::Sleep, 2, 0, 0, 5)};
    SeriesRunner series;
    Recorded recorded;
    QEventLoop loop;
    record(series, recorded, loop);
    ASSERT_TRUE(series.start(configs));
    QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
    loop.exec();

    EXPECT_FALSE(recorded.cancelled);
    EXPECT_EQ(recorded.started, (std::vector<int> {0, 2})); // the refused step never started
    EXPECT_EQ(series.runsDone(), 2) << "a refused step ran nothing";
    EXPECT_EQ(recorded.finishedSteps, (std::vector<int> {0, 1, 2}));
    ASSERT_EQ(recorded.results.size(), 3u);
    EXPECT_TRUE(recorded.results[0].summary.error.isEmpty());
    EXPECT_TRUE(recorded.results[1].summary.error.contains(QLatin1String("--tasks")))
        << recorded.results[1].summary.error.toStdString();
    ASSERT_TRUE(recorded.results[1].trace);
    EXPECT_TRUE(recorded.results[1].trace->segments.empty());
    EXPECT_TRUE(recorded.results[2].summary.error.isEmpty());
    EXPECT_EQ(recorded.results[2].summary.tasksCompleted, 2);
}

TEST(SeriesRunnerTiming, CancelMidSeriesEndsWithinASecondAndLeavesNothingBehind)
{
    test::runToCompletion(makeConfig(ModelKind::Threads, WorkloadKind::Sleep, 1, 1, 0, 1)); // warm-up
    const auto before = test::processCounts();
    ASSERT_TRUE(before) << "/proc/self cannot be read: no leak check without it";

    // Steps no test would wait for: only a cancel ends them.
    const std::vector<RunConfig> configs {makeConfig(ModelKind::Threads, WorkloadKind::Sleep, 2, 2, 0, 10),
        makeConfig(ModelKind::Threads, WorkloadKind::Sleep, 16, 8, 0, 20'000),
        makeConfig(ModelKind::Processes, WorkloadKind::Cpu, 16, 2, 20'000, 0)};
    SeriesRunner series;
    Recorded recorded;
    QEventLoop loop;
    record(series, recorded, loop);
    QElapsedTimer sinceCancel;
    // Cancel once the long second step is under way.
    QObject::connect(&series, &SeriesRunner::stepStarted, [&](int index, const RunStart&) {
        if (index == 1)
            QTimer::singleShot(200, &series, [&] {
                sinceCancel.start();
                series.cancel();
            });
    });
    ASSERT_TRUE(series.start(configs));
    QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
    loop.exec();
    const qint64 cancelToFinishedMs = sinceCancel.elapsed();

    EXPECT_EQ(recorded.finishedCount, 1);
    EXPECT_TRUE(recorded.cancelled);
    EXPECT_LT(cancelToFinishedMs, 1000);
    ASSERT_EQ(recorded.results.size(), 2u); // the third step was dropped
    EXPECT_TRUE(recorded.results[0].summary.error.isEmpty());
    EXPECT_TRUE(recorded.results[1].summary.cancelled);
    EXPECT_EQ(recorded.started, (std::vector<int> {0, 1}));
    EXPECT_FALSE(series.isRunning());
    EXPECT_TRUE(test::settlesTo(*before)) << test::countsNowText() << " (was " << *before << ")";
}

TEST(SeriesRunner, CancelBetweenStepsDropsTheRest)
{
    const std::vector<RunConfig> configs {makeConfig(ModelKind::Threads, WorkloadKind::Sleep, 1, 1, 0, 5),
        makeConfig(ModelKind::Threads, WorkloadKind::Sleep, 1, 1, 0, 5)};
    SeriesRunner series;
    Recorded recorded;
    QEventLoop loop;
    record(series, recorded, loop);
    // The next step's start is queued behind this handler: a cancel here must still stop it.
    QObject::connect(&series, &SeriesRunner::stepFinished, [&](int, const RunResult&) {
        series.cancel();
        // Cancelled is what the series ended as: until then a progress row still shows the step going.
        EXPECT_FALSE(series.wasCancelled());
    });
    ASSERT_TRUE(series.start(configs));
    QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
    loop.exec();

    EXPECT_TRUE(recorded.cancelled);
    EXPECT_TRUE(series.wasCancelled());
    EXPECT_EQ(series.results().size(), 1u);
    EXPECT_EQ(recorded.started, (std::vector<int> {0}));
    ASSERT_EQ(recorded.results.size(), 1u);
    EXPECT_FALSE(recorded.results[0].summary.cancelled); // it had finished on its own
}

TEST(SeriesRunner, RefusesAnEmptyListAndASecondStart)
{
    SeriesRunner series;
    QString error;
    EXPECT_FALSE(series.start({}, &error));
    EXPECT_FALSE(error.isEmpty());
    ASSERT_TRUE(series.start({makeConfig(ModelKind::Threads, WorkloadKind::Sleep, 2, 1, 0, 1000)}));
    EXPECT_FALSE(series.start({makeConfig(ModelKind::Threads, WorkloadKind::Sleep, 1, 1, 0, 1)}, &error));
    EXPECT_TRUE(error.contains(QLatin1String("already")));
    // Destroying the series mid-run cancels and joins through its controller.
}

TEST(SeriesRunner, CanRunAgainFromItsFinishedHandler)
{
    SeriesRunner series;
    int rounds = 0;
    QEventLoop loop;
    const std::vector<RunConfig> configs {makeConfig(ModelKind::Sequential, WorkloadKind::Sleep, 1, 1, 0, 5)};
    QObject::connect(&series, &SeriesRunner::finished, [&](const std::vector<RunResult>& results, bool) {
        EXPECT_EQ(results.size(), 1u);
        if (++rounds < 2)
            EXPECT_TRUE(series.start(configs));
        else
            loop.quit();
    });
    ASSERT_TRUE(series.start(configs));
    QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
    loop.exec();
    EXPECT_EQ(rounds, 2);
}

TEST(SeriesRunner, RepeatRunsEachStepNTimesAndGivesTheMedianRun)
{
    const std::vector<RunConfig> configs {makeConfig(ModelKind::Sequential, WorkloadKind::Sleep, 1, 1, 0, 5),
        makeConfig(ModelKind::Threads, WorkloadKind::Sleep, 2, 2, 0, 5)};
    SeriesRunner series;
    series.setRepeat(3);
    EXPECT_EQ(series.repeat(), 3);
    Recorded recorded;
    QEventLoop loop;
    record(series, recorded, loop);
    std::vector<int> repeats; // which run of its step each start is: what the progress row says
    QObject::connect(
        &series, &SeriesRunner::stepStarted, [&](int, const RunStart&) { repeats.push_back(series.currentRepeat()); });
    ASSERT_TRUE(series.start(configs));
    QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
    loop.exec();

    ASSERT_EQ(recorded.finishedCount, 1);
    EXPECT_FALSE(recorded.cancelled);
    // Every repeat starts (and is drawn) as its step; the step finishes once.
    EXPECT_EQ(recorded.started, (std::vector<int> {0, 0, 0, 1, 1, 1}));
    EXPECT_EQ(repeats, (std::vector<int> {0, 1, 2, 0, 1, 2}));
    EXPECT_EQ(recorded.finishedSteps, (std::vector<int> {0, 1}));
    EXPECT_EQ(series.runsDone(), 6) << "every repeat is a run";
    ASSERT_EQ(recorded.results.size(), configs.size());
    for (const RunResult& result : recorded.results) {
        const std::vector<double>& walls = result.summary.repeatWallsMs;
        ASSERT_EQ(walls.size(), 3u);
        std::vector<double> sorted = walls;
        std::sort(sorted.begin(), sorted.end());
        EXPECT_EQ(result.summary.wallMs, sorted[1]); // the median run's summary
        EXPECT_GT(sorted[0], 0.0);
    }
}

TEST(SeriesRunner, RepeatIsClampedToItsLimits)
{
    SeriesRunner series;
    series.setRepeat(0);
    EXPECT_EQ(series.repeat(), 1);
    series.setRepeat(limits::maxRepeat + 5);
    EXPECT_EQ(series.repeat(), limits::maxRepeat);
}
