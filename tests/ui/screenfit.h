#pragma once

#include "ui/plots/timeaxisplot.h"
#include "ui/plots/timelineplot.h"
#include "ui/window/mainwindow.h"
#include "ui/window/presentermode.h"
#include "ui/window/uilanguage.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QApplication>
#include <QStringList>
#include <QWidget>
#include <algorithm>
#include <gtest/gtest.h>
#include <vector>

// What the screen-fit tests of the main window and of the compare and sweep windows check, on each classroom screen
// (issue 20): the window's minimum size fits, nothing is past the window, and the plots' legends and labels are
// legible.
namespace conlab::test {

// The classroom screens of the issue, in the window system's (logical) pixels: 3840x2160 at a device pixel ratio of 2
// lays out as 1920x1080 (the HighDensity test checks its sharpness when the suite runs with QT_SCALE_FACTOR=2).
struct Screen
{
    int width;
    int height;
    const char* name;
};

inline constexpr Screen classroomScreens[] = {
    {1024, 768, "1024x768"},
    {1280, 720, "1280x720"},
    {1366, 768, "1366x768"},
    {1920, 1080, "1920x1080"},
    {1920, 1080, "3840x2160@2x"},
};

// A desk window shares its screen with a title bar and a task bar.
inline constexpr int deskChromePx = 40;
// The goal: a window that fits 1024x768 with a title bar.
inline const QSize minimumGoal(1000, 700);

inline QString describe(const QWidget* widget)
{
    QString text = QString::fromLatin1(widget->metaObject()->className());
    if (!widget->objectName().isEmpty())
        text += QLatin1Char('#') + widget->objectName();
    if (const auto* button = qobject_cast<const QAbstractButton*>(widget))
        text += QStringLiteral(" \"%1\"").arg(button->text());
    return text;
}

// Every visible widget inside the part of its parent that is on screen, the parent inside its own, up to the window.
// A scroll area's content is larger than its viewport by design: the scroll area is checked, not what it scrolls.
inline void collectOverflow(const QWidget* top, const QWidget* parent, const QRect& visible, QStringList& out)
{
    for (const QObject* object : parent->children()) {
        const auto* child = qobject_cast<const QWidget*>(object);
        if (!child || child->isWindow() || !child->isVisible())
            continue;
        const QRect rect(child->mapTo(top, QPoint(0, 0)), child->size());
        if (!visible.contains(rect)) {
            out << QStringLiteral("%1 at %2,%3 %4x%5 outside %6,%7 %8x%9")
                       .arg(describe(child))
                       .arg(rect.x())
                       .arg(rect.y())
                       .arg(rect.width())
                       .arg(rect.height())
                       .arg(visible.x())
                       .arg(visible.y())
                       .arg(visible.width())
                       .arg(visible.height());
            continue;
        }
        const auto* area = qobject_cast<const QAbstractScrollArea*>(parent);
        if (area && child == area->viewport())
            continue;
        collectOverflow(top, child, rect, out);
    }
}

inline QStringList overflowing(const QWidget& window)
{
    QStringList out;
    collectOverflow(&window, &window, window.rect(), out);
    return out;
}

// Two rectangles that share more than an edge pixel.
inline bool overlap(const QRectF& a, const QRectF& b)
{
    return a.intersected(b).height() > 0.5 && a.intersected(b).width() > 0.5;
}

// The left axis' names as drawn (a timeline's lanes, the compare chart's models): one line of the tick label font
// centred on each tick, right-aligned at the axis. Numbers on a value axis are QCustomPlot's own to space.
inline std::vector<QRectF> leftTickLabelRects(const QCustomPlot& plot)
{
    std::vector<QRectF> rects;
    const bool names
        = qobject_cast<const TimelinePlot*>(&plot) || !plot.yAxis->ticker().dynamicCast<QCPAxisTickerText>().isNull();
    if (!plot.yAxis->tickLabels() || !names)
        return rects;
    const QFontMetricsF metrics(plot.yAxis->tickLabelFont());
    const QVector<double> ticks = plot.yAxis->tickVector();
    const QStringList labels = plot.yAxis->tickVectorLabels();
    for (qsizetype i = 0; i < ticks.size(); ++i) {
        const double y = plot.yAxis->coordToPixel(ticks[i]);
        const double width = metrics.horizontalAdvance(labels.value(i));
        rects.emplace_back(plot.axisRect()->left() - width, y - metrics.height() / 2, width, metrics.height());
    }
    return rects;
}

inline QStringList overlappingPairs(const std::vector<QRectF>& rects, const QString& what)
{
    QStringList out;
    for (std::size_t i = 0; i < rects.size(); ++i) {
        for (std::size_t j = i + 1; j < rects.size(); ++j) {
            if (overlap(rects[i], rects[j]))
                out << QStringLiteral("%1 %2 and %3 overlap").arg(what).arg(i).arg(j);
        }
    }
    return out;
}

// The legend's entries where the plot draws them; none for a small multiple that leaves the legend to the first.
inline std::vector<QRectF> legendRects(const QCustomPlot& plot)
{
    std::vector<QRectF> rects;
    const auto* timeAxis = qobject_cast<const TimeAxisPlot*>(&plot);
    if (!plot.legend->visible() || (timeAxis && !timeAxis->legendShown()))
        return rects;
    // Cells past the last entry of a wrapped legend are empty.
    for (int i = 0; i < plot.legend->itemCount(); ++i) {
        if (const QCPAbstractLegendItem* entry = plot.legend->item(i))
            rects.emplace_back(entry->outerRect());
    }
    return rects;
}

// A plot's legend entries apart and inside the plot, the names on its left axis (lanes, models) apart.
inline void expectLegible(const QCustomPlot& plot, const QString& where)
{
    const std::vector<QRectF> legend = legendRects(plot);
    const QStringList legendPairs = overlappingPairs(legend, QStringLiteral("legend entries"));
    EXPECT_TRUE(legendPairs.isEmpty()) << where.toStdString() << ": "
                                       << legendPairs.join(QStringLiteral("; ")).toStdString();
    for (const QRectF& rect : legend) {
        EXPECT_TRUE(QRectF(plot.rect()).contains(rect))
            << where.toStdString() << ": a legend entry at " << rect.y() << " +" << rect.height()
            << " is cut off by the plot's height " << plot.height();
    }
    const std::vector<QRectF> labels = leftTickLabelRects(plot);
    if (qobject_cast<const TimelinePlot*>(&plot)) {
        EXPECT_FALSE(labels.empty()) << where.toStdString() << ": no lane labels";
    }
    const QStringList pairs = overlappingPairs(labels, QStringLiteral("axis labels"));
    EXPECT_TRUE(pairs.isEmpty()) << where.toStdString() << ": " << pairs.join(QStringLiteral("; ")).toStdString();
}

// Lays the window out at `size` as a window manager would, plots drawn.
inline void layOut(QWidget& window, QSize size)
{
    window.resize(size);
    QApplication::processEvents();
    QApplication::processEvents();
    for (QCustomPlot* plot : window.findChildren<QCustomPlot*>())
        plot->replot(QCustomPlot::rpImmediateRefresh);
    // A legend wrapped anew for the width may ask for more height: the layout gives it, and the plots are drawn again.
    QApplication::processEvents();
    for (QCustomPlot* plot : window.findChildren<QCustomPlot*>())
        plot->replot(QCustomPlot::rpImmediateRefresh);
}

inline QString screenLabel(const Screen& screen, const QString& language, bool presenter)
{
    return QStringLiteral("%1 %2 %3")
        .arg(QLatin1String(screen.name), language, presenter ? QStringLiteral("presenter") : QStringLiteral("desk"));
}

// What makes a window as large as it is: the minimum sizes of its named parts.
inline QString minimumSizes(const QWidget& window)
{
    QStringList parts;
    for (const QWidget* widget : window.findChildren<QWidget*>()) {
        if (widget->objectName().isEmpty() || !widget->isVisible())
            continue;
        const QSize minimum = widget->minimumSizeHint().expandedTo(widget->minimumSize());
        parts << QStringLiteral("%1 %2x%3").arg(widget->objectName()).arg(minimum.width()).arg(minimum.height());
    }
    return parts.join(QStringLiteral(", "));
}

// The minimum size and the layout at a screen's size: nothing past the window, the legends and labels legible.
inline void expectFits(QWidget& window, QSize size, const QString& where)
{
    // The panels a small screen folds away have folded once the window has the screen's size.
    layOut(window, size);
    const QSize minimum = window.minimumSizeHint().expandedTo(window.minimumSize());
    // In --gtest_output=xml: the README's table of minimum sizes.
    ::testing::Test::RecordProperty(QStringLiteral("minimum %1").arg(where).toStdString(),
        QStringLiteral("%1x%2").arg(minimum.width()).arg(minimum.height()).toStdString());
    EXPECT_LE(minimum.width(), std::min(size.width(), minimumGoal.width()))
        << where.toStdString() << ": " << minimumSizes(window).toStdString();
    EXPECT_LE(minimum.height(), std::min(size.height(), minimumGoal.height()))
        << where.toStdString() << ": " << minimumSizes(window).toStdString();
    EXPECT_EQ(window.size(), size) << where.toStdString();
    const QStringList past = overflowing(window);
    EXPECT_TRUE(past.isEmpty()) << where.toStdString() << ": " << past.join(QStringLiteral("; ")).toStdString();
    for (const QCustomPlot* plot : window.findChildren<QCustomPlot*>()) {
        if (plot->isVisible())
            expectLegible(*plot, where + QLatin1Char(' ') + plot->objectName());
    }
}

// A suite's main window (made by the suite's SetUpTestSuite), checked in each language and mode; the suite ends in
// English.
class MainWindowScreenFit : public ::testing::Test
{
protected:
    static void TearDownTestSuite()
    {
        delete s_window;
        s_window = nullptr;
        UiLanguage::instance()->set(QStringLiteral("en"));
    }

    static void setMode(const QString& language, bool presenter)
    {
        UiLanguage::instance()->set(language);
        s_window->presenterMode().setOn(presenter);
        // Full screen is the window system's size of the screen: here the test gives the window that size itself.
        s_window->setWindowState(s_window->windowState() & ~Qt::WindowFullScreen);
        QApplication::processEvents();
    }

    static inline MainWindow* s_window = nullptr;
};

} // namespace conlab::test
