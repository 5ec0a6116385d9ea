#include "ui/window/windowbody.h"

#include "ui/plots/coreutilisationplot.h"
#include "ui/plots/timelineplot.h"
#include "ui/window/metricspanel.h"
#include "ui/window/sourcepane.h"

#include <algorithm>
#include <utility>

namespace conlab {

WindowBody::WindowBody(QWidget* parent)
    : QSplitter(Qt::Horizontal, parent)
    , m_timeline(new TimelinePlot(this))
    , m_utilisation(new CoreUtilisationPlot(this))
    , m_plots(new QSplitter(Qt::Vertical, this))
{
    setObjectName(QStringLiteral("bodySplitter"));
    connect(m_timeline, &TimelinePlot::timeRangeChanged, m_utilisation, &CoreUtilisationPlot::setTimeRange);
    connect(m_timeline, &TimelinePlot::lanesAdded, this, &WindowBody::alignTimeAxes);
    connect(m_utilisation, &CoreUtilisationPlot::timeRangeChanged, m_timeline, &TimelinePlot::setTimeRange);

    // Explicit minimums: the plots' own hints follow their legends' one-row width, which would make the window
    // wider than a classroom projector.
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_utilisation->setObjectName(QStringLiteral("utilisation"));
    m_timeline->setMinimumWidth(320);
    m_utilisation->setMinimumSize(320, 120);
    m_plots->setObjectName(QStringLiteral("plotsSplitter"));
    m_plots->addWidget(m_timeline);
    m_plots->addWidget(m_utilisation);
    m_plots->setChildrenCollapsible(false);
    sharePlotHeight(false);
    addWidget(m_plots);
}

void WindowBody::addPanes(SourcePane* source, MetricsPanel* metrics)
{
    m_source = source;
    m_metrics = metrics;
    addWidget(source);
    addWidget(metrics);
    setStretchFactor(0, 1);
    setStretchFactor(1, 0);
    setStretchFactor(2, 0);
    setChildrenCollapsible(false);
    setSizes({1000, 360, 340});
}

void WindowBody::startRun(const RunStart& start)
{
    m_timeline->startRun(start);
    m_utilisation->startRun(start);
    alignTimeAxes();
}

void WindowBody::appendBatch(const TraceBatch& batch)
{
    m_timeline->appendBatch(batch);
    m_utilisation->appendBatch(batch);
}

void WindowBody::finishRun(const RunResult& result)
{
    // A run longer than the follow window was shown sliding; at the end the whole run is the picture, unless the
    // user has zoomed in on something.
    if (!m_timeline->userZoomed() && !m_utilisation->userZoomed())
        fitPlots();
    // The shown result keeps the run's trace: the timeline draws from it rather than from a copy of every segment.
    if (result.trace) {
        m_timeline->keepFinishedTrace(result.trace);
        m_utilisation->finishRun(result);
    }
    refreshAndReplot();
}

void WindowBody::showTrace(const std::shared_ptr<const Trace>& trace, const RunSummary* summary)
{
    m_utilisation->showTrace(trace, summary);
    m_timeline->showTrace(trace);
    alignTimeAxes();
}

void WindowBody::refresh()
{
    m_timeline->refresh();
    m_utilisation->refresh();
}

void WindowBody::refreshAndReplot()
{
    refresh();
    m_timeline->replot();
    m_utilisation->replot();
}

void WindowBody::fitPlots()
{
    // The linked plots follow whichever fits last, so the one whose data reaches further fits last: the timeline's
    // ends at the last segment, the utilisation plot's at the last CPU sample, which may come before it or after it
    // (the run's wall time covers joining the threads and the workers' exit). Fitted to the shorter, the other plot's
    // next refresh would see data past the end and grow the range the way a live run's view grows, by a quarter.
    TimeAxisPlot* first = m_utilisation;
    TimeAxisPlot* last = m_timeline;
    if (m_utilisation->fullTimeRange().end > m_timeline->fullTimeRange().end)
        std::swap(first, last);
    first->resetZoom();
    last->resetZoom();
}

void WindowBody::alignTimeAxes()
{
    const int left = m_timeline->laneLabelMarginPx();
    m_timeline->setLeftMarginPx(left);
    m_utilisation->setLeftMarginPx(left);
}

std::optional<TimeRange> WindowBody::zoomedWindow() const
{
    if (!m_timeline->userZoomed() && !m_utilisation->userZoomed())
        return std::nullopt;
    return m_timeline->timeRange();
}

Figure WindowBody::picture(FigureContent content, const CaptionFacts& facts, bool visibleWindowOnly)
{
    // The plots draw what they hold now: pending data of a live run first, so the picture is what the screen shows.
    refresh();
    return runFigure(*m_timeline, *m_utilisation, content, facts, visibleWindowOnly);
}

void WindowBody::sharePlotHeight(bool presenter)
{
    // The timeline is what a class looks at: in presenter mode it gets two thirds of the plots' height, so that on a
    // 768-pixel projector it still has half the screen (and the utilisation plot room for its large labels).
    const int timelineShare = presenter ? 2 : 3;
    const int utilisationShare = presenter ? 1 : 2;
    m_plots->setStretchFactor(0, timelineShare);
    m_plots->setStretchFactor(1, utilisationShare);
    const int total = std::max(1, m_plots->height());
    m_plots->setSizes({total * timelineShare / (timelineShare + utilisationShare),
        total * utilisationShare / (timelineShare + utilisationShare)});
}

void WindowBody::fitNumbersWidth()
{
    // The splitter keeps the numbers at the width the desk font gave them: in presenter mode's fonts that is the
    // panel's minimum, each value under its name. Where the screen has room (up to a third of the width) the names
    // and values stand side by side again.
    if (!m_metrics || !m_metrics->isVisible())
        return;
    m_numbersFitted = true;
    const int total = width() - handleWidth();
    const int wanted = std::max(m_metrics->minimumWidth(), std::min(m_metrics->sizeHint().width(), total / 3));
    // The script's source pane sits between the plots and the numbers: it keeps its width (none while hidden).
    const int source = m_source->isVisible() ? sizes().at(1) : 0;
    if (total > 0 && m_metrics->width() < wanted)
        setSizes({total - source - wanted, source, wanted});
}

} // namespace conlab
