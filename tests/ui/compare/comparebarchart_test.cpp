#include "ui/compare/comparebarchart.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <gtest/gtest.h>

using namespace conlab;

namespace {

// Where a note's text ends, in the chart's pixels: it is written left-aligned right of its bar's end.
double noteRightPx(const CompareBarChart& chart, const QCPItemText& note)
{
    return chart.xAxis->coordToPixel(note.position->coords().x()) + note.padding().left()
        + QFontMetricsF(note.font()).horizontalAdvance(note.text());
}

} // namespace

// The time and speed-up written right of each bar stay inside the chart, however long the note of the longest bar
// ("other programs took 58 % of the machine" ran off compare-python.png's right edge), at a narrow width and a wide
// one.
TEST(CompareBarChart, EveryNoteEndsInsideTheChart)
{
    CompareBarChart chart;
    const QString longNote = QStringLiteral("5.23 s  ×0.53  (other programs took 58 % of the machine)");
    chart.setBars({
        {QStringLiteral("Sequential"), 2760.0, 2760.0, 2760.0, QStringLiteral("2.76 s  baseline"), true, false},
        {QStringLiteral("Processes"), 1660.0, 1660.0, 1660.0, QStringLiteral("1.66 s  ×1.66"), false, false},
        {QStringLiteral("asyncio (CPython 3.11)"), 5230.0, 5230.0, 5230.0, longNote, false, true},
    });
    // A picture's width (1200) and a wide window's (1600). Narrower (at 800) the long note is wider
    // than three quarters of the plot and cannot fit beside any bar (CompareBarChart::updateLayout()).
    for (const int width : {1200, 1600}) {
        SCOPED_TRACE(width);
        chart.resize(width, 300);
        chart.show(); // a hidden widget gets its new size only when shown
        QCoreApplication::processEvents();
        chart.replot();
        for (int i = 1; i <= 3; ++i) {
            const auto* note = chart.findChild<QCPItemText*>(QStringLiteral("compareNote%1").arg(i));
            ASSERT_TRUE(note) << i;
            EXPECT_LE(noteRightPx(chart, *note), chart.width()) << note->text().toStdString();
        }
        // The bars keep their proportions: the longest is still most of the way across.
        EXPECT_GT(chart.xAxis->coordToPixel(5.23) - chart.axisRect()->left(), chart.axisRect()->width() / 4);
    }
}
