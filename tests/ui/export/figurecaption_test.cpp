#include "ui/export/figurecaption.h"

#include <gtest/gtest.h>

namespace conlab {
namespace {

RunSummary summaryOf(ModelKind model, double wallMs, int workers = 2)
{
    RunSummary summary;
    summary.config.model = model;
    summary.config.workers = workers;
    summary.config.workload.kind = WorkloadKind::Cpu;
    summary.config.workload.tasks = 8;
    summary.config.workload.cpuMs = 250;
    summary.wallMs = wallMs;
    summary.cores = 2;
    summary.tasksCompleted = 8;
    summary.startedAt = QDateTime(QDate(2026, 12, 1), QTime(9, 15));
    return summary;
}

QString details(const QStringList& caption)
{
    return caption.size() > 1 ? caption[1] : QString();
}

TEST(FigureCaption, ARunWithItsBaselineGivesModelWorkloadWorkersWallSpeedupCoresAndDate)
{
    const QStringList caption
        = figureCaption(runCaptionFacts(summaryOf(ModelKind::Threads, 1080), summaryOf(ModelKind::Sequential, 4160)));
    ASSERT_EQ(caption.size(), 2);
    EXPECT_EQ(caption[0], QStringLiteral("Threads — cpu: 8 tasks of 250 ms CPU"));
    EXPECT_EQ(caption[1],
        QStringLiteral("2 threads  ·  wall time 1.08 s  ·  speed-up 3.85× against sequential (4.16 s)  ·  2 cores  ·  "
                       "2026-12-01"));
}

TEST(FigureCaption, SequentialIsTheBaselineAndWithoutOneTheCaptionSaysSo)
{
    EXPECT_TRUE(details(figureCaption(runCaptionFacts(summaryOf(ModelKind::Sequential, 4160), std::nullopt)))
                    .contains(QStringLiteral("speed-up: this is the baseline")));
    const QString none = details(figureCaption(runCaptionFacts(summaryOf(ModelKind::Processes, 2300), std::nullopt)));
    EXPECT_TRUE(none.contains(QStringLiteral("speed-up not measured (no sequential run of this workload)")))
        << none.toStdString();
    EXPECT_TRUE(none.startsWith(QStringLiteral("2 worker processes")));
    EXPECT_TRUE(details(figureCaption(runCaptionFacts(summaryOf(ModelKind::Processes, 2300, 1), std::nullopt)))
                    .startsWith(QStringLiteral("1 worker process  ·")));
}

TEST(FigureCaption, NamesTheModelAsItsButtonDoes)
{
    RunSummary gil = summaryOf(ModelKind::Threads, 4200);
    gil.config.gil = true;
    gil.config.switchIntervalMs = 0.5;
    const QStringList gilCaption = figureCaption(runCaptionFacts(gil, std::nullopt));
    EXPECT_TRUE(gilCaption[0].startsWith(QStringLiteral("Threads + GIL — ")));
    EXPECT_TRUE(gilCaption[1].contains(QStringLiteral("GIL switch interval 0.5 ms")));

    RunSummary loop = summaryOf(ModelKind::EventLoop, 300, 64);
    loop.config.offload = OffloadKind::Threads;
    loop.config.workload.kind = WorkloadKind::Mixed;
    loop.config.workload.phases = 2;
    loop.config.workload.ioMs = 10;
    const QStringList loopCaption = figureCaption(runCaptionFacts(loop, std::nullopt));
    EXPECT_EQ(
        loopCaption[0], QStringLiteral("Event loop + thread pool — mixed: 8 tasks of 2 x (250 ms CPU + 10 ms I/O)"));
    EXPECT_TRUE(loopCaption[1].startsWith(QStringLiteral("1 thread, up to 64 tasks at once  ·  wall time 300 ms")));
}

// The window's caption of a shown run and `conlab open`'s figures both take their facts from here.
TEST(FigureCaption, ASavedRunIsCaptionedByItsSummaryAndAForeignTraceByItsFileName)
{
    auto trace = std::make_shared<Trace>();
    trace->cores = 6;
    trace->lanes = {LaneInfo {QStringLiteral("main")}};
    SavedRun own {trace, summaryOf(ModelKind::Threads, 1080), summaryOf(ModelKind::Sequential, 4160)};
    const QStringList ownCaption = figureCaption(savedRunCaptionFacts(own, QStringLiteral("ignored.json")));
    EXPECT_EQ(ownCaption, figureCaption(runCaptionFacts(*own.summary, own.baseline)));
    EXPECT_TRUE(details(ownCaption).contains(QStringLiteral("speed-up 3.85×"))) << details(ownCaption).toStdString();

    const SavedRun foreign {trace, std::nullopt, std::nullopt};
    const CaptionFacts facts = savedRunCaptionFacts(foreign, QStringLiteral("chrome.json"));
    EXPECT_EQ(facts.traceName, QStringLiteral("chrome.json"));
    EXPECT_EQ(facts.cores, 6);
    EXPECT_FALSE(facts.config);
    EXPECT_FALSE(facts.summary);
    EXPECT_EQ(figureCaption(facts).value(0), QStringLiteral("chrome.json"));
}

TEST(FigureCaption, AStoppedOrFailedRunSaysSoAndClaimsNoSpeedup)
{
    RunSummary stopped = summaryOf(ModelKind::Threads, 1200);
    stopped.cancelled = true;
    const QString stoppedText
        = details(figureCaption(runCaptionFacts(stopped, summaryOf(ModelKind::Sequential, 4000))));
    EXPECT_TRUE(stoppedText.contains(QStringLiteral("stopped after 1.20 s"))) << stoppedText.toStdString();
    EXPECT_TRUE(stoppedText.contains(QStringLiteral("no speed-up: the run did not finish")));

    RunSummary failed = summaryOf(ModelKind::Processes, 80);
    failed.error = QStringLiteral("worker 2 exited with code 9");
    const QStringList failedCaption = figureCaption(runCaptionFacts(failed, std::nullopt));
    EXPECT_TRUE(details(failedCaption).contains(QStringLiteral("failed after 80 ms")));
    EXPECT_EQ(failedCaption.last(), QStringLiteral("The run failed: worker 2 exited with code 9"));
}

// Other programs' load past 10 % of the machine is said under the picture, as in the numbers panel; at 10 % or under,
// or unmeasured, nothing is.
TEST(FigureCaption, SaysWhenOtherProgramsLoadedTheMachine)
{
    RunSummary loaded = summaryOf(ModelKind::Threads, 1080);
    loaded.otherLoadPercent = 37.4;
    const QStringList caption = figureCaption(runCaptionFacts(loaded, std::nullopt));
    EXPECT_EQ(caption.last(),
        QStringLiteral(
            "Other programs took 37 % of the machine during this run: these times are not the model's alone."));
    for (const std::optional<double> quiet : {std::optional<double>(10.0), std::optional<double>()}) {
        loaded.otherLoadPercent = quiet;
        EXPECT_EQ(figureCaption(runCaptionFacts(loaded, std::nullopt)).size(), 2);
    }
}

TEST(FigureCaption, APartOfTheRunIsNamedWithItsTimeWindow)
{
    CaptionFacts facts = runCaptionFacts(summaryOf(ModelKind::Threads, 2130), std::nullopt);
    facts.span = TimeRange {0.0, 2.13};
    facts.window = TimeRange {0.5, 1.2};
    const QStringList caption = figureCaption(facts);
    ASSERT_EQ(caption.size(), 3);
    EXPECT_EQ(caption[2], QStringLiteral("Time shown: 0.500 s to 1.200 s of 0.000 s to 2.130 s"));

    facts.window = TimeRange {1.0001, 1.0021}; // a 2 ms zoom gets the digits it needs
    EXPECT_EQ(figureCaption(facts)[2], QStringLiteral("Time shown: 1.00010 s to 1.00210 s of 0.00000 s to 2.13000 s"));
}

TEST(FigureCaption, ARunStillGoingHasItsSettingsButNoNumbers)
{
    CaptionFacts facts;
    facts.config = summaryOf(ModelKind::Threads, 0).config;
    facts.cores = 4;
    facts.span = TimeRange {0.0, 1.3};
    facts.date = QDate(2026, 12, 1);
    const QStringList caption = figureCaption(facts);
    EXPECT_EQ(caption[0], QStringLiteral("Threads — cpu: 8 tasks of 250 ms CPU"));
    EXPECT_EQ(caption[1],
        QStringLiteral("2 threads  ·  still running, 1.30 s so far: no final numbers yet  ·  4 cores  ·  2026-12-01"));
}

TEST(FigureCaption, ATraceFromAnotherToolIsItsFileNameLanesAndTimeSpan)
{
    CaptionFacts facts;
    facts.traceName = QStringLiteral("perf-trace.json");
    facts.lanes = 12;
    facts.span = TimeRange {0.0, 3.456};
    const QStringList caption = figureCaption(facts);
    ASSERT_EQ(caption.size(), 2);
    EXPECT_EQ(caption[0], QStringLiteral("perf-trace.json"));
    EXPECT_EQ(caption[1], QStringLiteral("12 lanes  ·  3.46 s (0.00 s to 3.46 s)"));

    facts.lanes = 1;
    facts.window = TimeRange {1.0, 2.0};
    const QStringList zoomed = figureCaption(facts);
    EXPECT_TRUE(zoomed[1].startsWith(QStringLiteral("1 lane  ·")));
    EXPECT_EQ(zoomed[2], QStringLiteral("Time shown: 1.00 s to 2.00 s of 0.00 s to 3.46 s"));
}

} // namespace
} // namespace conlab
