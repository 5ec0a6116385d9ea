#pragma once

#include <qcustomplot.h>

namespace conlab {

// A graph with a point per pixel column (CoreUtilisationPlot's own lines and other-programs area), drawn for what it
// is. QCPGraph fills the area under it as one antialiased polygon, and for a noisy series nearly every scanline of
// that polygon crosses hundreds of edges: it was most of the plot's replot (perf: QRasterPaintEngine::fillPolygon).
// Here the fill is one pixel-aligned rectangle per point, from its value down to zero, without antialiasing: it costs
// what its pixels do and covers the same columns. The line is the same separate segments QCP::phFastPolylines draws,
// handed to the painter in one call instead of one call per segment, and not antialiased: a segment spans one pixel
// column. NaN points leave a gap, as in QCPGraph; a dashed pen or a vector export (PDF, SVG) is drawn by QCPGraph.
class ColumnGraph : public QCPGraph
{
public:
    using QCPGraph::QCPGraph;

protected:
    void drawFill(QCPPainter* painter, QVector<QPointF>* lines) const override;
    void drawLinePlot(QCPPainter* painter, const QVector<QPointF>& lines) const override;
};

} // namespace conlab
