#include "ui/export/figurefilename.h"

#include <gtest/gtest.h>

namespace conlab {
namespace {

TEST(FigureFileName, SaysModelWorkloadAndDate)
{
    RunSummary summary;
    summary.config.model = ModelKind::Threads;
    summary.config.workload.kind = WorkloadKind::Cpu;
    summary.startedAt = QDateTime(QDate(2026, 12, 1), QTime(12, 0));
    EXPECT_EQ(figureFileName(runCaptionFacts(summary, std::nullopt), FigureFormat::Png),
        QStringLiteral("conlab-threads-cpu-2026-12-01.png"));
    summary.config.gil = true;
    summary.config.workload.kind = WorkloadKind::Convoy;
    EXPECT_EQ(figureFileName(runCaptionFacts(summary, std::nullopt), FigureFormat::Pdf),
        QStringLiteral("conlab-threads-gil-convoy-2026-12-01.pdf"));

    CaptionFacts running;
    running.config = RunConfig {};
    running.config->model = ModelKind::EventLoop;
    running.config->offload = OffloadKind::Processes;
    running.config->workload.kind = WorkloadKind::Io;
    EXPECT_EQ(figureFileName(running, FigureFormat::Svg), QStringLiteral("conlab-eventloop-processes-io.svg"));
}

TEST(FigureFileName, ATraceKeepsItsOwnNameInSafeCharacters)
{
    CaptionFacts facts;
    facts.traceName = QStringLiteral("my trace (copy).json");
    EXPECT_EQ(figureFileName(facts, FigureFormat::Png), QStringLiteral("my-trace-copy.png"));
    facts.traceName.clear();
    EXPECT_EQ(figureFileName(facts, FigureFormat::Svg), QStringLiteral("conlab-figure.svg"));
}

// Saved runs and CSV files are named from the same stem as pictures.
TEST(FigureFileName, TheStemServesEveryFileOfARun)
{
    RunSummary summary;
    summary.config.model = ModelKind::Processes;
    summary.config.workload.kind = WorkloadKind::Io;
    summary.startedAt = QDateTime(QDate(2026, 12, 1), QTime(12, 0));
    const CaptionFacts facts = runCaptionFacts(summary, std::nullopt);
    EXPECT_EQ(runFileStem(facts), QStringLiteral("conlab-processes-io-2026-12-01"));
    EXPECT_EQ(figureFileName(facts, FigureFormat::Png), runFileStem(facts) + QStringLiteral(".png"));
    CaptionFacts trace;
    trace.traceName = QStringLiteral("perf.trace.json");
    EXPECT_EQ(runFileStem(trace), QStringLiteral("perf.trace"));
}

TEST(FigureFileName, TheSuffixFollowsTheFormat)
{
    EXPECT_EQ(withFigureSuffix(QStringLiteral("/tmp/a/b.png"), FigureFormat::Svg), QStringLiteral("/tmp/a/b.svg"));
    EXPECT_EQ(withFigureSuffix(QStringLiteral("/tmp/a/b.PDF"), FigureFormat::Png), QStringLiteral("/tmp/a/b.png"));
    EXPECT_EQ(withFigureSuffix(QStringLiteral("/tmp/a.d/b"), FigureFormat::Pdf), QStringLiteral("/tmp/a.d/b.pdf"));
    EXPECT_EQ(withFigureSuffix(QStringLiteral("run.json"), FigureFormat::Png), QStringLiteral("run.json.png"));
}

} // namespace
} // namespace conlab
