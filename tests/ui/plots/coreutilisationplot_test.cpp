#include "tests/ui/spinuntil.h"
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

// The machine's line of a core (drawn dashed beside the run's own), the run's own line, or any graph by its name.
QCPGraph* graphNamed(const CoreUtilisationPlot& plot, const QString& name, bool own = false)
{
    for (int i = 0; i < plot.graphCount(); ++i) {
        QCPGraph* graph = plot.graph(i);
        if (graph->name() == name && (graph->layer()->name() == QStringLiteral("own")) == own)
            return graph;
    }
    return nullptr;
}

QCPGraph* systemLine(const CoreUtilisationPlot& plot, int core)
{
    return graphNamed(plot, QStringLiteral("cpu%1").arg(core));
}

QCPGraph* ownLine(const CoreUtilisationPlot& plot, int core)
{
    return graphNamed(plot, QStringLiteral("cpu%1").arg(core), true);
}

QStringList legendNames(const CoreUtilisationPlot& plot)
{
    QStringList names;
    for (int i = 0; i < plot.legend->itemCount(); ++i) {
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(plot.legend->item(i)))
            names << item->plottable()->name();
    }
    return names;
}

Segment running(std::int64_t fromMs, std::int64_t toMs, int core)
{
    Segment segment;
    segment.beginNs = origin + fromMs * ms;
    segment.endNs = origin + toMs * ms;
    segment.state = TaskState::Running;
    segment.core = std::int8_t(core);
    return segment;
}

// The other-programs area at `atMs` of a plot showing [0, 100) ms: it is computed per pixel column when drawn.
double otherAt(CoreUtilisationPlot& plot, double atMs)
{
    plot.setTimeRange(0.0, 0.1);
    plot.replot(QCustomPlot::rpImmediateRefresh);
    const auto points = graphNamed(plot, QStringLiteral("other programs"))->data();
    const auto point = points->findBegin(atMs / 1e3, false);
    return point == points->constEnd() ? std::numeric_limits<double>::quiet_NaN() : point->value;
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
    // Before the run's own segments arrive the machine's lines are the picture.
    EXPECT_EQ(legendNames(plot),
        (QStringList {QStringLiteral("cpu0"), QStringLiteral("cpu1"), QStringLiteral("average"),
            QStringLiteral("other programs")}));
    ASSERT_TRUE(systemLine(plot, 0) && systemLine(plot, 1));
    EXPECT_NE(systemLine(plot, 0)->pen().color(), systemLine(plot, 1)->pen().color());
    EXPECT_GT(graphNamed(plot, QStringLiteral("average"), true)->pen().widthF(), systemLine(plot, 0)->pen().widthF());
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
    const auto core1 = systemLine(plot, 1)->data();
    ASSERT_EQ(core1->size(), 20);
    EXPECT_DOUBLE_EQ(core1->at(0)->key, 0.0);
    EXPECT_DOUBLE_EQ(core1->at(0)->value, 50.0);
    EXPECT_TRUE(std::isnan(core1->at(8)->value)); // 400 ms
    EXPECT_DOUBLE_EQ(core1->at(12)->value, 50.0); // 600 ms
    // The average counts only the cores with data.
    const auto average = graphNamed(plot, QStringLiteral("average"), true)->data();
    EXPECT_NEAR(average->at(8)->value, systemLine(plot, 0)->data()->at(8)->value, 1e-6);
}

// A 100 ms run drawn 1,000 pixels wide: the run's own lines have a point per pixel column, computed from its running
// segments, whatever the 10 ms samples of /proc/stat say. They are recomputed at the new range when zoomed.
TEST(CoreUtilisationPlot, DrawsTheRunsOwnUtilisationAtScreenResolution)
{
    CoreUtilisationPlot plot;
    plot.resize(1000, 300);
    plot.startRun(runStart(2));
    TraceBatch batch;
    batch.segments = {running(0, 50, 0), running(25, 100, 1)};
    for (std::int64_t t = 10; t <= 100; t += 10)
        batch.cpuSamples.push_back({origin + t * ms, {100.0f, 100.0f}});
    plot.appendBatch(batch);
    plot.setTimeRange(0.0, 0.1);
    plot.replot(QCustomPlot::rpImmediateRefresh);

    EXPECT_EQ(legendNames(plot),
        (QStringList {QStringLiteral("cpu0"), QStringLiteral("cpu1"), QStringLiteral("average"),
            QStringLiteral("whole machine (dashed)"), QStringLiteral("other programs")}));
    const auto own0 = ownLine(plot, 0)->data();
    const int width = plot.axisRect()->width();
    EXPECT_NEAR(own0->size(), width, 1) << "a point per pixel column";
    for (const QCPGraphData& point : *own0)
        EXPECT_DOUBLE_EQ(point.value, point.key < 0.0495 ? 100.0 : point.key > 0.0505 ? 0.0 : point.value);
    EXPECT_DOUBLE_EQ(ownLine(plot, 1)->data()->at(width / 10)->value, 0.0); // 10 ms: before core 1 ran
    EXPECT_DOUBLE_EQ(ownLine(plot, 1)->data()->at(width * 6 / 10)->value, 100.0);
    EXPECT_EQ(systemLine(plot, 0)->pen().style(), Qt::DashLine) << "the machine's lines beside the own ones";
    EXPECT_LT(systemLine(plot, 0)->pen().widthF(), ownLine(plot, 0)->pen().widthF());

    // Zoomed into [40, 60] ms: still a point per column, now 20 µs each, and the edge at 50 ms sharp.
    plot.setTimeRange(0.04, 0.06);
    plot.replot(QCustomPlot::rpImmediateRefresh);
    EXPECT_NEAR(ownLine(plot, 0)->data()->size(), width, 1);
    EXPECT_DOUBLE_EQ(ownLine(plot, 0)->data()->at(width / 4)->value, 100.0); // 45 ms
    EXPECT_DOUBLE_EQ(ownLine(plot, 0)->data()->at(width * 3 / 4)->value, 0.0); // 55 ms

    // An exported picture is computed at its own width.
    plot.toPixmap(500, 300);
    EXPECT_LT(ownLine(plot, 0)->data()->size(), width * 3 / 4);
}

// /proc/stat saw both cores busy; the run held core 0 for the first half: the rest is other programs' load, an area
// of its own.
TEST(CoreUtilisationPlot, ShowsOtherProgramsAsTheMachineLessTheRun)
{
    CoreUtilisationPlot plot;
    plot.resize(1000, 300);
    plot.startRun(runStart(2));
    TraceBatch batch;
    batch.segments = {running(0, 50, 0)};
    for (std::int64_t t = 10; t <= 100; t += 10)
        batch.cpuSamples.push_back({origin + t * ms, {100.0f, 100.0f}});
    plot.appendBatch(batch);
    const QCPGraph* other = graphNamed(plot, QStringLiteral("other programs"));
    ASSERT_TRUE(other);
    EXPECT_DOUBLE_EQ(otherAt(plot, 5), 50.0); // [0, 10) ms: core 0 was the run's, core 1 someone else's
    EXPECT_DOUBLE_EQ(otherAt(plot, 95), 100.0); // [90, 100) ms: all someone else's
    EXPECT_NEAR(other->data()->size(), plot.axisRect()->width(), 1) << "a point per pixel column";
    EXPECT_NE(other->brush().style(), Qt::NoBrush);

    // A worker's segment delivered late reaches back into samples already drawn: they are recomputed.
    TraceBatch late;
    late.segments = {running(90, 100, 1)};
    plot.appendBatch(late);
    EXPECT_DOUBLE_EQ(otherAt(plot, 95), 50.0);

    // At the end the process's CPU time beyond its segments (the window, the recorder) is known: 50 ms over this
    // 100 ms run, half a core all along, 25 % of the machine less at every sample, as other_load_percent counts it.
    RunResult result;
    result.summary.wallMs = 100;
    result.summary.cpuMs = 50 + 10 + 50;
    auto trace = std::make_shared<Trace>();
    trace->originNs = origin;
    trace->segments = {running(0, 50, 0), running(90, 100, 1)};
    trace->cpuSamples = batch.cpuSamples;
    result.trace = trace;
    plot.finishRun(result);
    EXPECT_TRUE(test::spinUntil([&] { return otherAt(plot, 5) < 40.0; })) << "the end's recount never came";
    EXPECT_DOUBLE_EQ(otherAt(plot, 5), 25.0);
    EXPECT_DOUBLE_EQ(otherAt(plot, 95), 25.0);
}

// Sampled at 100 Hz, other programs' load alternates between 10 % and 90 % from one sample to the next. Over 20 s
// several samples share each pixel column, and the area shows their mean, a band near 50 %, not the spikes.
TEST(CoreUtilisationPlot, SmoothsOtherProgramsToThePixelColumns)
{
    CoreUtilisationPlot plot;
    plot.resize(400, 300);
    plot.startRun(runStart(1));
    TraceBatch batch;
    for (std::int64_t t = 10; t <= 20'000; t += 10)
        batch.cpuSamples.push_back({origin + t * ms, {t % 20 ? 10.0f : 90.0f}});
    plot.appendBatch(batch);
    plot.setTimeRange(0.0, 20.0);
    plot.replot(QCustomPlot::rpImmediateRefresh);
    const auto other = graphNamed(plot, QStringLiteral("other programs"))->data();
    EXPECT_NEAR(other->size(), plot.axisRect()->width(), 1) << "a point per pixel column";
    for (const QCPGraphData& point : *other)
        EXPECT_NEAR(point.value, 50.0, 15.0) << "at " << point.key << " s";
}

// A run saved before segments carried their core has no own lines: the machine's are drawn as they were.
TEST(CoreUtilisationPlot, ARunWithoutCoresShowsTheMachinesLinesAlone)
{
    Trace trace;
    trace.originNs = origin;
    trace.cores = 2;
    trace.segments = {running(0, 100, -1)};
    trace.cpuSamples = samples(0, 1000).cpuSamples;
    CoreUtilisationPlot plot;
    plot.showTrace(trace);
    EXPECT_EQ(legendNames(plot),
        (QStringList {QStringLiteral("cpu0"), QStringLiteral("cpu1"), QStringLiteral("average"),
            QStringLiteral("other programs")}));
    EXPECT_EQ(systemLine(plot, 0)->pen().style(), Qt::SolidLine);
    EXPECT_EQ(graphNamed(plot, QStringLiteral("average"), true)->dataCount(), 20);
}

// A million-segment run's index is built off the UI thread: the window shows the machine's lines at once and the
// own lines when they are ready.
TEST(CoreUtilisationPlot, BuildsALargeTracesOwnLinesInTheBackground)
{
    auto trace = std::make_shared<Trace>();
    trace->originNs = origin;
    trace->cores = 2;
    for (std::int64_t i = 0; i < 60'000; ++i) {
        Segment segment = running(0, 0, 0);
        segment.beginNs = origin + i * 10'000;
        segment.endNs = segment.beginNs + 5'000; // core 0 half busy for 600 ms
        trace->segments.push_back(segment);
    }
    CoreUtilisationPlot plot;
    plot.resize(800, 300);
    plot.showTrace(trace);
    const QString ownShown = QStringLiteral("whole machine (dashed)");
    EXPECT_FALSE(legendNames(plot).contains(ownShown)) << "built on the UI thread";
    ASSERT_TRUE(test::spinUntil([&] { return legendNames(plot).contains(ownShown); })) << "the own lines never came";
    plot.replot(QCustomPlot::rpImmediateRefresh);
    const auto own = ownLine(plot, 0)->data();
    ASSERT_GT(own->size(), 100);
    EXPECT_NEAR(own->at(own->size() / 2)->value, 50.0, 0.5);
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
    EXPECT_TRUE(systemLine(plot, 1));
    EXPECT_TRUE(legendNames(plot).contains(QStringLiteral("average")));
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
    EXPECT_EQ(plot.coreCount(), 2);
    EXPECT_TRUE(legendNames(plot).contains(QStringLiteral("average")));
    EXPECT_EQ(plot.yAxis->label(), QStringLiteral("CPU (%)"));
    EXPECT_EQ(plot.yAxis->range(), QCPRange(-4.0, 106.0));
}

} // namespace
} // namespace conlab
