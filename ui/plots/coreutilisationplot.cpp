#include "ui/plots/coreutilisationplot.h"

#include "core/analysis/columnmeans.h"
#include "core/analysis/ownutilisation.h"
#include "core/run/otherload.h"
#include "ui/plots/columngraph.h"
#include "ui/plots/statepalette.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace conlab {

namespace {

// Above this many segments a trace's own index is built off the UI thread: sorting them takes longer than a frame.
constexpr std::size_t backgroundIndexSegments = 50'000;
const QColor otherColor(0x9a, 0x9a, 0x9a);
const QString ownLayer = QStringLiteral("own");

// What a finished run's background job hands back: the index of its segments and its other-programs area.
struct OwnResult
{
    std::shared_ptr<OwnUtilisation> own;
    std::vector<float> other;
};

// The pixel columns of the part of the view [0, endSec] covers: nothing is drawn where there is no data.
struct Columns
{
    std::int64_t beginNs = 0;
    std::int64_t endNs = 0;
    int count = 0;
};

Columns columnsUntil(const QCPRange& shown, double pxPerSec, double endSec, std::int64_t originNs)
{
    const double beginSec = std::max(shown.lower, 0.0);
    endSec = std::min(shown.upper, endSec);
    Columns columns {secondsToNs(beginSec, originNs), secondsToNs(endSec, originNs), 0};
    if (columns.endNs > columns.beginNs)
        columns.count = std::max(1, int(std::ceil((endSec - beginSec) * pxPerSec)));
    return columns;
}

// Column i's point is drawn at its centre.
double columnCentreSec(const Columns& columns, int i, std::int64_t originNs)
{
    const std::int64_t from = OwnUtilisation::bucketEdgeNs(columns.beginNs, columns.endNs, columns.count, i);
    const std::int64_t to = OwnUtilisation::bucketEdgeNs(columns.beginNs, columns.endNs, columns.count, i + 1);
    return nsToSeconds(from + (to - from) / 2, originNs);
}

} // namespace

CoreUtilisationPlot::CoreUtilisationPlot(QWidget* parent)
    : TimeAxisPlot(LegendColumns::Equal, parent)
    , m_own(std::make_shared<OwnUtilisation>())
    , m_jobs(this)
{
    setAntialiasedElements(QCP::aeAxes | QCP::aeLegend | QCP::aeLegendItems | QCP::aePlottables);
    setNoAntialiasingOnDrag(true);
    // Thick polylines are stroked as one self-intersecting path by default, which takes seconds for a long noisy
    // run; drawn as separate line segments they cost milliseconds and look the same at these widths.
    setPlottingHint(QCP::phFastPolylines, true);
    // The run's own lines above the machine's dashed ones, whatever order cores were added in.
    addLayer(ownLayer, layer(QStringLiteral("main")), limAbove);

    yAxis->setSubTicks(false);

    connect(this, &QCustomPlot::beforeReplot, this, &CoreUtilisationPlot::chooseAntialiasing);

    clearRun(0, 0);
    applyTheme();
}

CoreUtilisationPlot::~CoreUtilisationPlot() = default;

void CoreUtilisationPlot::retranslateUi()
{
    TimeAxisPlot::retranslateUi();
    yAxis->setLabel(m_counters ? tr("counter value") : tr("CPU (%)"));
    // Counters keep the names their trace gave them.
    if (m_counters)
        return;
    for (int core = 0; core < coreCount(); ++core) {
        m_coreGraphs[std::size_t(core)]->setName(tr("cpu%1").arg(core));
        m_ownGraphs[std::size_t(core)]->setName(tr("cpu%1").arg(core));
    }
    if (m_averageGraph)
        m_averageGraph->setName(tr("average"));
    if (m_systemKey)
        m_systemKey->setName(tr("whole machine (dashed)"));
    if (m_otherGraph)
        m_otherGraph->setName(tr("other programs"));
}

void CoreUtilisationPlot::applyTheme()
{
    TimeAxisPlot::applyTheme();
    for (int core = 0; core < coreCount(); ++core)
        m_coreGraphs[std::size_t(core)]->setPen(m_ownShown ? systemPen(core) : corePen(core));
    for (std::size_t core = 0; core < m_ownGraphs.size(); ++core)
        m_ownGraphs[core]->setPen(corePen(int(core)));
    if (m_averageGraph)
        m_averageGraph->setPen(averagePen());
    if (m_systemKey)
        m_systemKey->setPen(QPen(theme().captionColor(), theme().lineWidth(1.0), Qt::DashLine));
    if (m_otherGraph) {
        m_otherGraph->setPen(otherPen());
        m_otherGraph->setBrush(otherBrush());
    }
}

QPen CoreUtilisationPlot::corePen(int core) const
{
    return QPen(coreColor(core), theme().lineWidth(2.0), corePenStyle(core));
}

QPen CoreUtilisationPlot::systemPen(int core) const
{
    return QPen(coreColor(core), theme().lineWidth(1.0), Qt::DashLine);
}

QPen CoreUtilisationPlot::averagePen() const
{
    return QPen(averageColor(), theme().lineWidth(3.5));
}

QPen CoreUtilisationPlot::otherPen() const
{
    return QPen(otherColor.darker(120), theme().lineWidth(1.0));
}

QBrush CoreUtilisationPlot::otherBrush() const
{
    QColor fill = otherColor;
    fill.setAlpha(110);
    return QBrush(fill);
}

void CoreUtilisationPlot::startRun(const RunStart& start)
{
    clearRun(start.cores, start.originNs);
    restartView();
}

void CoreUtilisationPlot::appendBatch(const TraceBatch& batch)
{
    if (batch.cpuSamples.empty() && batch.segments.empty())
        return;
    const std::size_t firstNewSample = m_samples.size();
    std::int64_t changedFromNs = std::numeric_limits<std::int64_t>::max();
    for (const Segment& segment : batch.segments) {
        // A worker's start-up span arrives with its first message and reaches back to its spawn.
        if ((segment.state == TaskState::Running && segment.core >= 0) || segment.state == TaskState::StartingUp)
            changedFromNs = std::min(changedFromNs, segment.beginNs);
    }
    addOwn(batch.segments);
    addSamples(batch.cpuSamples);
    // Samples whose interval the new segments reach are recomputed along with the new ones; a late worker
    // segment reaches back a little, the usual batch not at all.
    const auto reached = std::upper_bound(m_samples.begin(), m_samples.end(), changedFromNs,
        [](std::int64_t timeNs, const CpuSample& sample) { return timeNs < sample.timeNs; });
    updateOther(std::min(firstNewSample, std::size_t(reached - m_samples.begin())));
    markDirty();
}

void CoreUtilisationPlot::finishRun(const RunResult& result)
{
    if (!result.trace || m_counters)
        return;
    // The index is complete and no batch will touch it again; the next run gets an index of its own.
    const std::shared_ptr<const OwnUtilisation> own = m_own;
    const std::shared_ptr<const Trace> trace = result.trace;
    const std::int64_t endNs = m_originNs + std::int64_t(result.summary.wallMs * 1e6);
    const double cpuMs = result.summary.cpuMs;
    const std::uint64_t generation = ++m_generation;
    m_jobs.post(
        [own, trace, endNs, cpuMs] { return otherLoad(trace->cpuSamples, *own, trace->originNs, endNs, cpuMs); },
        [this, generation, trace](const OtherLoad& other) {
            if (generation != m_generation)
                return;
            setOther(trace->cpuSamples, other.perSample, 0);
            replot(rpQueuedReplot);
        });
}

void CoreUtilisationPlot::showTrace(const Trace& trace, const RunSummary* summary)
{
    showTrace(std::make_shared<const Trace>(trace), summary);
}

void CoreUtilisationPlot::showTrace(const std::shared_ptr<const Trace>& trace, const RunSummary* summary, Wait wait)
{
    ++m_generation;
    if (!trace->counterNames.empty()) {
        showCounters(*trace);
        resetZoom();
        return;
    }
    int cores = trace->cores;
    for (const CpuSample& sample : trace->cpuSamples)
        cores = std::max(cores, int(sample.perCore.size()));
    clearRun(cores, trace->originNs);
    addSamples(trace->cpuSamples);
    for (const Segment& segment : trace->segments)
        m_ownNewestNs = std::max(m_ownNewestNs, segment.endNs);

    const std::int64_t endNs = summary
        ? trace->originNs + std::int64_t(summary->wallMs * 1e6)
        : std::max(m_ownNewestNs, trace->cpuSamples.empty() ? m_ownNewestNs : trace->cpuSamples.back().timeNs);
    const double cpuMs = summary ? summary->cpuMs : 0.0;
    const auto build = [trace, endNs, cpuMs] {
        OwnResult result {std::make_shared<OwnUtilisation>(OwnUtilisation::fromSegments(trace->segments)), {}};
        result.other = otherLoad(trace->cpuSamples, *result.own, trace->originNs, endNs, cpuMs).perSample;
        return result;
    };
    if (wait == Wait::ForOwnLines || trace->segments.size() < backgroundIndexSegments) {
        OwnResult result = build();
        useOwn(std::move(result.own), std::move(result.other));
    } else {
        m_jobs.post(build, [this, generation = m_generation](OwnResult result) {
            if (generation != m_generation)
                return;
            useOwn(std::move(result.own), std::move(result.other));
            replot(rpQueuedReplot);
        });
    }
    resetZoom();
}

void CoreUtilisationPlot::clearRun(int cores, std::int64_t originNs)
{
    clearData(originNs);
    usePercentAxis();
    // Drawn as pixel columns (ColumnGraph): as one antialiased polygon its fill was most of a replot's cost.
    m_otherGraph = new ColumnGraph(xAxis, yAxis);
    m_otherGraph->setLayer(QStringLiteral("grid"));
    // One point per pixel column, at its centre, like the own lines (updateColumnLines()).
    m_otherGraph->setLineStyle(QCPGraph::lsLine);
    m_otherGraph->setPen(otherPen());
    m_otherGraph->setBrush(otherBrush());
    m_otherGraph->setName(tr("other programs"));
    m_systemKey = addGraph(xAxis, yAxis);
    m_systemKey->setName(tr("whole machine (dashed)"));
    ensureCores(cores);
    applyTheme();
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
    ++m_generation;
    clearGraphs();
    m_coreGraphs.clear();
    m_ownGraphs.clear();
    m_averageGraph = nullptr;
    m_otherGraph = nullptr;
    m_systemKey = nullptr;
    m_systemAverage = QSharedPointer<QCPGraphDataContainer>::create();
    legend->clearItems();
    m_counters = false;
    m_ownShown = false;
    m_originNs = originNs;
    m_samples.clear();
    m_otherTimesNs.clear();
    m_otherPerSample.clear();
    m_firstSec = 0.0;
    m_newestSec = 0.0;
    m_own = std::make_shared<OwnUtilisation>();
    ++m_ownVersion;
    m_ownNewestNs = originNs;
    m_linesKey.reset();
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
    // The average is re-created after new cores so it stays drawn on top of them.
    if (m_averageGraph) {
        removeGraph(m_averageGraph);
        m_averageGraph = nullptr;
    }
    for (int core = coreCount(); core < cores; ++core) {
        QCPGraph* system = addGraph(xAxis, yAxis);
        system->setName(tr("cpu%1").arg(core));
        m_coreGraphs.push_back(system);
        QCPGraph* own = new ColumnGraph(xAxis, yAxis);
        own->setLayer(ownLayer);
        own->setName(tr("cpu%1").arg(core));
        m_ownGraphs.push_back(own);
    }
    m_averageGraph = new ColumnGraph(xAxis, yAxis);
    m_averageGraph->setLayer(ownLayer);
    m_averageGraph->setName(tr("average"));
    m_linesKey.reset();
    applyMode();
    applyTheme();
}

void CoreUtilisationPlot::applyMode()
{
    if (m_counters || !m_averageGraph)
        return;
    // A run recorded without cores has no own lines: the machine's are the picture, as before there were any.
    m_averageGraph->setData(m_ownShown ? QSharedPointer<QCPGraphDataContainer>::create() : m_systemAverage);
    if (!m_ownShown) {
        for (QCPGraph* own : m_ownGraphs)
            own->data()->clear();
    }
    legend->clearItems();
    for (QCPGraph* graph : m_ownShown ? m_ownGraphs : m_coreGraphs)
        graph->addToLegend();
    m_averageGraph->addToLegend();
    if (m_ownShown)
        m_systemKey->addToLegend();
    m_otherGraph->addToLegend();
    m_linesKey.reset();
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
        if (!m_counters)
            m_systemAverage->add(QCPGraphData(key, double(sample.average())));
        m_firstSec = m_samples.empty() ? key : std::min(m_firstSec, key);
        m_newestSec = m_samples.empty() ? key : std::max(m_newestSec, key);
        m_samples.push_back(sample);
    }
}

void CoreUtilisationPlot::addOwn(const std::vector<Segment>& segments)
{
    if (segments.empty() || m_counters)
        return;
    m_own->add(segments);
    for (const Segment& segment : segments)
        m_ownNewestNs = std::max(m_ownNewestNs, segment.endNs);
    ++m_ownVersion;
    if (!m_ownShown && !m_own->isEmpty()) {
        m_ownShown = true;
        ensureCores(m_own->coreCount());
        applyMode();
        applyTheme();
    } else if (m_own->coreCount() > coreCount()) {
        ensureCores(m_own->coreCount());
    }
}

void CoreUtilisationPlot::useOwn(std::shared_ptr<OwnUtilisation> own, std::optional<std::vector<float>> other)
{
    m_own = std::move(own);
    ++m_ownVersion;
    m_ownShown = !m_own->isEmpty();
    ensureCores(m_own->coreCount());
    applyMode();
    applyTheme();
    if (other)
        setOther(m_samples, *other, 0);
    markDirty();
}

void CoreUtilisationPlot::updateOther(std::size_t firstSample)
{
    if (m_counters || !m_otherGraph || firstSample >= m_samples.size())
        return;
    // Live, the process's CPU time is not known yet: the segments alone are this run (finishRun() adds the rest).
    const OtherLoad other
        = otherLoad(m_samples, *m_own, m_originNs, std::numeric_limits<std::int64_t>::max(), 0.0, firstSample);
    setOther(m_samples, other.perSample, firstSample);
}

void CoreUtilisationPlot::setOther(
    const std::vector<CpuSample>& samples, const std::vector<float>& perSample, std::size_t firstSample)
{
    if (!m_otherGraph)
        return;
    // Kept per sample and drawn at the plot's resolution (updateColumnLines()).
    firstSample = std::min({firstSample, samples.size(), m_otherTimesNs.size()});
    m_otherTimesNs.resize(firstSample);
    m_otherPerSample.resize(firstSample);
    for (std::size_t i = 0; i < perSample.size() && firstSample + i < samples.size(); ++i) {
        m_otherTimesNs.push_back(samples[firstSample + i].timeNs);
        m_otherPerSample.push_back(perSample[i]);
    }
    ++m_otherVersion;
    markDirty();
}

void CoreUtilisationPlot::updateLayout()
{
    TimeAxisPlot::updateLayout();
    updateColumnLines();
}

void CoreUtilisationPlot::updateColumnLines()
{
    if (m_counters || !m_averageGraph)
        return;
    const QCPRange shown = xAxis->range();
    const LinesKey key {shown.lower, shown.upper, axisRect()->width(), m_ownVersion, m_otherVersion};
    if (m_linesKey == key)
        return;
    m_linesKey = key;
    const double pxPerSec = double(key.widthPx) / std::max(shown.size(), 1e-12);
    updateOtherArea(shown, pxPerSec);
    if (m_ownShown)
        updateOwnLines(shown, pxPerSec);
}

void CoreUtilisationPlot::updateOtherArea(const QCPRange& shown, double pxPerSec)
{
    // Sampled at 100 Hz, a long run has several samples per pixel column and their noise alternates dark spikes with
    // light steps; the mean of each column, as the own lines are, reads as the band it is. A sample covers the
    // interval since the one before; the first, the run from its start (otherLoad()).
    const double endSec = m_otherTimesNs.empty() ? 0.0 : nsToSeconds(m_otherTimesNs.back(), m_originNs);
    const Columns columns = columnsUntil(shown, pxPerSec, endSec, m_originNs);
    const std::vector<float> means
        = columnMeans(m_otherTimesNs, m_otherPerSample, m_originNs, columns.beginNs, columns.endNs, columns.count);
    QVector<QCPGraphData> points(columns.count);
    for (int i = 0; i < columns.count; ++i)
        points[i] = QCPGraphData(columnCentreSec(columns, i, m_originNs), double(means[std::size_t(i)]));
    m_otherGraph->data()->set(points, true);
}

void CoreUtilisationPlot::updateOwnLines(const QCPRange& shown, double pxPerSec)
{
    // One bucket per pixel column of the part of the view the run covers.
    const Columns columns = columnsUntil(shown, pxPerSec, nsToSeconds(m_ownNewestNs, m_originNs), m_originNs);
    const int buckets = columns.count;
    const std::vector<std::vector<float>> fractions
        = m_own->perCore(columns.beginNs, columns.endNs, buckets, coreCount());

    QVector<QCPGraphData> average(buckets);
    QVector<QCPGraphData> line(buckets);
    for (int i = 0; i < buckets; ++i)
        average[i] = QCPGraphData(columnCentreSec(columns, i, m_originNs), 0.0);
    for (int core = 0; core < coreCount(); ++core) {
        const std::vector<float>& values = fractions[std::size_t(core)];
        for (int i = 0; i < buckets; ++i) {
            const double percent = 100.0 * double(values[std::size_t(i)]);
            line[i] = QCPGraphData(average[i].key, percent);
            average[i].value += percent / double(coreCount());
        }
        m_ownGraphs[std::size_t(core)]->data()->set(line, true);
    }
    m_averageGraph->data()->set(average, true);
}

void CoreUtilisationPlot::chooseAntialiasing()
{
    // Smooth lines where samples are far apart; where several share a pixel column antialiasing changes nothing
    // visible but costs three times as much (an hour at 20 Hz, fitted: 40 ms instead of 13 per replot). The own lines
    // have one point per column at any zoom.
    if (m_samples.size() < 2)
        return;
    const double interval = (m_newestSec - m_firstSec) / double(m_samples.size() - 1);
    const double visibleSamples = interval > 0.0 ? xAxis->range().size() / interval : 0.0;
    const bool smooth = visibleSamples < 2.0 * axisRect()->width();
    setAntialiasedElement(QCP::aePlottables, smooth);
    setNotAntialiasedElement(QCP::aePlottables, !smooth);
}

std::optional<TimeRange> CoreUtilisationPlot::dataSpan() const
{
    const double ownEndSec = nsToSeconds(m_ownNewestNs, m_originNs);
    if (m_samples.empty())
        return m_ownShown ? std::optional(TimeRange {0.0, ownEndSec}) : std::nullopt;
    return TimeRange {m_firstSec, m_ownShown ? std::max(m_newestSec, ownEndSec) : m_newestSec};
}

} // namespace conlab
