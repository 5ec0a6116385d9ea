#include "ui/plots/coreutilisationplot.h"
#include "ui/plots/statepalette.h"
#include "ui/plots/timelineplot.h"

#include <QApplication>
#include <QImage>
#include <QSet>
#include <QWheelEvent>
#include <cmath>
#include <gtest/gtest.h>
#include <limits>

namespace conlab {
namespace {

constexpr std::int64_t origin = 9'000'000'000'000LL;
constexpr std::int64_t ms = 1'000'000;

RunStart runStart(int cores)
{
    RunStart start;
    start.cores = cores;
    start.originNs = origin;
    start.lanes.push_back({QStringLiteral("thread 0"), LaneKind::Thread});
    return start;
}

// 20 Hz samples: core 0 busy, core 1 half busy, core 1 offline between 400 and 600 ms.
TraceBatch samples(std::int64_t fromMs, std::int64_t toMs)
{
    TraceBatch batch;
    for (std::int64_t t = fromMs; t < toMs; t += 50) {
        CpuSample sample;
        sample.timeNs = origin + t * ms;
        const bool offline = t >= 400 && t < 600;
        sample.perCore = {95.0f + float(t % 3), offline ? std::numeric_limits<float>::quiet_NaN() : 50.0f};
        batch.cpuSamples.push_back(sample);
    }
    return batch;
}

QSet<QRgb> colors(const QImage& image)
{
    QSet<QRgb> result;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            result.insert(image.pixel(x, y) | 0xff000000);
    }
    return result;
}

void wheel(QWidget* widget, QPointF pos, int steps)
{
    QWheelEvent event(pos, widget->mapToGlobal(pos), QPoint(), QPoint(0, 120 * steps), Qt::NoButton, Qt::NoModifier,
        Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

TEST(CoreUtilisationPlot, HasOneLinePerCoreAndAnAverage)
{
    CoreUtilisationPlot plot;
    plot.startRun(runStart(2));
    EXPECT_EQ(plot.coreCount(), 2);
    ASSERT_EQ(plot.graphCount(), 3);
    EXPECT_EQ(plot.graph(0)->name(), QStringLiteral("cpu0"));
    EXPECT_EQ(plot.graph(1)->name(), QStringLiteral("cpu1"));
    EXPECT_EQ(plot.graph(2)->name(), QStringLiteral("average"));
    EXPECT_EQ(plot.legend->itemCount(), 3);
    EXPECT_NE(plot.graph(0)->pen().color(), plot.graph(1)->pen().color());
    EXPECT_GT(plot.graph(2)->pen().widthF(), plot.graph(0)->pen().widthF());
    EXPECT_DOUBLE_EQ(plot.yAxis->range().lower, -4.0);
    EXPECT_DOUBLE_EQ(plot.yAxis->range().upper, 106.0);
    EXPECT_EQ(plot.xAxis->label(), QStringLiteral("time"));
}

TEST(CoreUtilisationPlot, LeavesAGapWhereACoreWasOffline)
{
    CoreUtilisationPlot plot;
    plot.startRun(runStart(2));
    plot.appendBatch(samples(0, 1000));
    EXPECT_EQ(plot.sampleCount(), 20u);
    const auto core1 = plot.graph(1)->data();
    ASSERT_EQ(core1->size(), 20);
    EXPECT_DOUBLE_EQ(core1->at(0)->key, 0.0);
    EXPECT_DOUBLE_EQ(core1->at(0)->value, 50.0);
    EXPECT_TRUE(std::isnan(core1->at(8)->value)); // 400 ms
    EXPECT_DOUBLE_EQ(core1->at(12)->value, 50.0); // 600 ms
    // The average counts only the cores with data.
    EXPECT_NEAR(plot.graph(2)->data()->at(8)->value, plot.graph(0)->data()->at(8)->value, 1e-6);
}

TEST(CoreUtilisationPlot, DrawsEveryCoreInItsOwnColour)
{
    CoreUtilisationPlot plot;
    plot.startRun(runStart(2));
    plot.appendBatch(samples(0, 3000));
    plot.refresh();
    const QSet<QRgb> seen = colors(plot.toPixmap(1600, 450).toImage());
    EXPECT_GT(seen.size(), 20);
    EXPECT_TRUE(seen.contains(coreColor(0).rgb()));
    EXPECT_TRUE(seen.contains(coreColor(1).rgb()));
    EXPECT_TRUE(seen.contains(averageColor().rgb()));
}

TEST(CoreUtilisationPlot, FollowsUntilZoomedAndResetsToTheWholeRun)
{
    CoreUtilisationPlot plot;
    plot.resize(1600, 450);
    plot.startRun(runStart(2));
    plot.appendBatch(samples(0, 2000));
    plot.refresh();
    plot.replot(QCustomPlot::rpImmediateRefresh);
    EXPECT_GE(plot.xAxis->range().upper, 1.95);

    int announced = 0;
    QObject::connect(&plot, &CoreUtilisationPlot::timeRangeChanged, [&announced] { ++announced; });
    wheel(&plot, plot.axisRect()->center(), 2);
    EXPECT_TRUE(plot.userZoomed());
    EXPECT_EQ(announced, 1);
    const QCPRange zoomed = plot.xAxis->range();
    EXPECT_DOUBLE_EQ(plot.yAxis->range().upper, 106.0);

    plot.appendBatch(samples(2000, 5000));
    plot.refresh();
    EXPECT_EQ(plot.xAxis->range(), zoomed);
    plot.resetZoom();
    EXPECT_FALSE(plot.userZoomed());
    EXPECT_GE(plot.xAxis->range().upper, 4.95);
}

TEST(CoreUtilisationPlot, SetTimeRangeAppliesWithoutEmittingBack)
{
    CoreUtilisationPlot plot;
    plot.startRun(runStart(2));
    int announced = 0;
    QObject::connect(&plot, &CoreUtilisationPlot::timeRangeChanged, [&announced] { ++announced; });
    plot.setTimeRange(1.0, 2.0);
    EXPECT_EQ(announced, 0);
    EXPECT_DOUBLE_EQ(plot.xAxis->range().lower, 1.0);
    EXPECT_DOUBLE_EQ(plot.xAxis->range().upper, 2.0);
}

TEST(CoreUtilisationPlot, SharesItsTimeAxisWithTheTimeline)
{
    TimelinePlot timeline;
    CoreUtilisationPlot cpu;
    QObject::connect(&timeline, &TimelinePlot::timeRangeChanged, &cpu, &CoreUtilisationPlot::setTimeRange);
    QObject::connect(&cpu, &CoreUtilisationPlot::timeRangeChanged, &timeline, &TimelinePlot::setTimeRange);
    timeline.resize(1600, 450);
    cpu.resize(1600, 300);
    timeline.startRun(runStart(2));
    cpu.startRun(runStart(2));
    cpu.appendBatch(samples(0, 2500));
    timeline.refresh();
    cpu.refresh();
    EXPECT_EQ(timeline.xAxis->range(), cpu.xAxis->range());
    EXPECT_FALSE(timeline.userZoomed());

    cpu.replot(QCustomPlot::rpImmediateRefresh);
    wheel(&cpu, cpu.axisRect()->center(), 1);
    EXPECT_TRUE(timeline.userZoomed());
    EXPECT_EQ(timeline.xAxis->range(), cpu.xAxis->range());
}

TEST(CoreUtilisationPlot, ShowTraceGrowsToTheCoresItFinds)
{
    Trace trace;
    trace.originNs = origin;
    trace.cores = 0; // an old trace without the count
    trace.cpuSamples = samples(0, 1000).cpuSamples;
    CoreUtilisationPlot plot;
    plot.showTrace(trace);
    EXPECT_EQ(plot.coreCount(), 2);
    EXPECT_EQ(plot.graphCount(), 3);
    EXPECT_EQ(plot.graph(2)->name(), QStringLiteral("average"));
    EXPECT_LE(plot.xAxis->range().lower, 0.0);
    EXPECT_GE(plot.xAxis->range().upper, 0.95);
}

// A trace from another tool brings counters of its own units: named lines, no average, an axis fitted to them. The
// next run gets its percentages back.
TEST(CoreUtilisationPlot, ShowsCountersUnderTheirNamesOnAFittedAxis)
{
    Trace trace;
    trace.originNs = origin;
    trace.counterNames = {QStringLiteral("memory.heap"), QStringLiteral("queue")};
    const float nan = std::numeric_limits<float>::quiet_NaN();
    trace.cpuSamples
        = {{origin, {200.0f, nan}}, {origin + 100 * ms, {900.0f, 3.0f}}, {origin + 200 * ms, {1200.0f, 3.0f}}};
    CoreUtilisationPlot plot;
    plot.showTrace(trace);
    EXPECT_TRUE(plot.showsCounters());
    ASSERT_EQ(plot.graphCount(), 2);
    EXPECT_EQ(plot.graph(0)->name(), QStringLiteral("memory.heap"));
    EXPECT_EQ(plot.graph(1)->name(), QStringLiteral("queue"));
    EXPECT_EQ(plot.graph(0)->dataCount(), 3);
    EXPECT_EQ(plot.yAxis->label(), QStringLiteral("counter value"));
    const QCPRange values = plot.yAxis->range();
    EXPECT_LT(values.lower, 3.0);
    EXPECT_GT(values.upper, 1200.0);
    EXPECT_LT(values.upper, 1400.0) << "fitted to the values, not a fixed scale";

    plot.startRun(runStart(2));
    EXPECT_FALSE(plot.showsCounters());
    EXPECT_EQ(plot.graphCount(), 3);
    EXPECT_EQ(plot.graph(2)->name(), QStringLiteral("average"));
    EXPECT_EQ(plot.yAxis->label(), QStringLiteral("CPU (%)"));
    EXPECT_EQ(plot.yAxis->range(), QCPRange(-4.0, 106.0));
}

} // namespace
} // namespace conlab
