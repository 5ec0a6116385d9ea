#include "ui/plots/statepalette.h"
#include "ui/plots/timelineplot.h"
#include "ui/timeline/corelanes.h"

#include <QApplication>
#include <QImage>
#include <QMouseEvent>
#include <QSet>
#include <QWheelEvent>
#include <gtest/gtest.h>

namespace conlab {
namespace {

constexpr std::int64_t origin = 7'000'000'000'000LL;
constexpr std::int64_t ms = 1'000'000;

Segment seg(int lane, std::int64_t beginMs, std::int64_t endMs, int task, TaskState state, int core = 0)
{
    Segment s;
    s.lane = std::uint16_t(lane);
    s.beginNs = origin + beginMs * ms;
    s.endNs = origin + endMs * ms;
    s.task = task;
    s.state = state;
    s.core = std::int8_t(core);
    return s;
}

RunStart runStart(int lanes)
{
    RunStart start;
    start.cores = 2;
    start.originNs = origin;
    for (int i = 0; i < lanes; ++i)
        start.lanes.push_back({QStringLiteral("thread %1").arg(i), LaneKind::Thread});
    return start;
}

// Lane i: starting up, then alternating running / waiting for I/O, 100 ms steps; lane 3 blocks the loop.
TraceBatch batch(int lanes, std::int64_t fromMs, std::int64_t toMs)
{
    TraceBatch result;
    for (int lane = 0; lane < lanes; ++lane) {
        for (std::int64_t t = fromMs; t < toMs; t += 100) {
            TaskState state = (t / 100 + lane) % 2 == 0 ? TaskState::Running : TaskState::WaitingIo;
            if (t == 0)
                state = TaskState::StartingUp;
            if (lane == 3 && t == 200)
                state = TaskState::BlockingLoop;
            result.segments.push_back(seg(lane, t, t + 100, int(t / 100), state, lane % 2));
        }
    }
    return result;
}

struct PixelStats
{
    int stateColored = 0; // pixels in exactly one of the state colours: segments, not axes or lane bands
    QSet<QRgb> colors;
};

PixelStats pixelStats(const QImage& image)
{
    QSet<QRgb> stateColors;
    for (TaskState state : allTaskStates)
        stateColors.insert(stateColor(state).rgb());
    PixelStats stats;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb pixel = image.pixel(x, y) | 0xff000000;
            stats.colors.insert(pixel);
            if (stateColors.contains(pixel))
                ++stats.stateColored;
        }
    }
    return stats;
}

void laidOut(TimelinePlot& plot)
{
    plot.resize(1600, 450);
    plot.replot(QCustomPlot::rpImmediateRefresh);
}

void wheel(QWidget* widget, QPointF pos, int steps)
{
    QWheelEvent event(pos, widget->mapToGlobal(pos), QPoint(), QPoint(0, 120 * steps), Qt::NoButton, Qt::NoModifier,
        Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

void mouse(QWidget* widget, QEvent::Type type, QPointF pos, Qt::MouseButton button, Qt::MouseButtons buttons)
{
    QMouseEvent event(type, pos, widget->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
}

TEST(TimelinePlot, DrawsLiveBatchesInStateColours)
{
    TimelinePlot plot;
    plot.startRun(runStart(8));
    const QImage empty = plot.toPixmap(1600, 450).toImage();
    plot.appendBatch(batch(8, 0, 500));
    plot.appendBatch(batch(8, 500, 1000));
    plot.refresh();
    EXPECT_EQ(plot.data().segmentCount(), 80u);

    const QImage image = plot.toPixmap(1600, 450).toImage();
    const PixelStats before = pixelStats(empty);
    const PixelStats stats = pixelStats(image);
    EXPECT_LT(before.stateColored, 1600 * 450 / 100); // the legend's swatches
    EXPECT_GT(stats.stateColored, 1600 * 450 / 4);
    EXPECT_GT(stats.colors.size(), 20);
    for (TaskState state : {TaskState::Running, TaskState::WaitingIo, TaskState::StartingUp, TaskState::BlockingLoop})
        EXPECT_TRUE(stats.colors.contains(stateColor(state).rgb())) << taskStateKey(state).toStdString();
}

TEST(TimelinePlot, AppendingStoresWithoutReplottingAndRefreshReplotsOnce)
{
    TimelinePlot plot;
    plot.startRun(runStart(4));
    QApplication::processEvents();
    int replots = 0;
    QObject::connect(&plot, &QCustomPlot::afterReplot, [&replots] { ++replots; });
    plot.appendBatch(batch(4, 0, 300));
    plot.appendBatch(batch(4, 300, 600));
    QApplication::processEvents();
    EXPECT_EQ(replots, 0);
    plot.refresh();
    plot.refresh();
    QApplication::processEvents();
    EXPECT_EQ(replots, 1);
}

TEST(TimelinePlot, FollowsTheNewestTimeUntilTheUserZooms)
{
    TimelinePlot plot;
    laidOut(plot);
    plot.startRun(runStart(4));
    plot.appendBatch(batch(4, 0, 2000));
    plot.refresh();
    EXPECT_FALSE(plot.userZoomed());
    EXPECT_LE(plot.xAxis->range().lower, 0.0);
    EXPECT_GE(plot.xAxis->range().upper, 2.0);

    wheel(&plot, plot.axisRect()->center(), 2);
    EXPECT_TRUE(plot.userZoomed());
    const QCPRange zoomed = plot.xAxis->range();
    EXPECT_LT(zoomed.size(), 2.0);

    plot.appendBatch(batch(4, 2000, 6000));
    plot.refresh();
    EXPECT_EQ(plot.xAxis->range(), zoomed);

    plot.resetZoom();
    EXPECT_FALSE(plot.userZoomed());
    EXPECT_GE(plot.xAxis->range().upper, 6.0);
}

TEST(TimelinePlot, WheelZoomChangesTimeOnlyAndAnnouncesIt)
{
    TimelinePlot plot;
    plot.startRun(runStart(8));
    plot.appendBatch(batch(8, 0, 1000));
    plot.resetZoom();
    laidOut(plot);
    const QCPRange lanes = plot.yAxis->range();
    std::vector<std::pair<double, double>> announced;
    QObject::connect(&plot, &TimelinePlot::timeRangeChanged,
        [&announced](double begin, double end) { announced.emplace_back(begin, end); });

    wheel(&plot, plot.axisRect()->center(), 1);
    EXPECT_TRUE(plot.userZoomed());
    ASSERT_EQ(announced.size(), 1u);
    EXPECT_DOUBLE_EQ(announced.back().first, plot.xAxis->range().lower);
    EXPECT_DOUBLE_EQ(announced.back().second, plot.xAxis->range().upper);
    EXPECT_EQ(plot.yAxis->range(), lanes);
}

TEST(TimelinePlot, RightDragZoomsToTheDraggedRange)
{
    TimelinePlot plot;
    plot.startRun(runStart(8));
    plot.appendBatch(batch(8, 0, 1000));
    plot.resetZoom();
    laidOut(plot);
    const QCPRange lanes = plot.yAxis->range();
    const QRect rect = plot.axisRect()->rect();
    const double x0 = plot.xAxis->coordToPixel(0.2);
    const double x1 = plot.xAxis->coordToPixel(0.4);
    const double y = rect.center().y();
    // Mouse positions are whole pixels, and a QRect spans both corner pixels.
    const double tolerance = 3 * plot.xAxis->range().size() / rect.width();

    mouse(&plot, QEvent::MouseButtonPress, QPointF(x0, y), Qt::RightButton, Qt::RightButton);
    mouse(&plot, QEvent::MouseMove, QPointF(x1, y + 30), Qt::NoButton, Qt::RightButton);
    mouse(&plot, QEvent::MouseButtonRelease, QPointF(x1, y + 30), Qt::RightButton, Qt::NoButton);

    EXPECT_TRUE(plot.userZoomed());
    EXPECT_NEAR(plot.xAxis->range().lower, 0.2, tolerance);
    EXPECT_NEAR(plot.xAxis->range().upper, 0.4, tolerance);
    EXPECT_EQ(plot.yAxis->range(), lanes);
}

TEST(TimelinePlot, LeftDragPansTime)
{
    TimelinePlot plot;
    plot.startRun(runStart(8));
    plot.appendBatch(batch(8, 0, 1000));
    plot.resetZoom();
    laidOut(plot);
    const QCPRange before = plot.xAxis->range();
    const QPointF from = plot.axisRect()->center();
    mouse(&plot, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    mouse(&plot, QEvent::MouseMove, from + QPointF(-200, 0), Qt::NoButton, Qt::LeftButton);
    mouse(&plot, QEvent::MouseButtonRelease, from + QPointF(-200, 0), Qt::LeftButton, Qt::NoButton);
    EXPECT_TRUE(plot.userZoomed());
    EXPECT_GT(plot.xAxis->range().lower, before.lower);
    EXPECT_NEAR(plot.xAxis->range().size(), before.size(), 1e-9);
}

TEST(TimelinePlot, HoverFindsTheSegmentAndDescribesIt)
{
    TimelinePlot plot;
    plot.startRun(runStart(8));
    plot.appendBatch(batch(8, 0, 1000));
    plot.resetZoom();
    laidOut(plot);

    // Lane 5, 350 ms: the segment of task 3 that begins at 300 ms.
    const QPointF pos(plot.xAxis->coordToPixel(0.35), plot.yAxis->coordToPixel(5));
    const TimelinePlottable::Hit hit = plot.hitAt(pos);
    ASSERT_NE(hit.segment, nullptr);
    EXPECT_EQ(hit.lane, 5);
    EXPECT_EQ(hit.segment->task, 3);
    EXPECT_EQ(hit.segment->beginNs, origin + 300 * ms);
    EXPECT_DOUBLE_EQ(hit.distancePx, 0.0);

    const QString text = plot.toolTipAt(pos);
    EXPECT_TRUE(text.contains(QStringLiteral("thread 5"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("task 3"))) << text.toStdString();
    EXPECT_TRUE(text.contains(taskStateLabel(TaskState::Running))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("300.000 ms"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("100.000 ms"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("cpu1"))) << text.toStdString();

    // The gap between two lanes' bars, and outside the plot, have nothing to describe.
    EXPECT_EQ(plot.hitAt(QPointF(pos.x(), plot.yAxis->coordToPixel(5.5))).segment, nullptr);
    EXPECT_TRUE(plot.toolTipAt(QPointF(2, 2)).isEmpty());
}

// Another tool's slices have names and no cores: the tooltip says the name.
TEST(TimelinePlot, HoverNamesTheSlicesOfAnImportedTrace)
{
    Trace trace;
    trace.originNs = origin;
    trace.lanes = {{QStringLiteral("Renderer / main"), LaneKind::Thread}};
    trace.segments = {seg(0, 0, 400, 1, TaskState::WaitingIo, -1), seg(0, 400, 1000, 0, TaskState::Running, -1)};
    trace.taskNames = {QStringLiteral("compute"), QStringLiteral("read file")};
    TimelinePlot plot;
    plot.showTrace(trace);
    laidOut(plot);
    const QString text = plot.toolTipAt(QPointF(plot.xAxis->coordToPixel(0.2), plot.yAxis->coordToPixel(0)));
    EXPECT_TRUE(text.contains(QStringLiteral("Renderer / main"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("read file"))) << text.toStdString();
    EXPECT_TRUE(text.contains(taskStateLabel(TaskState::WaitingIo))) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("task 1"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("core"))) << text.toStdString();
    EXPECT_TRUE(plot.toolTipAt(QPointF(plot.xAxis->coordToPixel(0.7), plot.yAxis->coordToPixel(0)))
                    .contains(QStringLiteral("compute")));

    // A run of conlab's afterwards numbers its tasks again.
    plot.startRun(runStart(1));
    EXPECT_FALSE(plot.data().hasTaskNames());
}

// An observed Python run: a thread's segment names the function it ran, in the lanes and in the Cores view; the GIL
// lane's task stays its holder.
TEST(TimelinePlot, HoverNamesThePythonFunctionOfAThread)
{
    Trace trace;
    trace.originNs = origin;
    trace.cores = 2;
    trace.lanes = {{QStringLiteral("alpha"), LaneKind::Thread}, {QStringLiteral("GIL"), LaneKind::Gil}};
    trace.functionNames = {QStringLiteral("spin_beta (demo.py:7)"), QStringLiteral("spin_alpha (demo.py:3)")};
    trace.segments = {seg(0, 0, 400, 1, TaskState::Running, 1), seg(0, 400, 1000, -1, TaskState::Running, 1),
        seg(1, 0, 400, 0, TaskState::Running, 1)};
    TimelinePlot plot;
    plot.showTrace(trace);
    laidOut(plot);
    const QString text = plot.toolTipAt(QPointF(plot.xAxis->coordToPixel(0.2), plot.yAxis->coordToPixel(0)));
    EXPECT_TRUE(text.endsWith(QStringLiteral("\nFunction: spin_alpha (demo.py:3)"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("task 1"))) << text.toStdString();
    const QString unknown = plot.toolTipAt(QPointF(plot.xAxis->coordToPixel(0.7), plot.yAxis->coordToPixel(0)));
    EXPECT_FALSE(unknown.isEmpty());
    EXPECT_FALSE(unknown.contains(QStringLiteral("Function"))) << unknown.toStdString();
    const QString gil = plot.toolTipAt(QPointF(plot.xAxis->coordToPixel(0.2), plot.yAxis->coordToPixel(1)));
    EXPECT_TRUE(gil.contains(QStringLiteral("held by alpha"))) << gil.toStdString();
    EXPECT_FALSE(gil.contains(QStringLiteral("Function"))) << gil.toStdString();

    plot.setCoresView(true);
    laidOut(plot);
    const int row = plot.shownData().laneCount() - 1; // core 1
    const QString core = plot.toolTipAt(QPointF(plot.xAxis->coordToPixel(0.2), plot.yAxis->coordToPixel(row)));
    EXPECT_TRUE(core.contains(QStringLiteral("Function: spin_alpha (demo.py:3)"))) << core.toStdString();
}

TEST(TimelinePlot, SetTimeRangeAppliesWithoutEmittingBack)
{
    TimelinePlot plot;
    plot.startRun(runStart(2));
    int announced = 0;
    QObject::connect(&plot, &TimelinePlot::timeRangeChanged, [&announced] { ++announced; });
    plot.setTimeRange(0.25, 0.75);
    EXPECT_EQ(announced, 0);
    EXPECT_DOUBLE_EQ(plot.xAxis->range().lower, 0.25);
    EXPECT_DOUBLE_EQ(plot.xAxis->range().upper, 0.75);
    // A range chosen elsewhere (not by a following partner) pins this view too.
    EXPECT_TRUE(plot.userZoomed());
}

TEST(TimelinePlot, LinkedPlotsShareOneRangeWithoutLooping)
{
    TimelinePlot a;
    TimelinePlot b;
    QObject::connect(&a, &TimelinePlot::timeRangeChanged, &b, &TimelinePlot::setTimeRange);
    QObject::connect(&b, &TimelinePlot::timeRangeChanged, &a, &TimelinePlot::setTimeRange);
    laidOut(a);
    laidOut(b);
    a.startRun(runStart(2));
    b.startRun(runStart(2));
    a.appendBatch(batch(2, 0, 3000));
    b.appendBatch(batch(2, 0, 2000));
    a.refresh();
    b.refresh();
    // Following partners keep following each other: one shared range that covers both.
    EXPECT_FALSE(a.userZoomed());
    EXPECT_FALSE(b.userZoomed());
    EXPECT_EQ(a.xAxis->range(), b.xAxis->range());
    EXPECT_GE(a.xAxis->range().upper, 3.0);

    wheel(&b, b.axisRect()->center(), 2);
    EXPECT_TRUE(b.userZoomed());
    EXPECT_TRUE(a.userZoomed());
    EXPECT_EQ(a.xAxis->range(), b.xAxis->range());
    a.appendBatch(batch(2, 3000, 5000));
    a.refresh();
    b.refresh();
    EXPECT_EQ(a.xAxis->range(), b.xAxis->range());
    EXPECT_LT(a.xAxis->range().upper, 5.0);

    // Resetting either one puts both back to following.
    a.resetZoom();
    EXPECT_FALSE(a.userZoomed());
    EXPECT_FALSE(b.userZoomed());
    EXPECT_EQ(a.xAxis->range(), b.xAxis->range());
    EXPECT_GE(b.xAxis->range().upper, 5.0);
}

TEST(TimelinePlot, ShowTraceFitsTheWholeRun)
{
    Trace trace;
    trace.originNs = origin;
    trace.cores = 2;
    trace.lanes = runStart(8).lanes;
    trace.segments = batch(8, 0, 4000).segments;
    std::reverse(trace.segments.begin(), trace.segments.end());

    TimelinePlot plot;
    plot.startRun(runStart(8));
    plot.setTimeRange(1.0, 1.5);
    plot.showTrace(trace);
    EXPECT_FALSE(plot.userZoomed());
    EXPECT_EQ(plot.data().segmentCount(), trace.segments.size());
    EXPECT_LE(plot.xAxis->range().lower, 0.0);
    EXPECT_GE(plot.xAxis->range().upper, 4.0);
    EXPECT_LT(plot.xAxis->range().upper, 4.2);
    const PixelStats stats = pixelStats(plot.toPixmap(1600, 450).toImage());
    EXPECT_TRUE(stats.colors.contains(stateColor(TaskState::WaitingIo).rgb()));
}

// The Cores view: a lane per core of the run, each bar the running segment of the worker that held the core,
// coloured by worker, and a hover naming core, worker, task and duration.
TEST(TimelinePlot, TheCoresViewShowsALanePerCoreWithBarsColouredByWorker)
{
    Trace trace;
    trace.originNs = origin;
    trace.cores = 3;
    trace.lanes = runStart(2).lanes;
    trace.segments = {seg(0, 0, 400, 1, TaskState::Running, 0), seg(0, 400, 600, 1, TaskState::WaitingIo, -1),
        seg(0, 600, 1000, 2, TaskState::Running, 1), seg(1, 0, 500, 3, TaskState::Running, 1),
        seg(1, 500, 1000, 4, TaskState::Running, 0)};
    TimelinePlot plot;
    plot.showTrace(trace);
    laidOut(plot);
    const QImage lanes = plot.toPixmap(1600, 450).toImage();

    plot.setCoresView(true);
    laidOut(plot);
    ASSERT_EQ(plot.shownData().laneCount(), 3) << "one lane per core; core 2 stays idle";
    EXPECT_EQ(plot.data().laneCount(), 2) << "the run by lane is unchanged";
    EXPECT_EQ(plot.legendTexts(),
        (QStringList {
            QStringLiteral("thread 0"), QStringLiteral("thread 1"), QStringLiteral("many short segments: zoom in")}));

    // Core 1 at 300 ms: thread 1's task 3.
    const QString text = plot.toolTipAt(QPointF(plot.xAxis->coordToPixel(0.3), plot.yAxis->coordToPixel(1)));
    EXPECT_TRUE(text.contains(QStringLiteral("Core 1"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("thread 1"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("task 3"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("500.000 ms"))) << text.toStdString();
    // Core 0 while thread 0 waited for I/O and before thread 1 came: idle, nothing to describe.
    EXPECT_TRUE(plot.toolTipAt(QPointF(plot.xAxis->coordToPixel(0.45), plot.yAxis->coordToPixel(0))).isEmpty());
    EXPECT_TRUE(plot.toolTipAt(QPointF(plot.xAxis->coordToPixel(0.5), plot.yAxis->coordToPixel(2))).isEmpty());

    const QImage cores = plot.toPixmap(1600, 450).toImage();
    const auto count = [](const QImage& image, const QColor& colour) {
        int n = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                n += (image.pixel(x, y) | 0xff000000) == colour.rgb();
        }
        return n;
    };
    for (int worker : {0, 1})
        EXPECT_GT(count(cores, workerColor(worker)), 1600 * 450 / 20) << "worker " << worker;
    EXPECT_GT(count(lanes, stateColor(TaskState::Running)), 1600 * 450 / 20);
    EXPECT_LT(count(cores, stateColor(TaskState::Running)), 1600 * 450 / 100) << "no state colours by core";

    plot.setCoresView(false);
    EXPECT_EQ(plot.shownData().laneCount(), 2);
    EXPECT_TRUE(plot.legendTexts().contains(taskStateLabel(TaskState::WaitingIo)));
}

// Live: batches that come while the Cores view is on go on the core lanes too, and a core nobody expected gets one.
TEST(TimelinePlot, TheCoresViewFollowsALiveRun)
{
    TimelinePlot plot;
    plot.setCoresView(true);
    plot.startRun(runStart(4));
    const int cores = plot.shownData().laneCount();
    EXPECT_GE(cores, 1);
    plot.appendBatch(batch(4, 0, 500));
    EXPECT_GT(plot.shownData().segmentCount(), 0u);
    const int seen = plot.shownData().laneCount();
    EXPECT_GE(seen, std::max(cores, 2)) << "the batch ran on cores 0 and 1";
    TraceBatch far;
    far.segments = {seg(0, 500, 600, 9, TaskState::Running, 100)};
    plot.appendBatch(far);
    EXPECT_EQ(plot.shownData().coreOfRow(plot.shownData().laneCount() - 1), 100);
    EXPECT_EQ(plot.shownData().laneCount(), seen + 1);
}

TEST(TimelinePlot, DrawsAMillionSegmentsFolded)
{
    constexpr int lanes = 64;
    RunStart start = runStart(lanes);
    TimelinePlot plot;
    plot.startRun(start);
    TraceBatch big;
    big.segments.reserve(1'000'000);
    for (int i = 0; i < 1'000'000; ++i) {
        const int lane = i % lanes;
        const std::int64_t step = i / lanes;
        Segment s;
        s.lane = std::uint16_t(lane);
        s.beginNs = origin + step * 200'000;
        s.endNs = s.beginNs + 150'000;
        s.state = step % 4 == 0 ? TaskState::WaitingIo : TaskState::Running;
        s.core = std::int8_t(lane % 2);
        big.segments.push_back(s);
    }
    plot.appendBatch(big);
    plot.resetZoom();
    const PixelStats stats = pixelStats(plot.toPixmap(1600, 900).toImage());
    EXPECT_TRUE(stats.colors.contains(stateColor(TaskState::Running).rgb()));
    EXPECT_GT(stats.stateColored, 1600 * 900 / 4);

    // By core the same million go on two lanes; 32 workers at once on one core is more than a core can run, so each
    // core keeps one of them per step.
    plot.setCoresView(true);
    EXPECT_EQ(plot.shownData().laneCount(), std::max(2, int(coresOfLiveRun().size())));
    EXPECT_GT(plot.shownData().segmentCount(), 20'000u);
    const QImage cores = plot.toPixmap(1600, 900).toImage();
    int workerColoured = 0;
    for (int y = 0; y < cores.height(); ++y) {
        for (int x = 0; x < cores.width(); ++x)
            workerColoured += (cores.pixel(x, y) | 0xff000000) == workerColor(0).rgb();
    }
    EXPECT_GT(workerColoured, 1600 * 900 / 20);
}

} // namespace
} // namespace conlab
