#include "ui/plots/timelineplot.h"

#include "core/trace/lanelabel.h"
#include "ui/plots/statepalette.h"
#include "ui/timeline/corelanes.h"

#include <QHelpEvent>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace conlab {

namespace {

constexpr int maxLaneLabelPx = 300;
// Lanes the minimum height keeps one label line tall each; more lanes than this are thinned to every k-th label.
constexpr int labelledLanesAtMinimum = 8;
// A lane's label takes its line plus a little air: lanes thinner than this have their labels thinned out.
constexpr double labelSpacingLines = 1.1;
// The lines reserved for a legend of one row, and what it takes besides its own rows (the space down to the lanes).
constexpr double legendLines = 2.5;
constexpr double legendAirLines = 0.9;

// A state's colour and name as the plot draws it, or in the Cores view a worker's (worker >= 0).
class StateLegendItem : public QCPAbstractLegendItem
{
public:
    StateLegendItem(
        QCPLegend* legend, const TimelinePlottable* plottable, TaskState state, bool folded, int worker = -1)
        : QCPAbstractLegendItem(legend)
        , m_plottable(plottable)
        , m_state(state)
        , m_folded(folded)
        , m_worker(worker)
    {
    }

    bool folded() const { return m_folded; }
    QString text() const { return m_text; }
    TaskState state() const { return m_state; }
    int worker() const { return m_worker; }
    void setText(const QString& text) { m_text = text; }

protected:
    void draw(QCPPainter* painter) override
    {
        const QSize icon = mParentLegend->iconSize();
        const QSize text = textSize();
        const int height = std::max(icon.height(), text.height());
        const QRectF iconRect(mRect.left(), mRect.top() + (height - icon.height()) / 2.0, icon.width(), icon.height());
        if (m_worker >= 0)
            m_plottable->drawWorkerSwatch(painter, iconRect, m_worker);
        else
            m_plottable->drawSwatch(painter, iconRect, m_state, m_folded);
        painter->setFont(mFont);
        painter->setPen(mTextColor);
        painter->drawText(
            QRect(mRect.left() + icon.width() + mParentLegend->iconTextPadding(), mRect.top(), text.width(), height),
            Qt::AlignLeft | Qt::AlignVCenter | Qt::TextDontClip, m_text);
    }

    QSize minimumOuterSizeHint() const override
    {
        const QSize icon = mParentLegend->iconSize();
        const QSize text = textSize();
        return QSize(
            icon.width() + mParentLegend->iconTextPadding() + text.width() + mMargins.left() + mMargins.right(),
            std::max(icon.height(), text.height()) + mMargins.top() + mMargins.bottom());
    }

private:
    // The laid-out line (advance width, full line height), as QCustomPlot's own legend items measure it: the ink
    // bounds of the glyphs are tighter, and the item's clip cut descenders and last letters off at 2x and in print.
    QSize textSize() const
    {
        return QFontMetrics(mFont)
            .boundingRect(0, 0, 0, mParentLegend->iconSize().height(), Qt::TextDontClip, m_text)
            .size();
    }

    const TimelinePlottable* m_plottable;
    TaskState m_state;
    bool m_folded;
    int m_worker;
    QString m_text;
};

// Lane names on the value axis, thinned to every k-th lane when the lanes are too dense to label each one.
class LaneTicker : public QCPAxisTicker
{
public:
    LaneTicker(const TimelinePlot* plot, const QCPAxis* axis)
        : m_plot(plot)
        , m_axis(axis)
    {
    }

protected:
    double getTickStep(const QCPRange& range) override
    {
        const double lineHeightPx = QFontMetricsF(m_axis->tickLabelFont()).height();
        const double heightPx = m_plot->laneAreaHeightPx();
        if (heightPx <= 0.0 || range.size() <= 0.0)
            return 1.0;
        const double pxPerLane = heightPx / range.size();
        const double labelPx = lineHeightPx * labelSpacingLines;
        return std::max(1.0, std::ceil(labelPx / pxPerLane));
    }

    int getSubTickCount(double) override { return 0; }

    QVector<double> createTickVector(double tickStep, const QCPRange& range) override
    {
        QVector<double> ticks;
        const int step = std::max(1, int(tickStep));
        const int first = std::max(0, int(std::ceil(range.lower / step)) * step);
        const int last = std::min(m_plot->shownData().laneCount() - 1, int(std::floor(range.upper)));
        for (int lane = first; lane <= last; lane += step)
            ticks.append(lane);
        return ticks;
    }

    QString getTickLabel(double tick, const QLocale&, QChar, int) override
    {
        const auto lane = std::size_t(std::lround(tick));
        const std::vector<LaneInfo>& lanes = m_plot->shownData().lanes();
        if (lane >= lanes.size())
            return {};
        return QFontMetrics(m_axis->tickLabelFont())
            .elidedText(laneLabel(lanes[lane].name), Qt::ElideMiddle, maxLaneLabelPx);
    }

private:
    const TimelinePlot* m_plot;
    const QCPAxis* m_axis;
};

} // namespace

TimelinePlot::TimelinePlot(QWidget* parent)
    : TimeAxisPlot(LegendColumns::FitItems, parent)
{
    setAutoAddPlottableToLegend(false);
    setAntialiasedElements(QCP::aeAxes | QCP::aeLegend | QCP::aeLegendItems);
    setNotAntialiasedElements(QCP::aePlottables | QCP::aeGrid | QCP::aeFills);

    yAxis->setRangeReversed(true); // lane 0 on top
    yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new LaneTicker(this, yAxis)));
    yAxis->setSubTicks(false);
    yAxis->grid()->setVisible(false);

    m_plottable = new TimelinePlottable(xAxis, yAxis, &m_data);
    m_cores = coresOfLiveRun();

    fillLegend();

    applyTheme();
    TimelinePlot::retranslateUi();
    layOutLanes();
}

void TimelinePlot::retranslateUi()
{
    TimeAxisPlot::retranslateUi();
    m_plottable->setName(tr("tasks"));
    nameLegendItems();
}

void TimelinePlot::nameLegendItems()
{
    const std::vector<LaneInfo>& workers = m_data.workers();
    for (int i = 0; i < legend->itemCount(); ++i) {
        auto* item = dynamic_cast<StateLegendItem*>(legend->item(i));
        if (!item)
            continue;
        if (item->folded())
            item->setText(tr("many short segments: zoom in"));
        else if (item->worker() >= 0 && std::size_t(item->worker()) < workers.size())
            item->setText(laneLabel(workers[std::size_t(item->worker())].name));
        else
            item->setText(stateLegendText(item->state()));
    }
}

void TimelinePlot::fillLegend()
{
    legend->clearItems();
    if (m_coresView) {
        // A worker's colour is its lane index's, as the bars take it; the GIL lane holds no core.
        const std::vector<LaneInfo>& workers = m_data.workers();
        for (std::size_t i = 0; i < workers.size(); ++i) {
            if (workers[i].kind != LaneKind::Gil)
                legend->addItem(new StateLegendItem(legend, m_plottable, TaskState::Running, false, int(i)));
        }
    } else {
        for (TaskState state : allTaskStates)
            legend->addItem(new StateLegendItem(legend, m_plottable, state, false));
    }
    legend->addItem(new StateLegendItem(legend, m_plottable, TaskState::StartingUp, true));
    nameLegendItems();
    m_legendPx = 0;
    updateGeometry();
}

void TimelinePlot::setCoresView(bool on)
{
    if (on == m_coresView)
        return;
    m_coresView = on;
    rebuildCoreLanes();
    m_plottable->setData(&shownData());
    fillLegend();
    layOutLanes();
    emit lanesAdded();
}

void TimelinePlot::rebuildCoreLanes()
{
    if (m_coresView)
        m_coreData.assignCores(m_data, m_cores);
    else
        m_coreData.reset({});
}

void TimelinePlot::applyTheme()
{
    TimeAxisPlot::applyTheme();
    // Lane names label bars, not values: no ticks.
    yAxis->setTickLength(0, 0);
    m_plottable->setTheme(theme());
    updateGeometry();
}

void TimelinePlot::startRun(const RunStart& start)
{
    m_data.reset(start.lanes, start.originNs);
    m_cores = coresOfLiveRun();
    rebuildCoreLanes();
    if (m_coresView)
        fillLegend();
    layOutLanes();
    restartView();
}

void TimelinePlot::appendBatch(const TraceBatch& batch)
{
    m_data.addFunctionNames(batch.newFunctionNames);
    // An observed program's threads and processes come as it starts them, before any of their segments.
    if (!batch.newLanes.empty()) {
        m_data.addLanes(batch.newLanes);
        if (m_coresView) {
            m_coreData.addLanes(batch.newLanes);
            fillLegend();
        }
        layOutLanes();
        emit lanesAdded();
    }
    if (batch.segments.empty())
        return;
    m_data.append(batch.segments);
    if (m_coresView) {
        const int cores = m_coreData.laneCount();
        m_coreData.append(batch.segments);
        // A core the run was not expected to use (the affinity changed under it) gets its lane as it shows up.
        if (m_coreData.laneCount() != cores) {
            layOutLanes();
            emit lanesAdded();
        }
    }
    markDirty();
}

void TimelinePlot::showTrace(const Trace& trace)
{
    m_data.assign(trace);
    m_cores = coresOfTrace(trace.cores);
    showAssigned();
}

void TimelinePlot::showTrace(std::shared_ptr<const Trace> trace)
{
    const int cores = trace ? trace->cores : 0;
    m_data.assign(std::move(trace));
    m_cores = coresOfTrace(cores);
    showAssigned();
}

void TimelinePlot::showAssigned()
{
    rebuildCoreLanes();
    if (m_coresView)
        fillLegend();
    layOutLanes();
    resetZoom();
}

void TimelinePlot::keepFinishedTrace(std::shared_ptr<const Trace> trace)
{
    // The core lanes already hold the same running segments, taken from the batches.
    m_data.assign(std::move(trace));
    markDirty();
}

QStringList TimelinePlot::legendTexts() const
{
    QStringList texts;
    for (int i = 0; i < legend->itemCount(); ++i) {
        if (const auto* item = dynamic_cast<const StateLegendItem*>(legend->item(i)))
            texts << item->text();
    }
    return texts;
}

TimelinePlottable::Hit TimelinePlot::hitAt(const QPointF& pos) const
{
    if (!axisRect()->rect().contains(pos.toPoint()))
        return {};
    return m_plottable->hitTest(pos, selectionTolerance());
}

QString TimelinePlot::toolTipAt(const QPointF& pos) const
{
    const TimelinePlottable::Hit hit = hitAt(pos);
    if (!hit.segment)
        return {};
    const Segment& segment = *hit.segment;
    const TimelineData& shown = shownData();
    const QString lane = laneLabel(shown.lanes()[std::size_t(hit.lane)].name);
    const QString start = QString::number(nsToSeconds(segment.beginNs, m_data.originNs()) * 1e3, 'f', 3);
    const QString duration = QString::number(double(segment.durationNs()) * 1e-6, 'f', 3);
    const QString taskName = m_data.hasTaskNames() ? m_data.taskName(segment.task) : QString();
    // An observed Python thread's function, where it is known: a line of its own, in both views.
    const QString functionName = m_data.functionName(segment);
    const QString function
        = functionName.isEmpty() ? QString() : QLatin1Char('\n') + tr("Function: %1").arg(functionName);
    if (m_coresView) {
        // Which worker held the core, and for what.
        const std::vector<LaneInfo>& workers = m_data.workers();
        const QString worker = segment.lane < workers.size() ? laneLabel(workers[segment.lane].name) : QString();
        const QString task = !taskName.isEmpty()            ? taskName
            : segment.task >= 0 && !m_data.namesFunctions() ? tr("task %1").arg(segment.task)
                                                            : tr("no task");
        return tr("%1\n%2: %3\nstart %4 ms, duration %5 ms").arg(lane, worker, task, start, duration) + function;
    }
    // Another tool's trace names its slices and knows no cores.
    if (m_data.hasTaskNames()) {
        return tr("%1\n%2: %3\nstart %4 ms, duration %5 ms")
            .arg(lane, taskName.isEmpty() ? tr("no name") : taskName, taskStateLabel(segment.state), start, duration);
    }
    const LaneInfo& info = m_data.lanes()[std::size_t(hit.lane)];
    // An observed Python thread's task is its function, shown on the line below.
    const bool functions = m_data.namesFunctions() && info.kind != LaneKind::Gil;
    QString task = segment.task >= 0 && !functions ? tr("task %1").arg(segment.task) : tr("no task");
    // A GIL lane's segments name their holder by its lane.
    if (const int holder = m_data.rowOfLane(segment.task); info.kind == LaneKind::Gil && holder >= 0)
        task = tr("held by %1").arg(laneLabel(m_data.lanes()[std::size_t(holder)].name));
    const QString core = segment.core >= 0 ? tr("cpu%1").arg(segment.core) : tr("unknown");
    return tr("%1\n%2: %3\nstart %4 ms, duration %5 ms\ncore: %6")
               .arg(lane, task, taskStateLabel(segment.state), start, duration, core)
        + function;
}

bool TimelinePlot::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return TimeAxisPlot::event(event);
}

void TimelinePlot::layOutLanes()
{
    const int lanes = std::max(1, shownData().laneCount());
    yAxis->setRange(-0.5, lanes - 0.5);
    markDirty();
    // The minimum height follows the lane count.
    updateGeometry();
}

void TimelinePlot::updateLayout()
{
    // Ticks are made before the layout of the same replot, when the axis rect may still have the size of another
    // export or of the widget before a resize: they are first thinned for an estimate of the lanes' height, then made
    // again for the height the layout gave them, so that the labels drawn never overlap.
    m_laidOutLanesPx.reset();
    TimeAxisPlot::updateLayout();
    m_laidOutLanesPx = axisRect()->height();
    axisRect()->update(QCPLayoutElement::upPreparation);
    // The legend has now wrapped for this width: as many rows as that needs count against the minimum height, so
    // a narrow window (or a small multiple) keeps room for its lanes under the legend instead of drawing it outside.
    // An export lays the plot out at the picture's size: that says nothing of the widget's.
    if (!m_legendRowsInMinimum || viewport().size() != size())
        return;
    const int legendPx = legendShown() ? legend->minimumOuterSizeHint().height() : 0;
    if (legendPx != m_legendPx) {
        m_legendPx = legendPx;
        updateGeometry();
    }
}

double TimelinePlot::laneAreaHeightPx() const
{
    if (m_laidOutLanesPx)
        return *m_laidOutLanesPx;
    const double lineHeightPx = QFontMetricsF(yAxis->tickLabelFont()).height();
    return viewport().height() - reservedLabelLines() * lineHeightPx;
}

void TimelinePlot::setLegendRowsInMinimum(bool on)
{
    m_legendRowsInMinimum = on;
    m_legendPx = 0;
    updateGeometry();
    markDirty();
}

QSize TimelinePlot::minimumSizeHint() const
{
    // Up to labelledLanesAtMinimum lanes, each at least one label tall (in presenter mode's fonts too): a lesson's
    // six slots keep their names on a 768-pixel projector.
    const double lineHeightPx = QFontMetricsF(yAxis->tickLabelFont()).height();
    const int lanes = std::clamp(shownData().laneCount(), 1, labelledLanesAtMinimum);
    const double heightPx = (reservedLabelLines() + lanes * labelSpacingLines) * lineHeightPx;
    return {TimeAxisPlot::minimumSizeHint().width(), int(std::ceil(heightPx))};
}

double TimelinePlot::reservedLabelLines() const
{
    // Roughly the legend row and the time axis, in lines of lane labels: what the viewport spends outside the lanes
    // (about 110 px at the desk's sizes). Measured in the label font, it grows with the theme's fonts. A legend the
    // width wraps into more rows takes them, as last laid out, where setLegendRowsInMinimum() asks for it. A small
    // multiple without a legend or time labels has more of its height for lanes, and a title takes a line.
    double lines = 6.5;
    if (!legendShown())
        lines -= legendLines;
    else if (m_legendPx > 0)
        lines += std::max(
            0.0, m_legendPx / QFontMetricsF(yAxis->tickLabelFont()).height() + legendAirLines - legendLines);
    if (!xAxis->tickLabels())
        lines -= 2.0;
    if (!title().isEmpty())
        lines += 1.3;
    return lines;
}

int TimelinePlot::laneLabelMarginPx() const
{
    const QFontMetrics metrics(yAxis->tickLabelFont());
    int widest = 0;
    for (const LaneInfo& lane : shownData().lanes())
        widest = std::max(widest, std::min(maxLaneLabelPx, metrics.horizontalAdvance(laneLabel(lane.name))));
    // What QCPAxis puts beside its tick labels, plus a little room for rounding in hi-dpi pictures.
    const int needed = widest + yAxis->tickLabelPadding() + yAxis->padding() + yAxis->offset() + 6;
    return std::max(theme().pixels(timeAxisLeftMarginPx), needed);
}

std::optional<TimeRange> TimelinePlot::dataSpan() const
{
    if (m_data.isEmpty())
        return std::nullopt;
    const std::int64_t origin = m_data.originNs();
    return TimeRange {nsToSeconds(m_data.beginNs(), origin), nsToSeconds(m_data.endNs(), origin)};
}

} // namespace conlab
