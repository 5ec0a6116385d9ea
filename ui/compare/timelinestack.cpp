#include "ui/compare/timelinestack.h"

#include "ui/plots/timelineplot.h"

#include <QVBoxLayout>
#include <algorithm>

namespace conlab {

namespace {

// Narrower, the time axis of a small multiple has room for two or three ticks.
constexpr int multipleMinimumWidthPx = 320;

} // namespace

TimelineStack::TimelineStack(QWidget* parent)
    : QWidget(parent)
    , m_layout(new QVBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(0);
    setMinimumWidth(multipleMinimumWidthPx);
}

void TimelineStack::setCount(int count)
{
    for (TimelinePlot* plot : m_plots)
        delete plot;
    m_plots.clear();
    m_shared.reset();
    for (int i = 0; i < count; ++i) {
        auto* plot = new TimelinePlot(this);
        plot->setLegendShown(i == 0);
        plot->setLegendRowsInMinimum(i == 0);
        plot->setTimeLabelsShown(i == count - 1);
        plot->setObjectName(QStringLiteral("compareTimeline%1").arg(i + 1));
        plot->setCoresView(m_coresView);
        // Its minimum height is its minimumSizeHint(): its lanes one label line each, its legend's rows in the
        // window's width and fonts, its title and time labels.
        m_layout->addWidget(plot);
        m_plots.push_back(plot);
    }
    shareHeight();
    // Straight slot connections (see TimeAxisPlot::setTimeRange): a zoom in one pins all of them.
    for (TimelinePlot* from : m_plots) {
        for (TimelinePlot* to : m_plots) {
            if (from != to)
                connect(from, &TimelinePlot::timeRangeChanged, to, &TimelinePlot::setTimeRange);
        }
    }
}

std::vector<ThemedPlot*> TimelineStack::plots() const
{
    return {m_plots.begin(), m_plots.end()};
}

void TimelineStack::startRun(int index, const RunStart& start)
{
    TimelinePlot* live = plot(index);
    live->startRun(start);
    // Its start announced a half-second view to the others; they go back to the shared one, and announce it.
    if (m_shared) {
        for (TimelinePlot* other : m_plots) {
            if (other != live && !other->userZoomed())
                other->resetZoom();
        }
    }
    alignTimeAxes();
}

void TimelineStack::setSharedEnd(double endSec)
{
    // The margin a single run's fit has, so the slowest run's last segment is not drawn on the frame.
    m_shared = endSec > 0 ? std::optional(fitRange(0.0, endSec, 1e-6)) : std::nullopt;
    for (TimelinePlot* plot : m_plots) {
        plot->setFullTimeRange(m_shared);
        if (!plot->userZoomed())
            plot->resetZoom();
    }
}

std::optional<TimeRange> TimelineStack::sharedRange() const
{
    return m_shared;
}

void TimelineStack::alignTimeAxes()
{
    int left = 0;
    for (TimelinePlot* plot : m_plots)
        left = std::max(left, plot->laneLabelMarginPx());
    for (TimelinePlot* plot : m_plots)
        plot->setLeftMarginPx(left);
    shareHeight();
}

void TimelineStack::shareHeight()
{
    // Height beyond the minimums goes in proportion to them: the first, with the legend, and the runs with more
    // lanes get more.
    for (TimelinePlot* plot : m_plots)
        m_layout->setStretchFactor(plot, plot->minimumSizeHint().height());
}

void TimelineStack::setCoresView(bool on)
{
    m_coresView = on;
    for (TimelinePlot* plot : m_plots) {
        plot->setCoresView(on);
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
    alignTimeAxes();
}

void TimelineStack::refresh()
{
    for (TimelinePlot* plot : m_plots)
        plot->refresh();
}

} // namespace conlab
