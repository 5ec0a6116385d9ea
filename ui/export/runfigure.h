#pragma once

#include "ui/export/figure.h"
#include "ui/export/figurecaption.h"

#include <QString>
#include <array>
#include <optional>

namespace conlab {

class CoreUtilisationPlot;
class TimelinePlot;

// Which of a run's plots a figure holds.
enum class FigureContent
{
    Both, // the timeline above the utilisation, on one time axis
    Timeline,
    Utilisation,
};

inline constexpr std::array allFigureContents {
    FigureContent::Both, FigureContent::Timeline, FigureContent::Utilisation};

// "both", "timeline", "utilisation": the command line's --figure values.
QString figureContentKey(FigureContent content);
std::optional<FigureContent> figureContentFromKey(const QString& key);
QString figureContentLabel(FigureContent content);

// A run's figure from its two plots (the window's, or plots made for the export), caption included. The time range
// is the user's zoom when visibleWindowOnly is set and the plots are zoomed (the caption then says which part of the
// run it is), else the whole run; both panels share it, so their time axes line up as in the window. What the plots
// know (lanes, cores, the data's time span) fills in what `facts` leave open.
Figure runFigure(TimelinePlot& timeline, CoreUtilisationPlot& utilisation, FigureContent content, CaptionFacts facts,
    bool visibleWindowOnly);

} // namespace conlab
