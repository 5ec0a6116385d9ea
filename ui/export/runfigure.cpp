#include "ui/export/runfigure.h"

#include "core/util/enumkey.h"
#include "ui/plots/coreutilisationplot.h"
#include "ui/plots/timelineplot.h"

#include <QCoreApplication>

namespace conlab {

namespace {

// The window's splitter gives the timeline and the utilisation 3 : 2 of the height; a figure keeps that look.
constexpr double timelineWeight = 3.0;
constexpr double utilisationWeight = 2.0;

} // namespace

QString figureContentKey(FigureContent content)
{
    switch (content) {
    case FigureContent::Both:
        return QStringLiteral("both");
    case FigureContent::Timeline:
        return QStringLiteral("timeline");
    case FigureContent::Utilisation:
        return QStringLiteral("utilisation");
    }
    return QStringLiteral("both");
}

std::optional<FigureContent> figureContentFromKey(const QString& key)
{
    return enumFromKey(allFigureContents, figureContentKey, key);
}

QString figureContentLabel(FigureContent content)
{
    switch (content) {
    case FigureContent::Both:
        return QCoreApplication::translate("conlab::FigureContent", "Timeline and CPU utilisation");
    case FigureContent::Timeline:
        return QCoreApplication::translate("conlab::FigureContent", "Timeline only");
    case FigureContent::Utilisation:
        return QCoreApplication::translate("conlab::FigureContent", "CPU utilisation only");
    }
    return {};
}

Figure runFigure(TimelinePlot& timeline, CoreUtilisationPlot& utilisation, FigureContent content, CaptionFacts facts,
    bool visibleWindowOnly)
{
    // The timeline's data decide the run's extent, as in the window's fit: the last CPU sample may fall a little
    // short of the last segment. A trace with counters only has the utilisation's.
    const TimeAxisPlot& reference = timeline.dataSpan() ? static_cast<const TimeAxisPlot&>(timeline) : utilisation;
    const bool zoomed = timeline.userZoomed() || utilisation.userZoomed();
    const TimeRange range = visibleWindowOnly && zoomed ? reference.timeRange() : reference.fullTimeRange();

    if (facts.lanes == 0)
        facts.lanes = timeline.data().laneCount();
    // Counters of a trace from another tool are no cores: its cores are unknown.
    if (facts.cores == 0 && !utilisation.showsCounters())
        facts.cores = utilisation.coreCount();
    if (!facts.span)
        facts.span = reference.dataSpan();
    if (visibleWindowOnly && zoomed)
        facts.window = range;
    else
        facts.window.reset();

    Figure figure;
    figure.caption = figureCaption(facts);
    // What the screen shows: a picture taken in presenter mode has the presenter's large caption, as its plots do.
    figure.theme = timeline.theme();
    const QCPRange xRange(range.begin, range.end);
    if (content != FigureContent::Utilisation)
        figure.panels.push_back(FigurePanel {&timeline, timelineWeight, xRange});
    if (content != FigureContent::Timeline)
        figure.panels.push_back(FigurePanel {&utilisation, utilisationWeight, xRange});
    return figure;
}

} // namespace conlab
