#pragma once

#include "ui/plots/presentationtheme.h"

#include <QSize>
#include <QStringList>
#include <optional>
#include <qcustomplot.h>
#include <vector>

namespace conlab {

// One plot of a figure and its share of the height left under the caption.
struct FigurePanel
{
    QCustomPlot* plot = nullptr;
    double weight = 1.0;
    // The range of the plot's xAxis to draw; nullopt draws the range it shows now. The plot's own range is put back
    // afterwards, without its rangeChanged() signals firing either way, so linked plots are not moved.
    std::optional<QCPRange> xRange;
    // Pixels the panel gets before the rest is shared by weight: what its legend, title and axes need, so that a
    // stack of small plots gives up lane height, not legibility. Squeezed only when the figure is too short for all.
    int minimumHeightPx = 0;
};

// A picture for a slide or a report: caption lines above a vertical stack of plots. Any QCustomPlot can be a panel,
// and each is laid out again at the figure's size (its legend wraps, its ticks and labels fit) rather than copied
// from the screen.
struct Figure
{
    QStringList caption; // the first line is the title, in bold; lines too long for the width wrap
    std::vector<FigurePanel> panels;
    // The caption's sizes and colour; the panels' own come from their plots.
    PresentationTheme theme;
};

// Paints the figure into the rectangle (0, 0, size) of painter's logical coordinates: the caller maps them onto its
// device (an image at 2x, an SVG, a PDF page). Each panel plot is laid out and drawn afresh and afterwards
// replotted at its own size, so a widget on screen looks and behaves as before. Call in the plots' (the UI) thread.
void paintFigure(const Figure& figure, QCPPainter& painter, QSize size);

} // namespace conlab
