#pragma once

#include "ui/plots/presentationtheme.h"
#include "ui/timeline/segmentfolding.h"

#include <QImage>
#include <array>
#include <qcustomplot.h>
#include <span>
#include <utility>
#include <vector>

namespace conlab {

class TimelineData;

// Draws every lane of a TimelineData as one plottable: lane i is a bar centred on value i, the key is seconds since
// the run origin. Only the visible time range is mapped, and segments narrower than a pixel are folded, so a
// replot costs about one visit per visible segment plus one rectangle per pixel column, never one item per task.
class TimelinePlottable : public QCPAbstractPlottable
{
    Q_OBJECT
public:
    TimelinePlottable(QCPAxis* keyAxis, QCPAxis* valueAxis, const TimelineData* data);

    // What to draw: a TimelineData by lane (bars coloured by state) or by core (bars coloured by worker).
    void setData(const TimelineData* data) { m_data = data; }

    struct Hit
    {
        int lane = -1;
        const Segment* segment = nullptr;
        double distancePx = -1.0; // 0 when pos is on the segment's bar
    };
    // The segment under (or within tolerancePx of) a widget position.
    Hit hitTest(const QPointF& pos, double tolerancePx) const;

    // Colours and outline widths of the segments; the desk theme until set.
    void setTheme(const PresentationTheme& theme);
    // The look of a state in the plot, shared with the legend so the two cannot drift apart.
    void drawSwatch(QPainter* painter, const QRectF& rect, TaskState state, bool folded) const;
    // The same for a worker's colour in the Cores view.
    void drawWorkerSwatch(QPainter* painter, const QRectF& rect, int worker) const;
    // The width of the edge around a segment, in pixels; narrower segments have none.
    int outlineWidthPx() const { return m_style.outlinePx; }

    double selectTest(const QPointF& pos, bool onlySelectable, QVariant* details = nullptr) const override;
    QCPRange getKeyRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
        const QCPRange& inKeyRange = QCPRange()) const override;

protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

private:
    // A bar's colours: a state's, or in the Cores view a worker's.
    struct Paint
    {
        QColor fill;
        QColor outline;
        QRgb premultiplied = 0;
    };

    // What the theme makes of each state, looked up once and not per rectangle: QColor::darker() showed in replot
    // profiles.
    struct Style
    {
        std::array<Paint, taskStateCount> states;
        int outlinePx = 1;
        // The heavy frame of a CPU phase blocking the event loop.
        int framePx = 2;
        // Below this width a segment has no room for an edge; its fill alone is clearer.
        double outlinedMinWidthPx = 4.0;
        QColor laneBand;

        explicit Style(const PresentationTheme& theme);
    };

    const Paint& paintOf(const TimelineMark& mark, std::span<const Segment> lane) const;
    const Paint& workerPaint(int worker) const;
    void fillBar(QPainter* painter, const QRectF& rect, const Paint& paint, bool folded, bool blockingFrame) const;
    void markBlockedLoop(QPainter* painter, const QRectF& rect) const;
    void drawLane(QPainter* painter, std::span<const Segment> lane, double top, double height, int rowLeft);

    const TimelineData* m_data;
    Style m_style;
    mutable std::vector<Paint> m_workerPaints; // made as workers are drawn, dropped with the theme
    // Reused for every lane of every replot.
    std::vector<TimelineMark> m_marks;
    QImage m_foldRow;
    std::vector<std::pair<double, double>> m_foldedRuns;
    std::vector<std::pair<double, double>> m_blockedRuns;
};

} // namespace conlab
