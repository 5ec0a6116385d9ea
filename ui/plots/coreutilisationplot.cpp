#include "coreutilisationplot.h"

#include "statepalette.h"

#include <QScopedValueRollback>
#include <algorithm>
#include <cmath>
#include <limits>

namespace conlab {

namespace {

// The same view limits as the timeline's, so the linked plots agree on them.
constexpr double emptySpanSec = 0.5;
constexpr double minimumFitSec = 1e-3;
constexpr double minimumZoomSec = 1e-7;
constexpr int rubberBandMinPx = 4;

QFont withPointSize(QFont font, double pointSize)
{
    font.setPointSizeF(pointSize);
    return font;
}

// A legend laid out as rows above the plot (lines at 100 % would hide under an inset legend), wrapping to as
// many columns as the export or widget width allows. The timeline's differs in sizing columns to their items.
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
        const int widest = widths.empty() ? 1 : *std::max_element(widths.begin(), widths.end());
        // Equal columns keep cpu0..cpuN in a grid that reads down as well as across; the fewest rows that fit,
        // with the items shared evenly between them.
        const int count = std::max(1, int(widths.size()));
        int columns = count;
        for (int rows = 1; rows <= count; ++rows) {
            columns = (count + rows - 1) / rows;
            if (columns * widest + (columns - 1) * columnSpacing() <= available)
                break;
        }
        if (columns != wrap()) {
            setWrap(columns);
            setFillOrder(foColumnsFirst, true);
        }
    }
};

} // namespace

CoreUtilisationPlot::CoreUtilisationPlot(QWidget* parent)
    : QCustomPlot(parent)
{
    setAntialiasedElements(QCP::aeAxes | QCP::aeLegend | QCP::aeLegendItems | QCP::aePlottables);
    setNoAntialiasingOnDrag(true);
    // Thick polylines are stroked as one self-intersecting path by default, which takes seconds for a long noisy
    // run; drawn as separate line segments they cost milliseconds and look the same at these widths.
    setPlottingHint(QCP::phFastPolylines, true);

    const QFont tickFont = withPointSize(font(), 11);
    const QFont labelFont = withPointSize(font(), 12);

    xAxis->setLabel(tr("time (s)"));
    xAxis->setLabelFont(labelFont);
    xAxis->setTickLabelFont(tickFont);
    xAxis->grid()->setPen(QPen(QColor(0, 0, 0, 40), 0, Qt::DotLine));

    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(25.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssNone);
    yAxis->setTicker(ticker);
    yAxis->setLabel(tr("CPU (%)"));
    yAxis->setLabelFont(labelFont);
    yAxis->setTickLabelFont(tickFont);
    yAxis->setSubTicks(false);
    yAxis->grid()->setPen(QPen(QColor(0, 0, 0, 40), 0, Qt::DotLine));
    // A little room above 100 % and below 0 % so a saturated or idle core's line is not drawn on the frame.
    yAxis->setRange(-4.0, 106.0);

    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    axisRect()->setRangeDrag(Qt::Horizontal);
    axisRect()->setRangeZoom(Qt::Horizontal);
    axisRect()->setRangeDragAxes(xAxis, nullptr);
    axisRect()->setRangeZoomAxes(xAxis, nullptr);
    axisRect()->setRangeZoomFactor(0.85);
    axisRect()->setMinimumMargins(QMargins(timeAxisLeftMarginPx, 8, 0, 0));
    selectionRect()->setBrush(QColor(0, 114, 178, 40));
    selectionRect()->setPen(QPen(QColor(0, 114, 178), 1, Qt::DashLine));

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

    connect(xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, &CoreUtilisationPlot::onRangeChanged);
    connect(this, &QCustomPlot::beforeReplot, this, &CoreUtilisationPlot::chooseAntialiasing);

    clearRun(0, 0);
    applyRange({0.0, emptySpanSec}, false);
}

void CoreUtilisationPlot::startRun(const RunStart& start)
{
    clearRun(start.cores, start.originNs);
    m_userZoomed = false;
    applyRange({0.0, emptySpanSec}, true);
    replot(rpQueuedReplot);
    m_dirty = false;
}

void CoreUtilisationPlot::appendBatch(const TraceBatch& batch)
{
    if (batch.cpuSamples.empty())
        return;
    addSamples(batch.cpuSamples);
    m_dirty = true;
}

void CoreUtilisationPlot::showTrace(const Trace& trace)
{
    int cores = trace.cores;
    for (const CpuSample& sample : trace.cpuSamples)
        cores = std::max(cores, int(sample.perCore.size()));
    clearRun(cores, trace.originNs);
    addSamples(trace.cpuSamples);
    resetZoom();
}

void CoreUtilisationPlot::refresh()
{
    if (!m_userZoomed) {
        const QCPRange shown = xAxis->range();
        const TimeRange current {shown.lower, shown.upper};
        const TimeRange next = followRange(current, m_newestSec, m_followWindowSec);
        if (!(next == current))
            applyRange(next, true);
    }
    if (m_dirty) {
        m_dirty = false;
        replot(rpQueuedReplot);
    }
}

void CoreUtilisationPlot::resetZoom()
{
    m_userZoomed = false;
    if (m_sampleCount == 0)
        applyRange({0.0, emptySpanSec}, true);
    else
        applyRange(fitRange(m_firstSec, m_newestSec, minimumFitSec), true);
    replot(rpQueuedReplot);
    m_dirty = false;
}

void CoreUtilisationPlot::setTimeRange(double beginSec, double endSec)
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

void CoreUtilisationPlot::mousePressEvent(QMouseEvent* event)
{
    const bool rubberBand = event->button() == Qt::RightButton
        || (event->button() == Qt::LeftButton && (event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier)));
    setSelectionRectMode(rubberBand ? QCP::srmZoom : QCP::srmNone);
    m_pressX = event->position().x();
    QCustomPlot::mousePressEvent(event);
}

void CoreUtilisationPlot::mouseReleaseEvent(QMouseEvent* event)
{
    if (selectionRect()->isActive() && std::abs(event->position().x() - m_pressX) < rubberBandMinPx)
        selectionRect()->cancel();
    QCustomPlot::mouseReleaseEvent(event);
}

void CoreUtilisationPlot::mouseDoubleClickEvent(QMouseEvent* event)
{
    QCustomPlot::mouseDoubleClickEvent(event);
    resetZoom();
}

void CoreUtilisationPlot::clearRun(int cores, std::int64_t originNs)
{
    clearGraphs();
    m_coreGraphs.clear();
    m_averageGraph = nullptr;
    legend->clearItems();
    m_originNs = originNs;
    m_firstSec = 0.0;
    m_newestSec = 0.0;
    m_sampleCount = 0;
    ensureCores(cores);
    m_dirty = true;
}

void CoreUtilisationPlot::ensureCores(int cores)
{
    if (cores <= coreCount() && m_averageGraph)
        return;
    // The average is re-created after new cores so it stays last in the legend and drawn on top; its samples
    // move over with it.
    QSharedPointer<QCPGraphDataContainer> averageData;
    if (m_averageGraph) {
        averageData = m_averageGraph->data();
        removeGraph(m_averageGraph);
        m_averageGraph = nullptr;
    }
    for (int core = coreCount(); core < cores; ++core) {
        QCPGraph* graph = addGraph(xAxis, yAxis);
        graph->setName(tr("cpu%1").arg(core));
        graph->setPen(QPen(coreColor(core), 2.0, corePenStyle(core)));
        m_coreGraphs.push_back(graph);
    }
    m_averageGraph = addGraph(xAxis, yAxis);
    m_averageGraph->setName(tr("average"));
    m_averageGraph->setPen(QPen(averageColor(), 3.5));
    if (averageData)
        m_averageGraph->setData(averageData);
}

void CoreUtilisationPlot::addSamples(const std::vector<CpuSample>& samples)
{
    int widest = 0;
    for (const CpuSample& sample : samples)
        widest = std::max(widest, int(sample.perCore.size()));
    if (widest > coreCount())
        ensureCores(widest);

    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (const CpuSample& sample : samples) {
        const double key = nsToSeconds(sample.timeNs, m_originNs);
        for (int core = 0; core < coreCount(); ++core) {
            const auto index = std::size_t(core);
            const double value = index < sample.perCore.size() ? double(sample.perCore[index]) : nan;
            m_coreGraphs[index]->addData(key, value);
        }
        m_averageGraph->addData(key, double(sample.average()));
        m_firstSec = m_sampleCount == 0 ? key : std::min(m_firstSec, key);
        m_newestSec = m_sampleCount == 0 ? key : std::max(m_newestSec, key);
        ++m_sampleCount;
    }
}

void CoreUtilisationPlot::chooseAntialiasing()
{
    // Smooth lines where samples are far apart; where several share a pixel column antialiasing changes nothing
    // visible but costs three times as much (an hour at 20 Hz, fitted: 40 ms instead of 13 per replot).
    if (m_sampleCount < 2)
        return;
    const double interval = (m_newestSec - m_firstSec) / double(m_sampleCount - 1);
    const double visibleSamples = interval > 0.0 ? xAxis->range().size() / interval : 0.0;
    const bool smooth = visibleSamples < 2.0 * axisRect()->width();
    setAntialiasedElement(QCP::aePlottables, smooth);
    setNotAntialiasedElement(QCP::aePlottables, !smooth);
}

void CoreUtilisationPlot::applyRange(TimeRange range, bool announce)
{
    {
        const QScopedValueRollback guard(m_applyingRange, true);
        xAxis->setRange(range.begin, range.end);
    }
    m_dirty = true;
    if (announce)
        emit timeRangeChanged(range.begin, range.end);
}

void CoreUtilisationPlot::onRangeChanged(const QCPRange& range)
{
    if (m_applyingRange)
        return;
    m_userZoomed = true;
    if (range.size() < minimumZoomSec) {
        const double centre = range.center();
        applyRange({centre - minimumZoomSec / 2, centre + minimumZoomSec / 2}, false);
    }
    const QCPRange shown = xAxis->range();
    emit timeRangeChanged(shown.lower, shown.upper);
}

} // namespace conlab
