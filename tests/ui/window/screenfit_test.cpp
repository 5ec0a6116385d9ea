#include "tests/ui/child.h"
#include "tests/ui/screenfit.h"
#include "tests/ui/spinuntil.h"
#include "ui/plots/timelineplot.h"
#include "ui/scenario/scenariocontroller.h"
#include "ui/window/mainwindow.h"
#include "ui/window/presentermode.h"
#include "ui/window/runsession.h"
#include "ui/window/uilanguage.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QDockWidget>
#include <QFontInfo>
#include <QPushButton>
#include <QSplitter>
#include <gtest/gtest.h>
#include <set>

using namespace conlab;
using namespace conlab::test;

namespace {

// The main window with the blocking-the-loop lesson open, after a tiny run on 40 threads.
class ScreenFit : public MainWindowScreenFit
{
protected:
    static void SetUpTestSuite()
    {
        s_window = new MainWindow;
        MainWindow& window = *s_window;
        window.show();
        ASSERT_TRUE(window.scenarios().choose(QStringLiteral("blocking-the-loop")));
        // More lanes than a 768-pixel screen can label one by one: the labels must thin out.
        RunConfig config = window.currentConfig();
        config.model = ModelKind::Threads;
        config.workload.kind = WorkloadKind::Sleep;
        config.workload.tasks = laneCount;
        config.workload.ioMs = 2;
        config.workers = laneCount;
        window.setRunConfig(config);
        window.runCurrent();
        ASSERT_TRUE(spinUntil([&] { return window.shownRun() != nullptr; }, 10'000));
        ASSERT_EQ(test::child<TimelinePlot>(window, "timeline")->data().laneCount(), laneCount);
    }

    static constexpr int laneCount = 40;
};

} // namespace

TEST_F(ScreenFit, MainWindowFitsEveryScreenInEveryLanguageAndMode)
{
    ASSERT_NE(s_window, nullptr);
    MainWindow& window = *s_window;
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("ru")}) {
        for (const bool presenter : {false, true}) {
            setMode(language, presenter);
            for (const Screen& screen : classroomScreens) {
                const QString where = screenLabel(screen, language, presenter);
                const QSize size(screen.width, screen.height - (presenter ? 0 : deskChromePx));
                expectFits(window, size, where);
                ASSERT_TRUE(test::child<QDockWidget>(window, "scenarioDock")->isVisible()) << where.toStdString();
                // The picture is what the class looks at: presenter mode gives the timeline half the screen, the desk
                // a third (with the workload controls and the numbers beside it).
                const int timelineHeight = test::child<TimelinePlot>(window, "timeline")->height();
                const double share = presenter ? 0.5 : 1.0 / 3;
                EXPECT_GE(timelineHeight, share * screen.height) << where.toStdString();
                // Presenter mode's numbers stand beside their names where the screen has room for them (a third of
                // the width), not at the minimum width that puts each value under its name.
                const QWidget* numbers = window.findChild<QWidget*>(QStringLiteral("metricsPanel"));
                ASSERT_NE(numbers, nullptr);
                if (presenter && numbers->isVisible()) {
                    const int roomPx = window.findChild<QWidget*>(QStringLiteral("bodySplitter"))->width() / 3;
                    EXPECT_GE(numbers->width(), std::min(numbers->sizeHint().width(), roomPx - 8))
                        << where.toStdString() << ": numbers " << numbers->width() << " px, minimum "
                        << numbers->minimumWidth();
                }
                // Every control stays reachable: the model buttons on screen, the folded ones a key away.
                const auto buttons = test::child<ModelPicker>(window, "modelPicker")->findChildren<QAbstractButton*>();
                EXPECT_EQ(buttons.size(), ModelPicker::buttonCount);
                for (const QAbstractButton* button : buttons)
                    EXPECT_TRUE(button->isVisible()) << where.toStdString() << button->objectName().toStdString();
            }
        }
    }
    setMode(QStringLiteral("en"), false);
}

// 3840x2160 at a device pixel ratio of 2: run by ctest as ScreenFit.HighDensity, the ScreenFit tests under
// QT_SCALE_FACTOR=2 (tests/CMakeLists.txt). Every plot draws into a buffer of the screen's density (sharp lines and
// text, not a 1x picture scaled up), and the text is as large, in the window system's pixels, as on a 1x screen.
TEST_F(ScreenFit, HighDensityScreenIsSharpAndNothingIsTiny)
{
    ASSERT_NE(s_window, nullptr);
    if (s_window->devicePixelRatioF() < 2.0)
        GTEST_SKIP() << "needs a screen of device pixel ratio 2: ctest runs it as ScreenFit.HighDensity";
    MainWindow& window = *s_window;
    for (const bool presenter : {false, true}) {
        setMode(QStringLiteral("en"), presenter);
        layOut(window, QSize(1920, 1080 - (presenter ? 0 : deskChromePx)));
        const QImage picture = window.grab().toImage();
        EXPECT_EQ(picture.devicePixelRatio(), 2.0);
        EXPECT_EQ(picture.width(), 2 * window.width());
        for (QCustomPlot* plot : window.findChildren<QCustomPlot*>())
            EXPECT_EQ(plot->bufferDevicePixelRatio(), 2.0) << plot->objectName().toStdString();
        // Desk text at least 12 logical pixels high, presenter text 1.6 times that.
        const int minimumTextPx = presenter ? 19 : 12;
        EXPECT_GE(QFontInfo(QApplication::font()).pixelSize(), minimumTextPx);
        const TimelinePlot* timeline = test::child<TimelinePlot>(window, "timeline");
        EXPECT_GE(QFontInfo(timeline->yAxis->tickLabelFont()).pixelSize(), minimumTextPx);
        EXPECT_GE(QFontInfo(timeline->legend->font()).pixelSize(), minimumTextPx);
    }
    setMode(QStringLiteral("en"), false);
}

// The window as it opens on the offscreen platform's 800-pixel screen, in Russian after a threads run, no lesson: the
// eight long state names flow into columns above the two lanes (in a smaller font when they must), rather than
// stand in one column that leaves the lanes a strip under them.
TEST(ScreenFitNarrow, RussianLegendFlowsIntoColumnsAtEightHundredPixels)
{
    UiLanguage::instance()->set(QStringLiteral("ru"));
    MainWindow window;
    RunConfig config = window.currentConfig();
    config.model = ModelKind::Threads;
    config.workers = 2;
    config.workload.kind = WorkloadKind::Mixed;
    config.workload.tasks = 4;
    config.workload.cpuMs = 20;
    config.workload.ioMs = 10;
    window.setRunConfig(config);
    window.show();
    window.runCurrent();
    ASSERT_TRUE(spinUntil([&] { return window.shownRun() != nullptr; }, 10'000));
    layOut(window, QSize(800, 600));
    const auto* timeline = window.findChild<TimelinePlot*>(QStringLiteral("timeline"));
    ASSERT_NE(timeline, nullptr);
    ASSERT_EQ(timeline->data().laneCount(), 2);
    expectLegible(*timeline, QStringLiteral("800x600 ru"));
    std::set<int> rows;
    for (const QRectF& entry : legendRects(*timeline))
        rows.insert(qRound(entry.top()));
    EXPECT_LE(rows.size(), 4u) << "legend rows in a timeline " << timeline->width() << " px wide";
    // The legend takes less than half of the timeline's height: the lanes and the time axis get the rest (one
    // column of eight rows took three quarters of it).
    const int legendPx = timeline->legend->outerRect().height();
    EXPECT_LT(legendPx, timeline->height() / 2)
        << "legend " << legendPx << " px of " << timeline->height() << ", lanes " << timeline->axisRect()->height();
    UiLanguage::instance()->set(QStringLiteral("en"));
}
