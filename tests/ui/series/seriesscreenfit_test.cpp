#include "tests/ui/child.h"
#include "tests/ui/screenfit.h"
#include "tests/ui/series/seriestestsupport.h"
#include "tests/ui/spinuntil.h"
#include "ui/compare/compareview.h"
#include "ui/series/seriesactions.h"
#include "ui/sweep/sweepview.h"
#include "ui/window/mainwindow.h"
#include "ui/window/presentermode.h"
#include "ui/window/uilanguage.h"

#include <QScrollArea>
#include <QSplitter>
#include <gtest/gtest.h>

using namespace conlab;
using namespace conlab::test;

namespace {

// The compare-all and sweep windows of a main window, each after a series on a tiny workload, as Ctrl+M and
// Ctrl+Shift+M open them: presenter mode reaches them through the main window, as in class.
class SeriesScreenFit : public MainWindowScreenFit
{
protected:
    // Null until Compare all models (Run a scaling sweep) first opens it.
    static CompareView* compareView() { return s_window->findChild<CompareView*>(QStringLiteral("compareView")); }
    static SweepView* sweepView() { return s_window->findChild<SweepView*>(QStringLiteral("sweepView")); }

    static void SetUpTestSuite()
    {
        s_window = new MainWindow;
        s_window->show();
        s_window->setRunConfig(tinyWorkload(ModelKind::Threads));
        SeriesActions& actions = *test::child<SeriesActions>(*s_window, "seriesActions");
        actions.compareAll();
        ASSERT_NE(compareView(), nullptr);
        ASSERT_TRUE(spinUntil([&] { return compareView()->isOver(); }, 60'000));
        actions.sweep();
        ASSERT_NE(sweepView(), nullptr);
        ASSERT_TRUE(spinUntil([&] { return sweepView()->isOver(); }, 60'000));
        ASSERT_EQ(compareView()->stepCount(), 5);
        for (int i = 0; i < 5; ++i)
            ASSERT_TRUE(compareView()->result(i).has_value()) << i;
        ASSERT_GE(sweepView()->points().size(), 2u);
    }

    // Every screen, language and mode: the view a window with a title bar as large as the screen allows.
    template <typename Check> static void forEachScreen(QWidget& view, Check check)
    {
        for (const QString& language : {QStringLiteral("en"), QStringLiteral("ru")}) {
            for (const bool presenter : {false, true}) {
                setMode(language, presenter);
                for (const Screen& screen : classroomScreens) {
                    const QString where = screenLabel(screen, language, presenter);
                    const QSize size(screen.width, screen.height - deskChromePx);
                    expectFits(view, size, where);
                    check(where);
                    // The README's pictures of the window on a projector ($CONLAB_SCREENSHOT_DIR).
                    if (screen.width == 1024)
                        screenshot(view,
                            QStringLiteral("fit-%1-%2.png")
                                .arg(view.objectName(), QString(where).replace(QLatin1Char(' '), QLatin1Char('-'))));
                }
            }
        }
        setMode(QStringLiteral("en"), false);
    }
};

} // namespace

TEST_F(SeriesScreenFit, CompareWindowFitsEveryScreenInEveryLanguageAndMode)
{
    ASSERT_NE(s_window, nullptr);
    CompareView& view = *compareView();
    view.show();
    const QWidget* bars = view.findChild<QWidget*>(QStringLiteral("compareBars"));
    auto* timelines = view.findChild<QScrollArea*>(QStringLiteral("compareTimelinesArea"));
    ASSERT_NE(bars, nullptr);
    ASSERT_NE(timelines, nullptr);
    forEachScreen(view, [&](const QString& where) {
        // The timelines are the picture: at least half the window, the bars a row per model above them.
        EXPECT_GE(timelines->height(), view.height() / 2) << where.toStdString();
        EXPECT_GE(bars->height(), bars->minimumSizeHint().height()) << where.toStdString();
        for (int i = 1; i <= 5; ++i) {
            const QWidget* plot = view.findChild<TimelinePlot*>(QStringLiteral("compareTimeline%1").arg(i));
            ASSERT_NE(plot, nullptr) << i;
            EXPECT_GE(plot->height(), plot->minimumSizeHint().height()) << where.toStdString() << " timeline " << i;
        }
    });
}

TEST_F(SeriesScreenFit, SweepWindowFitsEveryScreenInEveryLanguageAndMode)
{
    ASSERT_NE(s_window, nullptr);
    SweepView& view = *sweepView();
    view.show();
    auto* plot = view.findChild<QCustomPlot*>(QStringLiteral("sweepPlot"));
    ASSERT_NE(plot, nullptr);
    forEachScreen(view, [&](const QString& where) {
        // Under the progress row and the status line, the plot has the window.
        EXPECT_GE(plot->height(), view.height() * 2 / 3) << where.toStdString();
    });
}
