#include "ui/compare/timelinestack.h"

#include "ui/plots/timelineplot.h"

#include <QVBoxLayout>
#include <algorithm>

namespace conlab {

namespace {

// Enough for a title and two lanes; the first also holds the legend (two rows in a narrow window), the last the
// time labels.
int minimumHeightPx(bool withLegend, bool withTimeLabels)
{
    return 96 + (withLegend ? 56 : 0) + (withTimeLabels ? 40 : 0);
}

} // namespace

TimelineStack::TimelineStack(QWidget* parent)
    : QWidget(parent)
    , m_layout(new QVBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(0);
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
        plot->setTimeLabelsShown(i == count - 1);
        plot->setMinimumSize(320, minimumHeightPx(i == 0, i == count - 1));
        m_layout->addWidget(plot, plot->minimumHeight());
        m_plots.push_back(plot);
    }
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
}

void TimelineStack::refresh()
{
    for (TimelinePlot* plot : m_plots)
        plot->refresh();
}

} // namespace conlab
