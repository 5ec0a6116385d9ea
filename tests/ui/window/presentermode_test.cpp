#include "tests/ui/child.h"
#include "tests/ui/export/sampletrace.h"
#include "tests/ui/spinuntil.h"
#include "ui/export/runfigure.h"
#include "ui/plots/coreutilisationplot.h"
#include "ui/plots/timelineplot.h"
#include "ui/window/mainwindow.h"
#include "ui/window/metricspanel.h"
#include "ui/window/presentermode.h"
#include "ui/window/runsession.h"
#include "ui/window/workloadpanel.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QTest>
#include <gtest/gtest.h>
#include <map>

using namespace conlab;
using conlab::test::spinUntil;

namespace {

// Every size and colour presenter mode is to change, read from the widgets themselves.
struct Look
{
    double appPointSize = 0;
    QColor windowText;
    QColor window;
    double xTickPt = 0;
    double xLabelPt = 0;
    double laneLabelPt = 0;
    double timelineLegendPt = 0;
    double utilisationLegendPt = 0;
    double utilisationLabelPt = 0;
    QSize legendIcon;
    double axisPenWidth = 0;
    QColor gridColor;
    double corePenWidth = 0;
    double averagePenWidth = 0;
    int outlinePx = 0;
    int leftMarginPx = 0;
    double captionScale = 0;
    std::map<QString, double> panelLabelPt; // every label of the metrics panel, by its text
    double tasksBoxPt = 0;
    double modelButtonPt = 0;
    bool fullScreen = false;
};

Look lookOf(MainWindow& window)
{
    Look look;
    look.appPointSize = QApplication::font().pointSizeF();
    look.windowText = QApplication::palette().color(QPalette::WindowText);
    look.window = QApplication::palette().color(QPalette::Window);
    TimelinePlot* timeline = test::child<TimelinePlot>(window, "timeline");
    CoreUtilisationPlot* utilisation = test::child<CoreUtilisationPlot>(window, "utilisation");
    look.xTickPt = timeline->xAxis->tickLabelFont().pointSizeF();
    look.xLabelPt = timeline->xAxis->labelFont().pointSizeF();
    look.laneLabelPt = timeline->yAxis->tickLabelFont().pointSizeF();
    // The theme's legend font: on a plot too narrow for three rows of it the entries take the compact strip's.
    look.timelineLegendPt = timeline->legend->font().pointSizeF();
    look.utilisationLegendPt = utilisation->legend->item(0)->font().pointSizeF();
    look.utilisationLabelPt = utilisation->yAxis->labelFont().pointSizeF();
    look.legendIcon = timeline->legend->iconSize();
    look.axisPenWidth = utilisation->xAxis->basePen().widthF();
    look.gridColor = utilisation->yAxis->grid()->pen().color();
    look.corePenWidth = utilisation->graph(0)->pen().widthF();
    look.averagePenWidth = utilisation->graph(utilisation->graphCount() - 1)->pen().widthF();
    look.outlinePx = timeline->plottable().outlineWidthPx();
    look.leftMarginPx = timeline->axisRect()->minimumMargins().left();
    look.captionScale = runFigure(*timeline, *utilisation, FigureContent::Both, {}, false).theme.scale;
    for (const QLabel* label : test::child<MetricsPanel>(window, "metricsPanel")->findChildren<QLabel*>()) {
        if (!label->text().isEmpty())
            look.panelLabelPt[label->text()] = label->font().pointSizeF();
    }
    look.tasksBoxPt = test::child<QSpinBox>(window, "tasks")->font().pointSizeF();
    look.modelButtonPt = test::child<QAbstractButton>(window, "model-sequential")->font().pointSizeF();
    look.fullScreen = window.windowState().testFlag(Qt::WindowFullScreen);
    return look;
}

// A window showing a finished run on two cores, so that every kind of line is there to look at.
void showSample(MainWindow& window)
{
    const Trace trace = test::sampleTrace();
    test::child<TimelinePlot>(window, "timeline")->showTrace(trace);
    test::child<CoreUtilisationPlot>(window, "utilisation")->showTrace(trace);
    test::child<MetricsPanel>(window, "metricsPanel")->showResult(test::sampleSummary(), nullptr);
}

void expectScaled(double desk, double presenter, const char* what)
{
    EXPECT_GE(presenter, desk * 1.6 - 1e-6) << what << ": " << desk << " -> " << presenter;
}

} // namespace

TEST(PresenterMode, ScalesEveryFontAndLineAndRestoresThemOnLeaving)
{
    MainWindow window;
    window.show();
    showSample(window);
    QApplication::processEvents();
    const Look desk = lookOf(window);
    ASSERT_GT(desk.appPointSize, 0);
    ASSERT_EQ(test::child<CoreUtilisationPlot>(window, "utilisation")->coreCount(), 2);
    EXPECT_FALSE(desk.fullScreen);
    EXPECT_DOUBLE_EQ(desk.captionScale, 1.0);

    window.presenterMode().action()->trigger();
    ASSERT_TRUE(window.presenterMode().isOn());
    // Widgets take a new application font on the next turn of the event loop.
    QApplication::processEvents();
    const Look big = lookOf(window);
    expectScaled(desk.appPointSize, big.appPointSize, "application font");
    expectScaled(desk.xTickPt, big.xTickPt, "time tick labels");
    expectScaled(desk.xLabelPt, big.xLabelPt, "time axis label");
    expectScaled(desk.laneLabelPt, big.laneLabelPt, "lane names");
    expectScaled(desk.timelineLegendPt, big.timelineLegendPt, "timeline legend");
    expectScaled(desk.utilisationLegendPt, big.utilisationLegendPt, "utilisation legend");
    expectScaled(desk.utilisationLabelPt, big.utilisationLabelPt, "CPU axis label");
    expectScaled(desk.legendIcon.width(), big.legendIcon.width(), "legend swatch width");
    expectScaled(desk.legendIcon.height(), big.legendIcon.height(), "legend swatch height");
    expectScaled(desk.axisPenWidth, big.axisPenWidth, "axis lines");
    expectScaled(desk.corePenWidth, big.corePenWidth, "core lines");
    expectScaled(desk.averagePenWidth, big.averagePenWidth, "average line");
    expectScaled(desk.outlinePx, big.outlinePx, "segment outlines");
    expectScaled(desk.leftMarginPx, big.leftMarginPx, "left margin for the larger lane names");
    expectScaled(desk.captionScale, big.captionScale, "a picture's caption");
    expectScaled(desk.tasksBoxPt, big.tasksBoxPt, "workload controls");
    expectScaled(desk.modelButtonPt, big.modelButtonPt, "model buttons");
    ASSERT_FALSE(desk.panelLabelPt.empty());
    for (const auto& [text, pointSize] : desk.panelLabelPt) {
        ASSERT_TRUE(big.panelLabelPt.count(text)) << text.toStdString();
        expectScaled(pointSize, big.panelLabelPt.at(text), qPrintable(text));
    }
    // High contrast: black on white, a grid that is seen.
    EXPECT_EQ(big.windowText, QColor(Qt::black));
    EXPECT_EQ(big.window, QColor(Qt::white));
    EXPECT_GT(big.gridColor.alpha(), 2 * desk.gridColor.alpha());
    EXPECT_TRUE(big.fullScreen);

    window.presenterMode().action()->trigger();
    ASSERT_FALSE(window.presenterMode().isOn());
    QApplication::processEvents();
    const Look after = lookOf(window);
    EXPECT_DOUBLE_EQ(after.appPointSize, desk.appPointSize);
    EXPECT_EQ(after.windowText, desk.windowText);
    EXPECT_EQ(after.window, desk.window);
    EXPECT_DOUBLE_EQ(after.xTickPt, desk.xTickPt);
    EXPECT_DOUBLE_EQ(after.xLabelPt, desk.xLabelPt);
    EXPECT_DOUBLE_EQ(after.laneLabelPt, desk.laneLabelPt);
    EXPECT_DOUBLE_EQ(after.timelineLegendPt, desk.timelineLegendPt);
    EXPECT_DOUBLE_EQ(after.utilisationLegendPt, desk.utilisationLegendPt);
    EXPECT_DOUBLE_EQ(after.utilisationLabelPt, desk.utilisationLabelPt);
    EXPECT_EQ(after.legendIcon, desk.legendIcon);
    EXPECT_DOUBLE_EQ(after.axisPenWidth, desk.axisPenWidth);
    EXPECT_EQ(after.gridColor, desk.gridColor);
    EXPECT_DOUBLE_EQ(after.corePenWidth, desk.corePenWidth);
    EXPECT_DOUBLE_EQ(after.averagePenWidth, desk.averagePenWidth);
    EXPECT_EQ(after.outlinePx, desk.outlinePx);
    EXPECT_EQ(after.leftMarginPx, desk.leftMarginPx);
    EXPECT_DOUBLE_EQ(after.captionScale, desk.captionScale);
    EXPECT_EQ(after.panelLabelPt, desk.panelLabelPt);
    EXPECT_DOUBLE_EQ(after.tasksBoxPt, desk.tasksBoxPt);
    EXPECT_DOUBLE_EQ(after.modelButtonPt, desk.modelButtonPt);
    EXPECT_FALSE(after.fullScreen);
}

TEST(PresenterMode, F11TogglesAndTheViewMenuHasIt)
{
    MainWindow window;
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    QAction* action = window.presenterMode().action();
    EXPECT_TRUE(action->isCheckable());
    EXPECT_EQ(action->shortcut(), QKeySequence(Qt::Key_F11));
    bool inViewMenu = false;
    for (const QObject* object : action->associatedObjects()) {
        if (const auto* menu = qobject_cast<const QMenu*>(object))
            inViewMenu = menu->title() == QStringLiteral("&View");
    }
    EXPECT_TRUE(inViewMenu);

    QTest::keyClick(&window, Qt::Key_F11);
    EXPECT_TRUE(window.presenterMode().isOn());
    EXPECT_TRUE(action->isChecked());
    QTest::keyClick(&window, Qt::Key_F11);
    EXPECT_FALSE(window.presenterMode().isOn());
    EXPECT_FALSE(action->isChecked());
}

// A window on a workload long enough to still be running when the keys arrive.
struct KeyedWindow
{
    MainWindow window;
    std::vector<RunResult> finished;

    KeyedWindow()
    {
        RunConfig config = window.currentConfig();
        config.model = ModelKind::Threads;
        config.workload.kind = WorkloadKind::Sleep;
        config.workload.tasks = 4;
        config.workload.ioMs = 20'000;
        config.workers = 2;
        window.setRunConfig(config);
        QObject::connect(&window, &MainWindow::runFinished, [this](const RunResult& r) { finished.push_back(r); });
        window.show();
    }
};

TEST(PresenterMode, SpaceTogglesRunAndStop)
{
    KeyedWindow keyed;
    ASSERT_TRUE(QTest::qWaitForWindowActive(&keyed.window));
    QTest::keyClick(&keyed.window, Qt::Key_Space);
    ASSERT_TRUE(spinUntil([&] { return keyed.window.session().isRunning(); }, 5'000));
    ASSERT_TRUE(
        spinUntil([&] { return test::child<TimelinePlot>(keyed.window, "timeline")->data().segmentCount() > 0; }));
    QTest::keyClick(&keyed.window, Qt::Key_Space);
    ASSERT_TRUE(spinUntil([&] { return keyed.finished.size() == 1; }, 5'000));
    EXPECT_TRUE(keyed.finished[0].summary.cancelled) << "stopped, not finished";
    EXPECT_FALSE(keyed.window.session().isRunning());

    // And Space runs again.
    QTest::keyClick(&keyed.window, Qt::Key_Space);
    ASSERT_TRUE(spinUntil([&] { return keyed.window.session().isRunning(); }, 5'000));
    keyed.window.stopRun();
    ASSERT_TRUE(spinUntil([&] { return keyed.finished.size() == 2; }, 5'000));
}

// Esc has two jobs: while a run is going it stops the run (the room keeps its big picture); with nothing running it
// leaves presenter mode.
TEST(PresenterMode, EscStopsARunFirstAndLeavesOnlyWhenNothingRuns)
{
    KeyedWindow keyed;
    ASSERT_TRUE(QTest::qWaitForWindowActive(&keyed.window));
    keyed.window.presenterMode().setOn(true);
    EXPECT_TRUE(test::child<QShortcut>(keyed.window, "leavePresenterMode")->isEnabled());
    keyed.window.runCurrent();
    ASSERT_TRUE(
        spinUntil([&] { return test::child<TimelinePlot>(keyed.window, "timeline")->data().segmentCount() > 0; }));
    EXPECT_FALSE(test::child<QShortcut>(keyed.window, "leavePresenterMode")->isEnabled());

    QTest::keyClick(&keyed.window, Qt::Key_Escape);
    ASSERT_TRUE(spinUntil([&] { return keyed.finished.size() == 1; }, 5'000));
    EXPECT_TRUE(keyed.finished[0].summary.cancelled);
    EXPECT_TRUE(keyed.window.presenterMode().isOn()) << "the first Esc only stopped the run";

    QTest::keyClick(&keyed.window, Qt::Key_Escape);
    EXPECT_FALSE(keyed.window.presenterMode().isOn());
    EXPECT_FALSE(keyed.window.windowState().testFlag(Qt::WindowFullScreen));
    // Outside presenter mode Esc with nothing running does nothing at all.
    QTest::keyClick(&keyed.window, Qt::Key_Escape);
    EXPECT_FALSE(keyed.window.presenterMode().isOn());
    EXPECT_TRUE(keyed.finished.size() == 1);
}

// A window that goes away in presenter mode gives the application its own font and palette back.
TEST(PresenterMode, ClosingTheWindowInPresenterModeRestoresTheApplication)
{
    const QFont font = QApplication::font();
    const QPalette palette = QApplication::palette();
    {
        MainWindow window;
        window.presenterMode().setOn(true);
        EXPECT_NE(QApplication::font().pointSizeF(), font.pointSizeF());
    }
    EXPECT_EQ(QApplication::font(), font);
    EXPECT_EQ(QApplication::palette().color(QPalette::WindowText), palette.color(QPalette::WindowText));
    EXPECT_EQ(QApplication::palette().color(QPalette::Window), palette.color(QPalette::Window));
}
