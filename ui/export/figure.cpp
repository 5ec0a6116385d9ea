#include "ui/export/figure.h"

#include <QSignalBlocker>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace conlab {

namespace {

constexpr int captionMarginPx = 16;
// The plots' own layout ends their axes at the right edge, where the last tick label would touch the border.
constexpr int panelRightMarginPx = 24;
constexpr int captionTopPx = 12;
constexpr int captionBottomPx = 6;
constexpr int captionLineGapPx = 3;
constexpr double titlePointSize = 15.0;
constexpr double detailPointSize = 12.0;

QFont captionFont(bool title, const PresentationTheme& theme)
{
    QFont font = theme.font(QFont(), title ? titlePointSize : detailPointSize);
    font.setBold(title);
    return font;
}

// Paints the caption lines from the top; returns the height they took.
int paintCaption(const QStringList& lines, QCPPainter& painter, int width, const PresentationTheme& theme)
{
    if (lines.isEmpty())
        return 0;
    const int margin = theme.pixels(captionMarginPx);
    const int lineGap = theme.pixels(captionLineGapPx);
    const double textWidth = std::max(1, width - 2 * margin);
    const int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
    double y = theme.pixels(captionTopPx);
    painter.save();
    painter.setPen(theme.captionColor());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QFont font = captionFont(i == 0, theme);
        painter.setFont(font);
        // Measured on the painter's device: the resolution its fonts are drawn at.
        const QFontMetricsF metrics(font, painter.device());
        const QRectF bounds = metrics.boundingRect(QRectF(0, 0, textWidth, 1e6), flags, lines[i]);
        const QRectF rect(margin, y, textWidth, std::ceil(bounds.height()));
        painter.drawText(rect, flags, lines[i]);
        y += rect.height() + lineGap;
    }
    painter.restore();
    return int(std::ceil(y - lineGap + theme.pixels(captionBottomPx)));
}

// Shows a panel's export range for the time of the drawing, invisibly to whatever listens to its axis.
class XRangeOverride
{
public:
    XRangeOverride(QCustomPlot* plot, const std::optional<QCPRange>& range)
    {
        if (!range || !plot->xAxis)
            return;
        m_axis = plot->xAxis;
        m_saved = m_axis->range();
        const QSignalBlocker blocker(m_axis);
        m_axis->setRange(*range);
    }
    ~XRangeOverride()
    {
        if (!m_axis)
            return;
        const QSignalBlocker blocker(m_axis);
        m_axis->setRange(m_saved);
    }
    XRangeOverride(const XRangeOverride&) = delete;
    XRangeOverride& operator=(const XRangeOverride&) = delete;

private:
    QCPAxis* m_axis = nullptr;
    QCPRange m_saved;
};

} // namespace

void paintFigure(const Figure& figure, QCPPainter& painter, QSize size)
{
    painter.fillRect(QRect(QPoint(0, 0), size), Qt::white);
    const int top = paintCaption(figure.caption, painter, size.width(), figure.theme);

    double totalWeight = 0;
    int reserved = 0;
    for (const FigurePanel& panel : figure.panels) {
        if (panel.plot && panel.weight > 0) {
            totalWeight += panel.weight;
            reserved += std::max(0, panel.minimumHeightPx);
        }
    }
    if (totalWeight <= 0)
        return;

    const int available = std::max(0, size.height() - top);
    // The minimums first (scaled down together when they do not fit), the rest by weight.
    const double minimumScale = reserved > available ? double(available) / reserved : 1.0;
    const double shared = std::max(0.0, available - reserved * minimumScale);
    double y = top;
    for (const FigurePanel& panel : figure.panels) {
        if (!panel.plot || panel.weight <= 0)
            continue;
        // Whole pixels, so that stacked panels neither overlap nor leave a seam.
        const int panelTop = int(std::lround(y));
        y += std::max(0, panel.minimumHeightPx) * minimumScale + shared * panel.weight / totalWeight;
        const int height = int(std::lround(y)) - panelTop;
        if (height <= 0)
            continue;
        {
            const XRangeOverride range(panel.plot, panel.xRange);
            painter.save();
            painter.translate(0, panelTop);
            panel.plot->toPainter(
                &painter, std::max(1, size.width() - figure.theme.pixels(panelRightMarginPx)), height);
            painter.restore();
        }
        // toPainter() leaves the layout at the figure's size: the widget's hover, zoom and next paint need its own.
        panel.plot->replot();
    }
}

} // namespace conlab
