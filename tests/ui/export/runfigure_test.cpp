#include "tests/figurefiles.h"
#include "tests/ui/export/sampletrace.h"
#include "ui/export/renderedfigure.h"
#include "ui/plots/statepalette.h"

#include <gtest/gtest.h>

namespace conlab {
namespace {

using test::SamplePlots;

constexpr QSize figureSize(1200, 700);

int lockPixels(const Figure& figure)
{
    return test::pixelsOf(
        RenderedFigure::render(figure, FigureFormat::Png, figureSize).image(), stateColor(TaskState::BlockedLock));
}

TEST(RunFigure, AZoomedExportShowsOnlyTheZoomedWindow)
{
    SamplePlots withLock(test::sampleTrace(true));
    SamplePlots withoutLock(test::sampleTrace(false));
    for (SamplePlots* plots : {&withLock, &withoutLock}) {
        plots->timeline.setTimeRange(0.0, 1.0);
        plots->utilisation.setTimeRange(0.0, 1.0);
    }
    // The lock segment (2.0-2.5 s) is outside the zoom: only the legend's swatch has its colour, as without it.
    const int legendOnly = lockPixels(withoutLock.figure(true));
    EXPECT_GT(legendOnly, 0);
    EXPECT_EQ(lockPixels(withLock.figure(true)), legendOnly);
    // The whole run, when asked for, has it.
    EXPECT_GT(lockPixels(withLock.figure(false)), legendOnly + 2000);
    // Either way the plots stay zoomed.
    EXPECT_EQ(withLock.timeline.timeRange(), (TimeRange {0.0, 1.0}));
    EXPECT_TRUE(withLock.timeline.userZoomed());
}

TEST(RunFigure, TheCaptionSaysWhichPartOfTheRunIsShown)
{
    SamplePlots plots(test::sampleTrace());
    const Figure whole = plots.figure(true);
    ASSERT_EQ(whole.caption.size(), 2) << whole.caption.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(whole.caption[0].startsWith(QStringLiteral("Threads — cpu: 4 tasks of 50 ms CPU")));

    plots.timeline.setTimeRange(0.25, 0.75);
    plots.utilisation.setTimeRange(0.25, 0.75);
    const Figure zoomed = plots.figure(true);
    ASSERT_EQ(zoomed.caption.size(), 3);
    EXPECT_EQ(zoomed.caption[2], QStringLiteral("Time shown: 0.250 s to 0.750 s of 0.000 s to 2.500 s"));
    for (const FigurePanel& panel : zoomed.panels)
        EXPECT_EQ(*panel.xRange, QCPRange(0.25, 0.75));
    // Not asked for the window: the whole run, and nothing about a window.
    EXPECT_EQ(plots.figure(false).caption.size(), 2);
}

TEST(RunFigure, ContentPicksThePanelsOnOneTimeRange)
{
    SamplePlots plots(test::sampleTrace());
    const Figure both = plots.figure(false, FigureContent::Both);
    ASSERT_EQ(both.panels.size(), 2u);
    EXPECT_EQ(both.panels[0].plot, &plots.timeline);
    EXPECT_EQ(both.panels[1].plot, &plots.utilisation);
    EXPECT_GT(both.panels[0].weight, both.panels[1].weight);
    EXPECT_EQ(*both.panels[0].xRange, *both.panels[1].xRange);
    const TimeRange full = plots.timeline.fullTimeRange();
    EXPECT_EQ(*both.panels[0].xRange, QCPRange(full.begin, full.end));

    const Figure timeline = plots.figure(false, FigureContent::Timeline);
    ASSERT_EQ(timeline.panels.size(), 1u);
    EXPECT_EQ(timeline.panels[0].plot, &plots.timeline);
    const Figure utilisation = plots.figure(false, FigureContent::Utilisation);
    ASSERT_EQ(utilisation.panels.size(), 1u);
    EXPECT_EQ(utilisation.panels[0].plot, &plots.utilisation);
    const QImage image = RenderedFigure::render(utilisation, FigureFormat::Png, figureSize).image();
    EXPECT_EQ(test::pixelsOf(image, stateColor(TaskState::WaitingIo)), 0) << "no timeline in it";
}

// A trace from another tool: its counters are not cores, and it knows none.
TEST(RunFigure, ATraceWithCountersClaimsNoCores)
{
    Trace trace = test::sampleTrace();
    trace.cores = 0;
    trace.counterNames = {QStringLiteral("heap"), QStringLiteral("queue")};
    SamplePlots plots(trace);
    CaptionFacts facts;
    facts.traceName = QStringLiteral("perf.json");
    const QStringList caption = runFigure(plots.timeline, plots.utilisation, FigureContent::Both, facts, false).caption;
    ASSERT_EQ(caption.size(), 2);
    EXPECT_EQ(caption[0], QStringLiteral("perf.json"));
    EXPECT_TRUE(caption[1].contains(QStringLiteral("4 lanes"))) << caption[1].toStdString();
    EXPECT_FALSE(caption[1].contains(QStringLiteral("core"))) << caption[1].toStdString();
}

TEST(RunFigure, ContentKeysRoundTrip)
{
    for (FigureContent content : allFigureContents)
        EXPECT_EQ(figureContentFromKey(figureContentKey(content)), content);
    EXPECT_EQ(figureContentFromKey(QStringLiteral("pie")), std::nullopt);
    EXPECT_EQ(figureContentKey(FigureContent::Utilisation), QStringLiteral("utilisation"));
}

} // namespace
} // namespace conlab
