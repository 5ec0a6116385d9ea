#include "ui/plots/coreutilisationplot.h"

#include "ui/plots/statepalette.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace conlab {

CoreUtilisationPlot::CoreUtilisationPlot(QWidget* parent)
    : TimeAxisPlot(LegendColumns::Equal, parent)
{
    setAntialiasedElements(QCP::aeAxes | QCP::aeLegend | QCP::aeLegendItems | QCP::aePlottables);
    setNoAntialiasingOnDrag(true);
    // Thick polylines are stroked as one self-intersecting path by default, which takes seconds for a long noisy
    // run; drawn as separate line segments they cost milliseconds and look the same at these widths.
    setPlottingHint(QCP::phFastPolylines, true);

    yAxis->setSubTicks(false);

    connect(this, &QCustomPlot::beforeReplot, this, &CoreUtilisationPlot::chooseAntialiasing);

    clearRun(0, 0);
    applyTheme();
}

void CoreUtilisationPlot::retranslateUi()
{
    TimeAxisPlot::retranslateUi();
    yAxis->setLabel(m_counters ? tr("counter value") : tr("CPU (%)"));
    // Counters keep the names their trace gave them.
    if (m_counters)
        return;
    for (int core = 0; core < coreCount(); ++core)
        m_coreGraphs[std::size_t(core)]->setName(tr("cpu%1").arg(core));
    if (m_averageGraph)
        m_averageGraph->setName(tr("average"));
}

void CoreUtilisationPlot::applyTheme()
{
    TimeAxisPlot::applyTheme();
    for (int core = 0; core < coreCount(); ++core)
        m_coreGraphs[std::size_t(core)]->setPen(corePen(core));
    if (m_averageGraph)
        m_averageGraph->setPen(averagePen());
}

QPen CoreUtilisationPlot::corePen(int core) const
{
    return QPen(coreColor(core), theme().lineWidth(2.0), corePenStyle(core));
}

QPen CoreUtilisationPlot::averagePen() const
{
    return QPen(averageColor(), theme().lineWidth(3.5));
}

void CoreUtilisationPlot::startRun(const RunStart& start)
{
    clearRun(start.cores, start.originNs);
    restartView();
}

void CoreUtilisationPlot::appendBatch(const TraceBatch& batch)
{
    if (batch.cpuSamples.empty())
        return;
    addSamples(batch.cpuSamples);
    markDirty();
}

void CoreUtilisationPlot::showTrace(const Trace& trace)
{
    if (!trace.counterNames.empty()) {
        showCounters(trace);
        resetZoom();
        return;
    }
    int cores = trace.cores;
    for (const CpuSample& sample : trace.cpuSamples)
        cores = std::max(cores, int(sample.perCore.size()));
    clearRun(cores, trace.originNs);
    addSamples(trace.cpuSamples);
    resetZoom();
}

void CoreUtilisationPlot::clearRun(int cores, std::int64_t originNs)
{
    clearData(originNs);
    usePercentAxis();
    ensureCores(cores);
}

void CoreUtilisationPlot::showCounters(const Trace& trace)
{
    clearData(trace.originNs);
    m_counters = true;
    for (std::size_t i = 0; i < trace.counterNames.size(); ++i) {
        QCPGraph* graph = addGraph(xAxis, yAxis);
        graph->setName(trace.counterNames[i]);
        graph->setPen(corePen(int(i)));
        // A counter holds its value until its next event: steps, not slopes between the events.
        graph->setLineStyle(QCPGraph::lsStepLeft);
        m_coreGraphs.push_back(graph);
    }
    yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    yAxis->setLabel(tr("counter value"));
    addSamples(trace.cpuSamples);
    fitValueAxis();
}

void CoreUtilisationPlot::clearData(std::int64_t originNs)
{
    clearGraphs();
    m_coreGraphs.clear();
    m_averageGraph = nullptr;
    legend->clearItems();
    m_counters = false;
    m_originNs = originNs;
    m_firstSec = 0.0;
    m_newestSec = 0.0;
    m_sampleCount = 0;
    markDirty();
}

void CoreUtilisationPlot::usePercentAxis()
{
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(25.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssNone);
    yAxis->setTicker(ticker);
    yAxis->setLabel(tr("CPU (%)"));
    // A little room above 100 % and below 0 % so a saturated or idle core's line is not drawn on the frame.
    yAxis->setRange(-4.0, 106.0);
}

void CoreUtilisationPlot::fitValueAxis()
{
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (const QCPGraph* graph : m_coreGraphs) {
        for (const QCPGraphData& point : *graph->data()) {
            if (std::isfinite(point.value)) {
                low = std::min(low, point.value);
                high = std::max(high, point.value);
            }
        }
    }
    if (!(low <= high)) {
        low = 0.0;
        high = 1.0;
    }
    // As with the percentages, a margin keeps the lowest and highest lines off the frame; a flat counter gets room
    // around its value.
    const double margin = high > low ? (high - low) * 0.05 : std::max(1.0, std::abs(high) * 0.1);
    yAxis->setRange(low - margin, high + margin);
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
        graph->setPen(corePen(core));
        m_coreGraphs.push_back(graph);
    }
    m_averageGraph = addGraph(xAxis, yAxis);
    m_averageGraph->setName(tr("average"));
    m_averageGraph->setPen(averagePen());
    if (averageData)
        m_averageGraph->setData(averageData);
}

void CoreUtilisationPlot::addSamples(const std::vector<CpuSample>& samples)
{
    int widest = 0;
    for (const CpuSample& sample : samples)
        widest = std::max(widest, int(sample.perCore.size()));
    if (widest > coreCount() && !m_counters)
        ensureCores(widest);

    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (const CpuSample& sample : samples) {
        const double key = nsToSeconds(sample.timeNs, m_originNs);
        for (int core = 0; core < coreCount(); ++core) {
            const auto index = std::size_t(core);
            const double value = index < sample.perCore.size() ? double(sample.perCore[index]) : nan;
            m_coreGraphs[index]->addData(key, value);
        }
        if (m_averageGraph)
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

std::optional<TimeRange> CoreUtilisationPlot::dataSpan() const
{
    if (m_sampleCount == 0)
        return std::nullopt;
    return TimeRange {m_firstSec, m_newestSec};
}

} // namespace conlab
