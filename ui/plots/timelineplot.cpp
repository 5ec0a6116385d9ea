#include "timelineplot.h"

#include "statepalette.h"

#include <QHelpEvent>
#include <QScopedValueRollback>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace conlab {

namespace {

// Before the first segment arrives a live view shows half a second, so the first segments appear at a
// readable width instead of filling the plot.
constexpr double emptySpanSec = 0.5;
constexpr double minimumFitSec = 1e-3;
// Deeper than this, nanosecond timestamps stop meaning anything on screen.
constexpr double minimumZoomSec = 1e-7;
constexpr int rubberBandMinPx = 4;

QFont withPointSize(QFont font, double pointSize)
{
    font.setPointSizeF(pointSize);
    return font;
}

// A state's colour and name as the plot draws it.
class StateLegendItem : public QCPAbstractLegendItem
{
public:
    StateLegendItem(QCPLegend* legend, TaskState state, bool folded, QString text)
        : QCPAbstractLegendItem(legend)
        , m_state(state)
        , m_folded(folded)
        , m_text(std::move(text))
    {
    }

protected:
    void draw(QCPPainter* painter) override
    {
        const QSize icon = mParentLegend->iconSize();
        const int padding = mParentLegend->iconTextPadding();
        const QRect textRect = QFontMetrics(mFont).boundingRect(m_text);
        const int height = std::max(icon.height(), textRect.height());
        const QRectF iconRect(mRect.left(), mRect.top() + (height - icon.height()) / 2.0, icon.width(), icon.height());
        TimelinePlottable::drawSwatch(painter, iconRect, m_state, m_folded);
        painter->setFont(mFont);
        painter->setPen(mTextColor);
        painter->drawText(QRect(mRect.left() + icon.width() + padding, mRect.top(), textRect.width(), height),
            Qt::AlignLeft | Qt::AlignVCenter | Qt::TextDontClip, m_text);
    }

    QSize minimumOuterSizeHint() const override
    {
        const QSize icon = mParentLegend->iconSize();
        const QRect textRect = QFontMetrics(mFont).boundingRect(m_text);
        return QSize(
            icon.width() + mParentLegend->iconTextPadding() + textRect.width() + mMargins.left() + mMargins.right(),
            std::max(icon.height(), textRect.height()) + mMargins.top() + mMargins.bottom());
    }

private:
    TaskState m_state;
    bool m_folded;
    QString m_text;
};

// A legend laid out as rows above the plot, wrapping to as many columns as the export or widget width allows.
class RowLegend : public QCPLegend
{
public:
    void update(UpdatePhase phase) override
    {
        if (phase == upPreparation && mParentPlot)
            fitColumns(mParentPlot->viewport().width() - mMargins.left() - mMargins.right());
        QCPLegend::update(phase);
    }

private:
    void fitColumns(int available)
    {
        // Cells past the last item of a wrapped grid are empty.
        std::vector<int> widths;
        for (int i = 0; i < elementCount(); ++i) {
            if (const QCPLayoutElement* cell = elementAt(i))
                widths.push_back(cell->minimumOuterSizeHint().width());
        }
        const auto rowWidth = [&](int columns) {
            std::vector<int> columnWidths(std::size_t(columns), 0);
            for (std::size_t i = 0; i < widths.size(); ++i) {
                int& width = columnWidths[i % std::size_t(columns)];
                width = std::max(width, widths[i]);
            }
            int total = columnSpacing() * (columns - 1);
            for (int width : columnWidths)
                total += width;
            return total;
        };
        // The fewest rows that fit, with the items shared evenly between them (4 + 4 rather than 7 + 1).
        const int count = std::max(1, int(widths.size()));
        int columns = count;
        for (int rows = 1; rows <= count; ++rows) {
            columns = (count + rows - 1) / rows;
            if (rowWidth(columns) <= available)
                break;
        }
        if (columns != wrap()) {
            setWrap(columns);
            setFillOrder(foColumnsFirst, true);
        }
    }
};

// Lane names on the value axis, thinned to every k-th lane when the lanes are too dense to label each one.
class LaneTicker : public QCPAxisTicker
{
    // Roughly the legend row and the time axis: what the viewport spends outside the lanes.
    static constexpr double reservedHeightPx = 110.0;

public:
    LaneTicker(const TimelineData* data, const QCPAxis* axis)
        : m_data(data)
        , m_axis(axis)
    {
    }

protected:
    double getTickStep(const QCPRange& range) override
    {
        // Ticks are generated before the layout of the same replot, so the axis rect may still have the size of
        // another export or of the widget before a resize; the viewport is already right.
        const QCustomPlot* plot = m_axis->parentPlot();
        const double heightPx = plot ? plot->viewport().height() - reservedHeightPx : 0.0;
        if (heightPx <= 0.0 || range.size() <= 0.0)
            return 1.0;
        const double pxPerLane = heightPx / range.size();
        const double labelPx = QFontMetricsF(m_axis->tickLabelFont()).height() * 1.1;
        return std::max(1.0, std::ceil(labelPx / pxPerLane));
    }

    int getSubTickCount(double) override { return 0; }

    QVector<double> createTickVector(double tickStep, const QCPRange& range) override
    {
        QVector<double> ticks;
        const int step = std::max(1, int(tickStep));
        const int first = std::max(0, int(std::ceil(range.lower / step)) * step);
        const int last = std::min(m_data->laneCount() - 1, int(std::floor(range.upper)));
        for (int lane = first; lane <= last; lane += step)
            ticks.append(lane);
        return ticks;
    }

    QString getTickLabel(double tick, const QLocale&, QChar, int) override
    {
        const auto lane = std::size_t(std::lround(tick));
        return lane < m_data->lanes().size() ? m_data->lanes()[lane].name : QString();
    }

private:
    const TimelineData* m_data;
    const QCPAxis* m_axis;
};

} // namespace

TimelinePlot::TimelinePlot(QWidget* parent)
    : QCustomPlot(parent)
    , m_plottable(nullptr)
{
    setAutoAddPlottableToLegend(false);
    setAntialiasedElements(QCP::aeAxes | QCP::aeLegend | QCP::aeLegendItems);
    setNotAntialiasedElements(QCP::aePlottables | QCP::aeGrid | QCP::aeFills);

    const QFont tickFont = withPointSize(font(), 11);
    const QFont labelFont = withPointSize(font(), 12);

    xAxis->setLabel(tr("time (s)"));
    xAxis->setLabelFont(labelFont);
    xAxis->setTickLabelFont(tickFont);
    xAxis->grid()->setPen(QPen(QColor(0, 0, 0, 40), 0, Qt::DotLine));

    yAxis->setRangeReversed(true); // lane 0 on top
    yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new LaneTicker(&m_data, yAxis)));
    yAxis->setTickLabelFont(tickFont);
    yAxis->setTickLength(0, 0);
    yAxis->setSubTicks(false);
    yAxis->grid()->setVisible(false);

    // Time is the only axis a user zooms or pans; the lanes stay where they are.
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    axisRect()->setRangeDrag(Qt::Horizontal);
    axisRect()->setRangeZoom(Qt::Horizontal);
    axisRect()->setRangeDragAxes(xAxis, nullptr);
    axisRect()->setRangeZoomAxes(xAxis, nullptr);
    axisRect()->setRangeZoomFactor(0.85);
    axisRect()->setMinimumMargins(QMargins(timeAxisLeftMarginPx, 8, 0, 0));
    selectionRect()->setBrush(QColor(0, 114, 178, 40));
    selectionRect()->setPen(QPen(QColor(0, 114, 178), 1, Qt::DashLine));

    // The state legend is a row above the plot, not an inset that would hide segments.
    axisRect()->insetLayout()->remove(legend);
    legend = new RowLegend;
    auto* legendRow = new QCPLayoutGrid;
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, legendRow);
    plotLayout()->setRowStretchFactor(0, 0.001);
    // Left-aligned at its natural width: an empty element to its right takes the rest of the row.
    legendRow->addElement(0, 0, legend);
    legendRow->addElement(0, 1, new QCPLayoutElement);
    legendRow->setColumnStretchFactor(0, 0.001);
    legendRow->setColumnSpacing(0);
    legend->setLayer(QStringLiteral("legend"));
    legend->setVisible(true);
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    legend->setFont(withPointSize(font(), 11));
    legend->setIconSize(28, 14);
    legend->setColumnSpacing(22);
    legend->setRowSpacing(4);
    legend->setMargins(QMargins(10, 6, 10, 4));
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    for (TaskState state : allTaskStates)
        legend->addItem(new StateLegendItem(legend, state, false, stateLegendText(state)));
    legend->addItem(new StateLegendItem(legend, TaskState::StartingUp, true, tr("many short segments: zoom in")));

    m_plottable = new TimelinePlottable(xAxis, yAxis, &m_data);
    m_plottable->setName(tr("tasks"));

    connect(xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, &TimelinePlot::onRangeChanged);

    layOutLanes();
    applyRange({0.0, emptySpanSec}, false);
}

void TimelinePlot::startRun(const RunStart& start)
{
    m_data.reset(start.lanes, start.originNs);
    m_userZoomed = false;
    layOutLanes();
    applyRange({0.0, emptySpanSec}, true);
    replot(rpQueuedReplot);
    m_dirty = false;
}

void TimelinePlot::appendBatch(const TraceBatch& batch)
{
    if (batch.segments.empty())
        return;
    m_data.append(batch.segments);
    m_dirty = true;
}

void TimelinePlot::showTrace(const Trace& trace)
{
    m_data.assign(trace);
    layOutLanes();
    resetZoom();
}

void TimelinePlot::refresh()
{
    if (!m_userZoomed) {
        const QCPRange shown = xAxis->range();
        const TimeRange current {shown.lower, shown.upper};
        const TimeRange next = followRange(current, newestSec(), m_followWindowSec);
        if (!(next == current))
            applyRange(next, true);
    }
    if (m_dirty) {
        m_dirty = false;
        replot(rpQueuedReplot);
    }
}

void TimelinePlot::resetZoom()
{
    m_userZoomed = false;
    if (m_data.isEmpty()) {
        applyRange({0.0, emptySpanSec}, true);
    } else {
        const std::int64_t origin = m_data.originNs();
        applyRange(fitRange(nsToSeconds(m_data.beginNs(), origin), newestSec(), minimumFitSec), true);
    }
    replot(rpQueuedReplot);
    m_dirty = false;
}

void TimelinePlot::setTimeRange(double beginSec, double endSec)
{
    if (!(endSec > beginSec) || !std::isfinite(beginSec) || !std::isfinite(endSec))
        return;
    // Linked plots share one state: a range from a partner that merely follows keeps (or puts) this plot
    // following too, anything else (a zoom over there) pins it.
    const QObject* source = sender();
    m_userZoomed = !(source && source != this && source->property("following").toBool());
    applyRange({beginSec, endSec}, false);
    replot(rpQueuedReplot);
    m_dirty = false;
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
    const QString task = segment.task >= 0 ? tr("task %1").arg(segment.task) : tr("no task");
    const QString start = QString::number(nsToSeconds(segment.beginNs, m_data.originNs()) * 1e3, 'f', 3);
    const QString duration = QString::number(double(segment.durationNs()) * 1e-6, 'f', 3);
    const QString core = segment.core >= 0 ? tr("cpu%1").arg(segment.core) : tr("unknown");
    return tr("%1\n%2: %3\nstart %4 ms, duration %5 ms\ncore: %6")
        .arg(m_data.lanes()[std::size_t(hit.lane)].name, task, taskStateLabel(segment.state), start, duration, core);
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
    return QCustomPlot::event(event);
}

void TimelinePlot::mousePressEvent(QMouseEvent* event)
{
    const bool rubberBand = event->button() == Qt::RightButton
        || (event->button() == Qt::LeftButton && (event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier)));
    setSelectionRectMode(rubberBand ? QCP::srmZoom : QCP::srmNone);
    m_pressX = event->position().x();
    QCustomPlot::mousePressEvent(event);
}

void TimelinePlot::mouseReleaseEvent(QMouseEvent* event)
{
    // A click is not a range: zooming into a sliver of a few pixels would lose the user's place.
    if (selectionRect()->isActive() && std::abs(event->position().x() - m_pressX) < rubberBandMinPx)
        selectionRect()->cancel();
    QCustomPlot::mouseReleaseEvent(event);
}

void TimelinePlot::mouseDoubleClickEvent(QMouseEvent* event)
{
    QCustomPlot::mouseDoubleClickEvent(event);
    resetZoom();
}

void TimelinePlot::layOutLanes()
{
    const int lanes = std::max(1, m_data.laneCount());
    yAxis->setRange(-0.5, lanes - 0.5);
    m_dirty = true;
}

void TimelinePlot::applyRange(TimeRange range, bool announce)
{
    {
        const QScopedValueRollback guard(m_applyingRange, true);
        xAxis->setRange(range.begin, range.end);
    }
    m_dirty = true;
    if (announce)
        emit timeRangeChanged(range.begin, range.end);
}

void TimelinePlot::onRangeChanged(const QCPRange& range)
{
    if (m_applyingRange)
        return;
    // Only wheel, drag and rubber band get here: programmatic changes go through applyRange().
    m_userZoomed = true;
    if (range.size() < minimumZoomSec) {
        const double centre = range.center();
        applyRange({centre - minimumZoomSec / 2, centre + minimumZoomSec / 2}, false);
    }
    const QCPRange shown = xAxis->range();
    emit timeRangeChanged(shown.lower, shown.upper);
}

double TimelinePlot::newestSec() const
{
    return m_data.isEmpty() ? 0.0 : nsToSeconds(m_data.endNs(), m_data.originNs());
}

} // namespace conlab
