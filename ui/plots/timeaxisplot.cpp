#include "ui/plots/timeaxisplot.h"

#include "ui/plots/timeticker.h"

#include <QScopedValueRollback>
#include <algorithm>
#include <cmath>
#include <vector>

namespace conlab {

namespace {

// Before the first data arrive a live view shows half a second, so the first segments and samples appear at a
// readable width instead of filling the plot. Shared, so the linked plots agree on their view limits.
constexpr double emptySpanSec = 0.5;
// Short enough for traces from other tools, which may cover a few microseconds.
constexpr double minimumFitSec = 1e-6;
// Deeper than this, nanosecond timestamps stop meaning anything on screen.
constexpr double minimumZoomSec = 1e-7;
constexpr int rubberBandMinPx = 4;
// The sliding window a long live run is followed with.
constexpr double followWindowSec = 60.0;

// A legend laid out as rows above the plot, wrapping to as many columns as the export or widget width allows.
class RowLegend : public QCPLegend
{
public:
    explicit RowLegend(bool equalColumns)
        : m_equalColumns(equalColumns)
    {
    }

    // Past maxRows rows in the legend's own font, the entries take this smaller one: a compact strip that leaves
    // a narrow plot (presenter mode on a 1024-pixel projector) its height for the lanes. Still past maxRows (an
    // 800-pixel window in Russian, whose state names are long), they take a smaller one again, with smaller swatches
    // closer together. Called after the theme has styled the legend: its swatches and spacing are the full size.
    void setCompactFont(const QFont& font)
    {
        m_compactFont = font;
        m_themeIconSize = iconSize();
        m_themeIconTextPadding = iconTextPadding();
        m_themeColumnSpacing = columnSpacing();
    }

    void update(UpdatePhase phase) override
    {
        if (phase == upPreparation && mParentPlot) {
            const int available = mParentPlot->viewport().width() - mMargins.left() - mMargins.right();
            QFont strip = m_compactFont;
            if (m_compactFont.pointSizeF() > 0)
                strip.setPointSizeF(std::max(minimumStripPointSize, m_compactFont.pointSizeF() * stripScale));
            for (const QFont& candidate : {font(), m_compactFont, strip}) {
                setStrip(candidate == strip && candidate != m_compactFont);
                setItemFonts(candidate);
                if (fitColumns(available) <= maxRows)
                    break;
            }
        }
        QCPLegend::update(phase);
    }

private:
    static constexpr int maxRows = 3;
    static constexpr double stripScale = 0.75;
    static constexpr double minimumStripPointSize = 8.0;
    static constexpr double stripSpacingScale = 0.4;

    void setStrip(bool on)
    {
        const double scale = on ? stripSpacingScale : 1.0;
        const QSize icon(int(m_themeIconSize.width() * scale + 0.5), m_themeIconSize.height());
        if (iconSize() != icon)
            setIconSize(icon);
        setIconTextPadding(int(m_themeIconTextPadding * scale + 0.5));
        setColumnSpacing(int(m_themeColumnSpacing * scale + 0.5));
    }

    void setItemFonts(const QFont& font)
    {
        // Cells past the last item of a wrapped grid are empty.
        for (int i = 0; i < itemCount(); ++i) {
            if (QCPAbstractLegendItem* entry = item(i); entry && entry->font() != font)
                entry->setFont(font);
        }
    }

    // Wraps the items into the fewest rows that fit `available` pixels; returns the rows.
    int fitColumns(int available)
    {
        // Cells past the last item of a wrapped grid are empty.
        std::vector<int> widths;
        for (int i = 0; i < elementCount(); ++i) {
            if (const QCPLayoutElement* cell = elementAt(i))
                widths.push_back(cell->minimumOuterSizeHint().width());
        }
        const int widest = widths.empty() ? 1 : *std::max_element(widths.begin(), widths.end());
        const auto rowWidth = [&](int columns) {
            if (m_equalColumns)
                return columns * widest + (columns - 1) * columnSpacing();
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
        return (count + columns - 1) / columns;
    }

    bool m_equalColumns;
    QFont m_compactFont;
    QSize m_themeIconSize;
    int m_themeIconTextPadding = 0;
    int m_themeColumnSpacing = 0;
};

} // namespace

TimeAxisPlot::TimeAxisPlot(LegendColumns legendColumns, QWidget* parent)
    : ThemedPlot(parent)
{
    // The ticks carry the unit, which follows the zoom.
    xAxis->setTicker(QSharedPointer<TimeTicker>::create());

    // Time is the only axis a user zooms or pans; lanes and percentages stay where they are.
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    axisRect()->setRangeDrag(Qt::Horizontal);
    axisRect()->setRangeZoom(Qt::Horizontal);
    axisRect()->setRangeDragAxes(xAxis, nullptr);
    axisRect()->setRangeZoomAxes(xAxis, nullptr);
    axisRect()->setRangeZoomFactor(0.85);
    selectionRect()->setBrush(QColor(0, 114, 178, 40));

    // The legend is a row above the plot, not an inset that would hide segments or lines at 100 %.
    axisRect()->insetLayout()->remove(legend);
    legend = new RowLegend(legendColumns == LegendColumns::Equal);
    m_legendRow = new QCPLayoutGrid;
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, m_legendRow);
    plotLayout()->setRowStretchFactor(0, 0.001);
    // Left-aligned at its natural width: an empty element to its right takes the rest of the row.
    m_legendRow->addElement(0, 0, legend);
    m_legendRow->addElement(0, 1, new QCPLayoutElement);
    m_legendRow->setColumnStretchFactor(0, 0.001);
    m_legendRow->setColumnSpacing(0);
    legend->setLayer(QStringLiteral("legend"));
    legend->setVisible(true);
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    TimeAxisPlot::applyTheme();
    TimeAxisPlot::retranslateUi();

    connect(xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, &TimeAxisPlot::onRangeChanged);

    applyRange({0.0, emptySpanSec}, false);
}

TimeAxisPlot::~TimeAxisPlot()
{
    if (!m_legendShown)
        delete m_legendRow;
}

void TimeAxisPlot::refresh()
{
    if (!m_userZoomed) {
        const TimeRange current = timeRange();
        const std::optional<TimeRange> span = dataSpan();
        const TimeRange next = followRange(current, span ? span->end : 0.0, followWindowSec);
        if (!(next == current))
            applyRange(next, true);
    }
    if (m_dirty) {
        m_dirty = false;
        replot(rpQueuedReplot);
    }
}

TimeRange TimeAxisPlot::timeRange() const
{
    const QCPRange shown = xAxis->range();
    return {shown.lower, shown.upper};
}

TimeRange TimeAxisPlot::fullTimeRange() const
{
    if (m_fullRange)
        return *m_fullRange;
    if (const std::optional<TimeRange> span = dataSpan())
        return fitRange(span->begin, span->end, minimumFitSec);
    return {0.0, emptySpanSec};
}

void TimeAxisPlot::resetZoom()
{
    m_userZoomed = false;
    applyRange(fullTimeRange(), true);
    replot(rpQueuedReplot);
    m_dirty = false;
}

void TimeAxisPlot::setTimeRange(double beginSec, double endSec)
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

void TimeAxisPlot::restartView()
{
    m_userZoomed = false;
    applyRange({0.0, emptySpanSec}, true);
    replot(rpQueuedReplot);
    m_dirty = false;
}

void TimeAxisPlot::setFullTimeRange(std::optional<TimeRange> range)
{
    m_fullRange = range && range->end > range->begin ? range : std::nullopt;
}

void TimeAxisPlot::setLegendShown(bool shown)
{
    if (shown == m_legendShown)
        return;
    m_legendShown = shown;
    // An invisible layout element still takes its room in QCustomPlot's grid: the row goes out of the layout.
    if (!shown) {
        plotLayout()->take(m_legendRow);
        plotLayout()->simplify();
    } else {
        plotLayout()->insertRow(0);
        plotLayout()->addElement(0, 0, m_legendRow);
        plotLayout()->setRowStretchFactor(0, 0.001);
    }
    markDirty();
}

void TimeAxisPlot::setTitle(const QString& title)
{
    if (title.isEmpty()) {
        if (m_title) {
            plotLayout()->remove(m_title);
            plotLayout()->simplify();
            m_title = nullptr;
        }
    } else if (!m_title) {
        m_title = new QCPTextElement(this, title);
        m_title->setTextFlags(Qt::AlignLeft | Qt::AlignVCenter);
        // Right above the plot, under the legend: stacked multiples read as legend, then title and plot each.
        int row = 0;
        while (row < plotLayout()->rowCount() && plotLayout()->element(row, 0) != axisRect())
            ++row;
        plotLayout()->insertRow(row);
        plotLayout()->addElement(row, 0, m_title);
        plotLayout()->setRowStretchFactor(row, 0.001);
        applyTheme();
    } else {
        m_title->setText(title);
    }
    markDirty();
}

QString TimeAxisPlot::title() const
{
    return m_title ? m_title->text() : QString();
}

void TimeAxisPlot::setTimeLabelsShown(bool shown)
{
    xAxis->setTickLabels(shown);
    xAxis->setLabel(shown ? tr("time") : QString());
    markDirty();
}

void TimeAxisPlot::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        replot(rpQueuedReplot);
    }
    ThemedPlot::changeEvent(event);
}

void TimeAxisPlot::retranslateUi()
{
    xAxis->setLabel(xAxis->tickLabels() ? tr("time") : QString());
    markDirty();
}

void TimeAxisPlot::setLeftMarginPx(int px)
{
    m_leftMarginPx = px;
    applyMargins();
    markDirty();
}

int TimeAxisPlot::leftMarginPx() const
{
    return std::max(theme().pixels(timeAxisLeftMarginPx), m_leftMarginPx);
}

void TimeAxisPlot::applyMargins()
{
    // The same left margin in both plots keeps their time axes aligned when stacked.
    axisRect()->setMinimumMargins(QMargins(leftMarginPx(), theme().pixels(8), 0, 0));
    if (m_title)
        m_title->setMargins(QMargins(leftMarginPx(), theme().pixels(4), 0, 0));
}

void TimeAxisPlot::applyTheme()
{
    ThemedPlot::applyTheme();
    static_cast<RowLegend*>(legend)->setCompactFont(compactLegendFont());
    if (m_title) {
        QFont font = labelFont();
        font.setBold(true);
        m_title->setFont(font);
        m_title->setTextColor(theme().captionColor());
    }
    applyMargins();
    selectionRect()->setPen(QPen(QColor(0, 114, 178), theme().lineWidth(1.0), Qt::DashLine));
    markDirty();
}

void TimeAxisPlot::mousePressEvent(QMouseEvent* event)
{
    const bool rubberBand = event->button() == Qt::RightButton
        || (event->button() == Qt::LeftButton && (event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier)));
    setSelectionRectMode(rubberBand ? QCP::srmZoom : QCP::srmNone);
    m_pressX = event->position().x();
    QCustomPlot::mousePressEvent(event);
}

void TimeAxisPlot::mouseReleaseEvent(QMouseEvent* event)
{
    // A click is not a range: zooming into a sliver of a few pixels would lose the user's place.
    if (selectionRect()->isActive() && std::abs(event->position().x() - m_pressX) < rubberBandMinPx)
        selectionRect()->cancel();
    QCustomPlot::mouseReleaseEvent(event);
}

void TimeAxisPlot::mouseDoubleClickEvent(QMouseEvent* event)
{
    QCustomPlot::mouseDoubleClickEvent(event);
    resetZoom();
}

void TimeAxisPlot::applyRange(TimeRange range, bool announce)
{
    {
        const QScopedValueRollback guard(m_applyingRange, true);
        xAxis->setRange(range.begin, range.end);
    }
    m_dirty = true;
    if (announce)
        emit timeRangeChanged(range.begin, range.end);
}

void TimeAxisPlot::onRangeChanged(const QCPRange& range)
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

} // namespace conlab
