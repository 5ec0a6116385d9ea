#include "tests/figurefiles.h"
#include "tests/ui/export/sampletrace.h"
#include "ui/export/figure.h"
#include "ui/export/renderedfigure.h"
#include "ui/plots/statepalette.h"

#include <QApplication>
#include <gtest/gtest.h>

namespace conlab {
namespace {

const QColor barColour(0x33, 0x66, 0xcc);
const QColor lineColour(0xcc, 0x33, 0x66);

// Not a plot of this app's: a bar chart, the kind a compare-all view will export.
void makeBarChart(QCustomPlot& plot)
{
    auto* bars = new QCPBars(plot.xAxis, plot.yAxis);
    bars->setData({1, 2, 3, 4}, {3, 5, 2, 4});
    bars->setBrush(barColour);
    bars->setPen(Qt::NoPen);
    bars->setWidth(0.6);
    plot.xAxis->setRange(0, 5);
    plot.yAxis->setRange(0, 6);
}

void makeLinePlot(QCustomPlot& plot)
{
    QCPGraph* graph = plot.addGraph();
    graph->setData({0, 1, 2, 3, 4, 5}, {1, 3, 2, 5, 4, 6});
    graph->setPen(QPen(lineColour, 6));
    plot.xAxis->setRange(0, 5);
    plot.yAxis->setRange(0, 7);
}

// Rows [top, bottom) of image that hold this colour.
int pixelsInRows(const QImage& image, QColor colour, int top, int bottom)
{
    return test::pixelsOf(image.copy(0, top, image.width(), bottom - top), colour);
}

TEST(Figure, AnyQCustomPlotIsAPanelStackedByWeightUnderTheCaption)
{
    QCustomPlot bars;
    QCustomPlot lines;
    makeBarChart(bars);
    makeLinePlot(lines);
    Figure figure;
    figure.caption = {QStringLiteral("A comparison"), QStringLiteral("four bars and a line")};
    figure.panels = {FigurePanel {&bars, 1.0, std::nullopt}, FigurePanel {&lines, 3.0, std::nullopt}};

    const QSize size(800, 900);
    const QImage image = RenderedFigure::render(figure, FigureFormat::Png, size).image();
    ASSERT_EQ(image.size(), size);
    // The caption takes the top; the bars get a quarter of the rest, the line the three quarters below.
    const int barPixels = test::pixelsOf(image, barColour);
    EXPECT_GT(barPixels, 2000);
    EXPECT_EQ(pixelsInRows(image, barColour, 0, 40), 0) << "the caption is above the panels";
    EXPECT_EQ(pixelsInRows(image, barColour, 300, 900), 0);
    EXPECT_GT(pixelsInRows(image, lineColour, 300, 900), 1000);
    EXPECT_EQ(pixelsInRows(image, lineColour, 0, 250), 0);
    EXPECT_GT(test::inkPixels(image.copy(0, 0, 800, 40)), 300) << "the caption is drawn";
}

TEST(Figure, APanelsRangeIsDrawnAndThenPutBackWithoutASignal)
{
    QCustomPlot lines;
    makeLinePlot(lines);
    lines.graph(0)->setData({0, 1, 2}, {1, 3, 2}); // nothing right of x = 2
    int changes = 0;
    QObject::connect(lines.xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), [&] { ++changes; });
    Figure figure;
    figure.panels = {FigurePanel {&lines, 1.0, QCPRange(2.5, 5)}};
    const QImage zoomed = RenderedFigure::render(figure, FigureFormat::Png, QSize(600, 400)).image();
    EXPECT_EQ(lines.xAxis->range(), QCPRange(0, 5));
    EXPECT_EQ(changes, 0);

    figure.panels.front().xRange.reset();
    const QImage whole = RenderedFigure::render(figure, FigureFormat::Png, QSize(600, 400)).image();
    EXPECT_EQ(test::pixelsOf(zoomed, lineColour), 0) << "the line is left of the range drawn";
    EXPECT_GT(test::pixelsOf(whole, lineColour), 500);
}

// The window's own plots are exported: afterwards they must look, lay out and answer the pointer as before.
TEST(Figure, ExportingLeavesAWidgetOnScreenAsItWas)
{
    TimelinePlot timeline;
    timeline.resize(700, 300);
    timeline.show();
    timeline.showTrace(test::sampleTrace());
    timeline.setTimeRange(0.0, 1.0); // a zoom, as the linked plot passes it on
    timeline.replot();
    QApplication::processEvents();
    const QRect axisRect = timeline.axisRect()->rect();
    const QCPRange range = timeline.xAxis->range();
    const QPoint onLane0(axisRect.left() + axisRect.width() / 4, int(timeline.yAxis->coordToPixel(0)));
    const QString tooltip = timeline.toolTipAt(onLane0);
    ASSERT_FALSE(tooltip.isEmpty());
    const QImage before = timeline.toPixmap().toImage();
    int announced = 0;
    QObject::connect(&timeline, &TimelinePlot::timeRangeChanged, [&] { ++announced; });

    Figure figure;
    figure.panels = {FigurePanel {&timeline, 1.0, QCPRange(0.0, 2.6)}};
    RenderedFigure::render(figure, FigureFormat::Png, QSize(1600, 900), 2);
    RenderedFigure::render(figure, FigureFormat::Svg, QSize(1600, 900));

    EXPECT_EQ(timeline.axisRect()->rect(), axisRect);
    EXPECT_EQ(timeline.xAxis->range(), range);
    EXPECT_TRUE(timeline.userZoomed());
    EXPECT_EQ(announced, 0);
    EXPECT_EQ(timeline.toolTipAt(onLane0), tooltip);
    EXPECT_EQ(timeline.toPixmap().toImage(), before);
}

} // namespace
} // namespace conlab
