#include "tests/ui/export/sampletrace.h"
#include "ui/plots/coreutilisationplot.h"
#include "ui/plots/presentationtheme.h"
#include "ui/plots/statepalette.h"
#include "ui/plots/timelineplot.h"

#include <QApplication>
#include <QImage>
#include <gtest/gtest.h>

using namespace conlab;

namespace {

int darkPixels(QWidget& plot)
{
    const QImage image = plot.grab().toImage().convertToFormat(QImage::Format_RGB32);
    int dark = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            dark += QColor(image.pixel(x, y)).lightness() < 40 ? 1 : 0;
    }
    return dark;
}

// Dark pixels per thousand of the plot's data area: presenter mode's larger fonts and legend leave that area smaller,
// so a plain count understates how much thicker its lines are.
int darkPerMille(QCustomPlot& plot)
{
    const QImage image = plot.grab().toImage().convertToFormat(QImage::Format_RGB32);
    const QRect area = plot.axisRect()->rect();
    int dark = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x)
            dark += QColor(image.pixel(x, y)).lightness() < 40 ? 1 : 0;
    }
    return int(1000LL * dark / std::max(1, area.width() * area.height()));
}

} // namespace

TEST(PresentationTheme, PresenterIsAtLeastOnePointSixTimesTheDeskAndHighContrast)
{
    const PresentationTheme desk = PresentationTheme::desk();
    const PresentationTheme presenter = PresentationTheme::presenter();
    EXPECT_DOUBLE_EQ(desk.scale, 1.0);
    EXPECT_FALSE(desk.highContrast);
    EXPECT_GE(presenter.scale, 1.6);
    EXPECT_TRUE(presenter.highContrast);

    EXPECT_EQ(desk.pixels(5), 5);
    EXPECT_EQ(presenter.pixels(1), 2) << "rounded up, never below 1.6x";
    EXPECT_EQ(presenter.pixels(5), 8);
    EXPECT_DOUBLE_EQ(presenter.font(QFont(), 10).pointSizeF(), 10 * presenter.scale);
    QFont app;
    app.setPointSizeF(9);
    EXPECT_DOUBLE_EQ(presenter.scaledFont(app).pointSizeF(), 9 * presenter.scale);
    EXPECT_EQ(desk.scaledFont(app), app);

    const QPalette system = QApplication::palette();
    EXPECT_EQ(desk.palette(system), system);
    const QPalette contrast = presenter.palette(system);
    EXPECT_EQ(contrast.color(QPalette::Active, QPalette::WindowText), QColor(Qt::black));
    EXPECT_EQ(contrast.color(QPalette::Active, QPalette::Window), QColor(Qt::white));
    EXPECT_EQ(contrast.color(QPalette::Active, QPalette::Text), QColor(Qt::black));
    EXPECT_LT(contrast.color(QPalette::Disabled, QPalette::Text).lightness(), 110) << "disabled still readable";

    // The state fills stay the colour-blind-safe ones; only the edges darken, except the loop-blocking red.
    for (TaskState state : allTaskStates) {
        EXPECT_EQ(desk.segmentOutline(state), stateOutlineColor(state));
        if (state != TaskState::BlockingLoop) {
            EXPECT_LT(presenter.segmentOutline(state).lightness(), 40) << taskStateKey(state).toStdString();
        }
    }
    EXPECT_EQ(presenter.segmentOutline(TaskState::BlockingLoop), stateOutlineColor(TaskState::BlockingLoop));
    EXPECT_GT(presenter.gridColor().alpha(), desk.gridColor().alpha());
    EXPECT_GT(presenter.laneBandColor().alpha(), desk.laneBandColor().alpha());
}

// What a room sees: dark segment edges, wider lines and larger text, at the same plot size; and back.
TEST(PresentationTheme, PlotsDrawDarkerThickerLinesAndComeBackExactly)
{
    const Trace trace = test::sampleTrace();
    TimelinePlot timeline;
    CoreUtilisationPlot utilisation;
    timeline.resize(1400, 500);
    utilisation.resize(1400, 400);
    timeline.showTrace(trace);
    utilisation.showTrace(trace);
    const QImage deskImage = timeline.grab().toImage();
    const int deskTimeline = darkPixels(timeline);
    const int deskUtilisation = darkPerMille(utilisation);

    timeline.setTheme(PresentationTheme::presenter());
    utilisation.setTheme(PresentationTheme::presenter());
    EXPECT_EQ(timeline.theme(), PresentationTheme::presenter());
    const int presenterTimeline = darkPixels(timeline);
    const int presenterUtilisation = darkPerMille(utilisation);
    std::printf("dark pixels: timeline %d -> %d, utilisation %d -> %d\n", deskTimeline, presenterTimeline,
        deskUtilisation, presenterUtilisation);
    EXPECT_GT(presenterTimeline, deskTimeline * 3 / 2);
    EXPECT_GT(presenterUtilisation, deskUtilisation * 3 / 2);
    // The fills are still there to tell the states apart.
    const QImage presenterImage = timeline.grab().toImage().convertToFormat(QImage::Format_RGB32);
    int running = 0;
    for (int y = 0; y < presenterImage.height(); ++y) {
        for (int x = 0; x < presenterImage.width(); ++x)
            running += presenterImage.pixel(x, y) == stateColor(TaskState::Running).rgb() ? 1 : 0;
    }
    EXPECT_GT(running, 1400 * 500 / 20);

    timeline.setTheme(PresentationTheme::desk());
    utilisation.setTheme(PresentationTheme::desk());
    EXPECT_EQ(darkPixels(timeline), deskTimeline);
    EXPECT_EQ(darkPerMille(utilisation), deskUtilisation);
    EXPECT_EQ(timeline.grab().toImage(), deskImage) << "the desk look comes back pixel for pixel";
}
