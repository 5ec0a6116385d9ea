#include "tests/figurefiles.h"
#include "tests/ui/child.h"
#include "tests/ui/spinuntil.h"
#include "ui/export/exportpicturedialog.h"
#include "ui/export/figurewriter.h"
#include "ui/export/pictureactions.h"
#include "ui/plots/coreutilisationplot.h"
#include "ui/plots/statepalette.h"
#include "ui/plots/timelineplot.h"
#include "ui/window/mainwindow.h"
#include "ui/window/metricspanel.h"
#include "ui/window/runsession.h"
#include "ui/window/workloadpanel.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QImage>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSet>
#include <QShortcut>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>
#include <functional>
#include <gtest/gtest.h>
#include <memory>
#include <vector>

using namespace conlab;
using conlab::test::spinUntil;

namespace {

// Pixels of `area` within a few steps of `colour` on every channel: an anti-aliased line's core, a segment's fill.
int pixelsNear(const QImage& image, const QRect& area, const QColor& colour, int tolerance = 0)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    int count = 0;
    for (int y = std::max(area.top(), 0); y <= std::min(area.bottom(), rgb.height() - 1); ++y) {
        for (int x = std::max(area.left(), 0); x <= std::min(area.right(), rgb.width() - 1); ++x) {
            const QRgb pixel = rgb.pixel(x, y);
            if (std::abs(qRed(pixel) - colour.red()) <= tolerance
                && std::abs(qGreen(pixel) - colour.green()) <= tolerance
                && std::abs(qBlue(pixel) - colour.blue()) <= tolerance)
                ++count;
        }
    }
    return count;
}

// A plot's data area in the coordinates of `window`'s picture: the axes, labels and legend left out.
QRect plotArea(const QCustomPlot* plot, const QWidget* window)
{
    const QRect area = plot->axisRect()->rect();
    return QRect(plot->mapTo(window, area.topLeft()), area.size());
}

// A window on a small workload that every model finishes in well under a second, with its results recorded.
struct ShownWindow
{
    MainWindow window;
    std::vector<RunResult> finished;
    int started = 0;

    explicit ShownWindow(WorkloadKind kind = WorkloadKind::Cpu, int tasks = 4, double cpuMs = 80, double ioMs = 40)
    {
        RunConfig config = window.currentConfig();
        config.workload.kind = kind;
        config.workload.tasks = tasks;
        config.workload.cpuMs = cpuMs;
        config.workload.ioMs = ioMs;
        config.workers = 2;
        window.setRunConfig(config);
        QObject::connect(&window, &MainWindow::runFinished, [this](const RunResult& r) { finished.push_back(r); });
        QObject::connect(&window.session(), &RunSession::runStarted, [this](const RunStart&) { ++started; });
        window.show();
    }

    bool waitForRuns(std::size_t count)
    {
        return spinUntil([&] { return finished.size() >= count; });
    }
};

} // namespace

TEST(MainWindow, HasTheTitleAndTheControlsAUserExpects)
{
    MainWindow window;
    EXPECT_EQ(window.windowTitle(), QStringLiteral("Concurrency Lab"));
    for (const char* name : {"model-sequential", "model-processes", "model-threads", "model-threads+gil",
             "model-eventloop", "model-python"})
        EXPECT_NO_THROW(test::child<QAbstractButton>(window, name));
    EXPECT_EQ(test::child<QAbstractButton>(window, "model-threads+gil")->text(), QStringLiteral("Threads + GIL"));
    // Keys 1-6, plain and with Alt, pick the models.
    QSet<QString> keys;
    for (const QShortcut* shortcut : test::child<ModelPicker>(window, "modelPicker")->findChildren<QShortcut*>())
        keys.insert(shortcut->key().toString());
    for (int i = 1; i <= ModelPicker::buttonCount; ++i) {
        EXPECT_TRUE(keys.contains(QString::number(i))) << i;
        EXPECT_TRUE(keys.contains(QStringLiteral("Alt+%1").arg(i))) << i;
    }
}

// Qt asks the focused widget first (ShortcutOverride): a spin box that takes the digit keeps it from the picker's
// plain-digit shortcuts, a button does not.
TEST(MainWindow, PlainDigitsPickModelsOnlyOutsideTextFields)
{
    MainWindow window;
    const auto overridden = [](QWidget* widget, Qt::KeyboardModifiers modifiers) {
        QKeyEvent event(QEvent::ShortcutOverride, Qt::Key_2, modifiers, QStringLiteral("2"));
        event.ignore();
        QApplication::sendEvent(widget, &event);
        return event.isAccepted();
    };
    EXPECT_TRUE(overridden(test::child<QSpinBox>(window, "tasks"), Qt::NoModifier));
    EXPECT_FALSE(overridden(test::child<QSpinBox>(window, "tasks"), Qt::AltModifier));
    EXPECT_FALSE(overridden(test::child<QAbstractButton>(window, "model-sequential"), Qt::NoModifier));

    // What the shortcut does once it fires: the same as a click.
    std::vector<ModelChoice> chosen;
    QObject::connect(test::child<ModelPicker>(window, "modelPicker"), &ModelPicker::modelChosen,
        [&](const ModelChoice& choice) { chosen.push_back(choice); });
    for (QShortcut* shortcut : test::child<ModelPicker>(window, "modelPicker")->findChildren<QShortcut*>()) {
        if (shortcut->key() == QKeySequence(Qt::Key_4))
            emit shortcut->activated();
    }
    ASSERT_EQ(chosen.size(), 1u);
    EXPECT_EQ(chosen[0], (ModelChoice {ModelKind::Threads, true, OffloadKind::None}));
    window.session().stop();
    EXPECT_TRUE(spinUntil([&] { return !window.session().isRunning(); }, 5'000));
}

TEST(MainWindow, EachModelButtonRunsThatModelAndFillsBothPlots)
{
    ShownWindow shown;
    // The five emulated models; Python, the sixth button, is PythonWindow's.
    const std::array<std::pair<const char*, ModelChoice>, 5> expected {{
        {"model-sequential", {ModelKind::Sequential, false, OffloadKind::None}},
        {"model-processes", {ModelKind::Processes, false, OffloadKind::None}},
        {"model-threads", {ModelKind::Threads, false, OffloadKind::None}},
        {"model-threads+gil", {ModelKind::Threads, true, OffloadKind::None}},
        {"model-eventloop", {ModelKind::EventLoop, false, OffloadKind::None}},
    }};
    std::size_t runs = 0;
    for (const auto& [button, choice] : expected) {
        SCOPED_TRACE(button);
        test::child<QAbstractButton>(shown.window, button)->click();
        EXPECT_TRUE(shown.window.session().isRunning());
        ASSERT_TRUE(shown.waitForRuns(++runs));
        const RunSummary& summary = shown.finished.back().summary;
        EXPECT_EQ(ModelChoice::fromConfig(summary.config), choice);
        EXPECT_FALSE(summary.cancelled);
        EXPECT_TRUE(summary.error.isEmpty()) << summary.error.toStdString();
        EXPECT_EQ(summary.tasksCompleted, 4);
        EXPECT_GT(test::child<TimelinePlot>(shown.window, "timeline")->data().segmentCount(), 0u);
        EXPECT_GT(test::child<CoreUtilisationPlot>(shown.window, "utilisation")->sampleCount(), 0u);
        EXPECT_TRUE(shown.window.stateText().contains(QStringLiteral("done in")))
            << shown.window.stateText().toStdString();
        EXPECT_TRUE(shown.window.latencyText().startsWith(QStringLiteral("UI latency p99")));
    }
}

TEST(MainWindow, TheEventLoopExecutorChoiceRunsWithThatExecutor)
{
    ShownWindow shown;
    ModelPicker* picker = test::child<ModelPicker>(shown.window, "modelPicker");
    EXPECT_FALSE(test::child<QComboBox>(*picker, "executor")->isEnabled());
    test::child<QAbstractButton>(*picker, "model-eventloop")->click();
    EXPECT_TRUE(test::child<QComboBox>(*picker, "executor")->isEnabled());
    ASSERT_TRUE(shown.waitForRuns(1));

    test::child<QComboBox>(*picker, "executor")->setCurrentIndex(1);
    emit test::child<QComboBox>(*picker, "executor")->activated(1);
    ASSERT_TRUE(shown.waitForRuns(2));
    EXPECT_EQ(shown.finished.back().summary.config.offload, OffloadKind::Threads);
    EXPECT_EQ(shown.finished.back().summary.tasksCompleted, 4);
}

TEST(MainWindow, SwitchingModelMidRunStopsTheOldRunAndRunsTheNew)
{
    ShownWindow shown(WorkloadKind::Sleep, 4, 0, 20'000);
    test::child<QAbstractButton>(shown.window, "model-threads")->click();
    ASSERT_TRUE(
        spinUntil([&] { return test::child<TimelinePlot>(shown.window, "timeline")->data().segmentCount() > 0; }));

    RunConfig quick = shown.window.currentConfig();
    quick.workload.ioMs = 50;
    test::child<WorkloadPanel>(shown.window, "workloadPanel")->setConfig(quick);
    test::child<QAbstractButton>(shown.window, "model-eventloop")->click();
    ASSERT_TRUE(shown.waitForRuns(2));
    EXPECT_EQ(shown.finished[0].summary.config.model, ModelKind::Threads);
    EXPECT_TRUE(shown.finished[0].summary.cancelled);
    EXPECT_EQ(shown.finished[1].summary.config.model, ModelKind::EventLoop);
    EXPECT_FALSE(shown.finished[1].summary.cancelled);
    EXPECT_EQ(shown.finished[1].summary.tasksCompleted, 4);
    EXPECT_TRUE(test::child<QAbstractButton>(shown.window, "model-eventloop")->isChecked());
}

// The timeline draws a finished run from the trace the shown run keeps (for export, compare and saving), not from a
// copy of every segment: a shown run is held once. A result clicked back to is shown the same way.
TEST(MainWindow, AFinishedRunIsHeldOnceByTheShownRunAndDrawnFromIt)
{
    ShownWindow shown;
    const auto drawsFromTheShownTrace = [&] {
        const ShownRun* run = shown.window.shownRun();
        if (!run || !run->run.trace)
            return ::testing::AssertionFailure() << "no shown run";
        const std::vector<Segment>& segments = run->run.trace->segments;
        const TimelineData& data = test::child<TimelinePlot>(shown.window, "timeline")->data();
        if (data.segmentCount() != segments.size())
            return ::testing::AssertionFailure() << data.segmentCount() << " drawn of " << segments.size();
        for (int lane = 0; lane < data.laneCount(); ++lane) {
            const std::span<const Segment> drawn = data.lane(lane);
            if (!drawn.empty() && (drawn.data() < segments.data() || drawn.data() >= segments.data() + segments.size()))
                return ::testing::AssertionFailure() << "lane " << lane << " is a copy of the shown run's segments";
        }
        return ::testing::AssertionSuccess();
    };
    test::child<QAbstractButton>(shown.window, "model-threads")->click();
    ASSERT_TRUE(shown.waitForRuns(1));
    EXPECT_TRUE(drawsFromTheShownTrace());
    test::child<QAbstractButton>(shown.window, "model-sequential")->click();
    ASSERT_TRUE(shown.waitForRuns(2));
    test::child<QAbstractButton>(shown.window, "model-threads")->click();
    EXPECT_EQ(shown.started, 2) << "restored, not run again";
    EXPECT_TRUE(drawsFromTheShownTrace());
}

TEST(MainWindow, ClickingBackRestoresTheLastResultAtOnce)
{
    ShownWindow shown;
    test::child<QAbstractButton>(shown.window, "model-sequential")->click();
    ASSERT_TRUE(shown.waitForRuns(1));
    const std::size_t sequentialSegments = test::child<TimelinePlot>(shown.window, "timeline")->data().segmentCount();
    test::child<QAbstractButton>(shown.window, "model-threads")->click();
    ASSERT_TRUE(shown.waitForRuns(2));
    ASSERT_EQ(shown.started, 2);

    test::child<QAbstractButton>(shown.window, "model-sequential")->click();
    EXPECT_FALSE(shown.window.session().isRunning());
    EXPECT_EQ(shown.started, 2) << "no new run";
    EXPECT_EQ(test::child<TimelinePlot>(shown.window, "timeline")->data().segmentCount(), sequentialSegments);
    EXPECT_TRUE(test::child<QAbstractButton>(shown.window, "model-sequential")->isChecked());
    EXPECT_TRUE(shown.window.stateText().contains(QStringLiteral("Sequential")))
        << shown.window.stateText().toStdString();
    // Sequential on this workload is now known: threads' result shows its speed-up when clicked back to.
    test::child<QAbstractButton>(shown.window, "model-threads")->click();
    EXPECT_EQ(shown.started, 2);
    EXPECT_TRUE(test::child<MetricsPanel>(shown.window, "metricsPanel")
                    ->valueOf(QStringLiteral("Speed-up"))
                    .contains(QStringLiteral("×")))
        << test::child<MetricsPanel>(shown.window, "metricsPanel")->valueOf(QStringLiteral("Speed-up")).toStdString();
}

TEST(MainWindow, TheBaselineButtonMeasuresSequentialAndFillsInTheSpeedup)
{
    ShownWindow shown;
    test::child<QAbstractButton>(shown.window, "model-threads")->click();
    ASSERT_TRUE(shown.waitForRuns(1));
    QPushButton* baseline = test::child<MetricsPanel>(shown.window, "metricsPanel")->baselineButton();
    EXPECT_TRUE(baseline->isVisible());
    baseline->click();
    ASSERT_TRUE(shown.waitForRuns(2));
    EXPECT_EQ(shown.finished[1].summary.config.model, ModelKind::Sequential);
    EXPECT_TRUE(spinUntil(
        [&] {
            return test::child<QAbstractButton>(shown.window, "model-threads")->isChecked() && !baseline->isVisible();
        },
        5'000));
    EXPECT_TRUE(test::child<MetricsPanel>(shown.window, "metricsPanel")
                    ->valueOf(QStringLiteral("Speed-up"))
                    .contains(QStringLiteral("×")))
        << test::child<MetricsPanel>(shown.window, "metricsPanel")->valueOf(QStringLiteral("Speed-up")).toStdString();
}

// The window's own picture shows the run: inside the timeline's data area, every state the run spent a visible share
// of its time in, in that state's colour; inside the utilisation plot's, the first core's line. The chrome around
// them (anti-aliased text and buttons, hundreds of colours on their own) is not looked at.
TEST(MainWindow, AScreenshotAfterARunShowsItsStatesAndItsCores)
{
    ShownWindow shown(WorkloadKind::Mixed, 6, 40, 40);
    shown.window.resize(1280, 800);
    test::child<QAbstractButton>(shown.window, "model-threads")->click();
    ASSERT_TRUE(shown.waitForRuns(1));
    shown.window.refreshPlotsNow();
    const QImage image = shown.window.grab().toImage();
    ASSERT_FALSE(image.isNull());
    const QRect timeline = plotArea(test::child<TimelinePlot>(shown.window, "timeline"), &shown.window);
    // A core busy for the whole run draws its line on the data area's top edge (100 %), half of its width above it:
    // a few pixels past the edges belong to the lines too (the axes and grid are not a core's colour).
    const QRect utilisation
        = plotArea(test::child<CoreUtilisationPlot>(shown.window, "utilisation"), &shown.window).adjusted(0, -4, 0, 4);
    ASSERT_GT(timeline.width() * timeline.height(), 10'000);

    const RunSummary& summary = shown.finished[0].summary;
    double totalMs = 0;
    for (double ms : summary.stateMs)
        totalMs += ms;
    int statesShown = 0;
    for (TaskState state : allTaskStates) {
        if (summary.stateMs[std::size_t(state)] < 0.05 * totalMs)
            continue;
        ++statesShown;
        const int pixels = pixelsNear(image, timeline, stateColor(state));
        std::printf("%s: %d pixels in the timeline\n", taskStateKey(state).toLatin1().constData(), pixels);
        EXPECT_GT(pixels, 200) << taskStateKey(state).toStdString();
    }
    EXPECT_GE(statesShown, 2) << "a mixed run computes and waits";
    EXPECT_GT(pixelsNear(image, utilisation, coreColor(0), 24), 20) << "no line of core 0";
}

TEST(MainWindow, WorkloadControlsThatDoNotApplyAreDisabled)
{
    MainWindow window;
    WorkloadPanel* panel = test::child<WorkloadPanel>(window, "workloadPanel");
    RunConfig config = window.currentConfig();
    config.workload.kind = WorkloadKind::Cpu;
    window.setRunConfig(config);
    EXPECT_TRUE(test::child<QDoubleSpinBox>(*panel, "cpuMs")->isEnabled());
    EXPECT_FALSE(test::child<QDoubleSpinBox>(*panel, "ioMs")->isEnabled());
    EXPECT_FALSE(test::child<QSpinBox>(*panel, "phases")->isEnabled());
    EXPECT_FALSE(test::child<QSpinBox>(*panel, "workers")->isEnabled()) << "sequential has one thread";
    EXPECT_FALSE(test::child<QDoubleSpinBox>(*panel, "switchInterval")->isEnabled());

    config.workload.kind = WorkloadKind::Mixed;
    config.model = ModelKind::Threads;
    config.gil = true;
    config.switchIntervalMs = 2.5;
    window.setRunConfig(config);
    EXPECT_TRUE(test::child<QDoubleSpinBox>(*panel, "ioMs")->isEnabled());
    EXPECT_TRUE(test::child<QSpinBox>(*panel, "phases")->isEnabled());
    EXPECT_TRUE(test::child<QSpinBox>(*panel, "workers")->isEnabled());
    EXPECT_TRUE(test::child<QDoubleSpinBox>(*panel, "switchInterval")->isEnabled());

    const RunConfig back = window.currentConfig();
    EXPECT_EQ(back.workload.kind, WorkloadKind::Mixed);
    EXPECT_TRUE(back.gil);
    EXPECT_DOUBLE_EQ(back.switchIntervalMs, 2.5);
    EXPECT_TRUE(back.validationError().isEmpty());

    // The shared counter: its own knobs; awaiting mid-update only where there is an await, on the event loop.
    config.workload.kind = WorkloadKind::Counter;
    config.gil = false;
    window.setRunConfig(config);
    EXPECT_TRUE(test::child<QSpinBox>(*panel, "increments")->isEnabled());
    EXPECT_TRUE(test::child<QCheckBox>(*panel, "lock")->isEnabled());
    EXPECT_FALSE(test::child<QCheckBox>(*panel, "yield")->isEnabled());
    EXPECT_FALSE(test::child<QDoubleSpinBox>(*panel, "cpuMs")->isEnabled());
    EXPECT_FALSE(test::child<QDoubleSpinBox>(*panel, "switchInterval")->isEnabled());
    test::child<QCheckBox>(*panel, "yield")->setChecked(true);
    EXPECT_FALSE(window.currentConfig().workload.yieldBetween) << "threads cannot await";
    test::child<ModelPicker>(window, "modelPicker")->setChoice({ModelKind::EventLoop, false, OffloadKind::None});
    panel->setModelChoice(test::child<ModelPicker>(window, "modelPicker")->choice());
    EXPECT_TRUE(test::child<QCheckBox>(*panel, "yield")->isEnabled());
    EXPECT_TRUE(window.currentConfig().workload.yieldBetween);

    // The convoy is always one CPU task beside one I/O task on two workers.
    config.workload.kind = WorkloadKind::Convoy;
    config.model = ModelKind::Threads;
    config.workers = 1;
    window.setRunConfig(config);
    EXPECT_FALSE(test::child<QSpinBox>(*panel, "tasks")->isEnabled());
    EXPECT_FALSE(test::child<QSpinBox>(*panel, "workers")->isEnabled());
    EXPECT_TRUE(test::child<QDoubleSpinBox>(*panel, "cpuMs")->isEnabled());
    EXPECT_TRUE(test::child<QDoubleSpinBox>(*panel, "ioMs")->isEnabled());
    EXPECT_TRUE(window.currentConfig().validationError().isEmpty())
        << window.currentConfig().validationError().toStdString();

    // The spin boxes cannot hold what the engine would refuse.
    EXPECT_EQ(test::child<QSpinBox>(*panel, "tasks")->minimum(), 1);
    EXPECT_EQ(test::child<QSpinBox>(*panel, "tasks")->maximum(), limits::maxTasks);
    EXPECT_EQ(test::child<QSpinBox>(*panel, "workers")->maximum(), limits::maxWorkers);
    EXPECT_EQ(test::child<QSpinBox>(*panel, "phases")->minimum(), 1);
    EXPECT_GT(test::child<QDoubleSpinBox>(*panel, "switchInterval")->minimum(), 0.0);
    EXPECT_EQ(test::child<QDoubleSpinBox>(*panel, "switchInterval")->maximum(), limits::maxSwitchIntervalMs);
}

TEST(MainWindow, TheSharedCounterShowsLostUpdates)
{
    ShownWindow shown;
    RunConfig config = shown.window.currentConfig();
    config.model = ModelKind::Threads;
    config.workload.kind = WorkloadKind::Counter;
    config.workload.tasks = 4;
    config.workload.increments = 20'000;
    shown.window.setRunConfig(config);
    shown.window.runCurrent();
    ASSERT_TRUE(shown.waitForRuns(1));
    const RunSummary& summary = shown.finished.back().summary;
    ASSERT_TRUE(summary.error.isEmpty()) << summary.error.toStdString();
    ASSERT_TRUE(summary.counter.has_value());
    EXPECT_EQ(summary.counter->expected, 80'000);
    const QString counter = test::child<MetricsPanel>(shown.window, "metricsPanel")->valueOf(QStringLiteral("Counter"));
    EXPECT_TRUE(counter.contains(QStringLiteral("updates lost"))) << counter.toStdString();
    EXPECT_TRUE(
        test::child<MetricsPanel>(shown.window, "metricsPanel")->valueOf(QStringLiteral("Round trips")).isEmpty());
}

TEST(MainWindowTiming, ClosingMidRunCancelsWithoutHanging)
{
    auto shown = std::make_unique<ShownWindow>(WorkloadKind::Cpu, 64, 1'000, 0);
    test::child<QAbstractButton>(shown->window, "model-threads")->click();
    ASSERT_TRUE(
        spinUntil([&] { return test::child<TimelinePlot>(shown->window, "timeline")->data().segmentCount() > 0; }));
    QElapsedTimer clock;
    clock.start();
    shown->window.close();
    shown.reset();
    EXPECT_LT(clock.elapsed(), 2'000);
}

namespace {

QAction* actionWithShortcut(MainWindow& window, const QKeySequence& keys)
{
    for (QAction* action : window.findChildren<QAction*>()) {
        if (action->shortcut() == keys)
            return action;
    }
    return nullptr;
}

bool waitForPictures(MainWindow& window)
{
    return spinUntil([&] { return window.pictures().writer().pending() == 0; }, 30'000);
}

ExportPictureDialog::Settings pngIn(const QString& path)
{
    ExportPictureDialog::Settings settings;
    settings.size = QSize(800, 500);
    settings.scale = 2;
    settings.path = path;
    return settings;
}

} // namespace

TEST(MainWindow, PictureActionsHaveTheirShortcutsAndWaitForARun)
{
    ShownWindow shown;
    QAction* exportAction = actionWithShortcut(shown.window, QKeySequence(Qt::CTRL | Qt::Key_S));
    QAction* copyAction = actionWithShortcut(shown.window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    ASSERT_NE(exportAction, nullptr);
    ASSERT_NE(copyAction, nullptr);
    EXPECT_EQ(exportAction->text(), QStringLiteral("&Export picture…"));
    EXPECT_EQ(copyAction->text(), QStringLiteral("&Copy picture"));
    EXPECT_FALSE(exportAction->isEnabled());
    EXPECT_FALSE(copyAction->isEnabled());
    EXPECT_FALSE(shown.window.canExportPicture());
    QTemporaryDir dir;
    EXPECT_FALSE(shown.window.pictures().exportPicture(pngIn(dir.filePath(QStringLiteral("nothing.png")))));
    EXPECT_EQ(shown.window.shownRun(), nullptr);

    test::child<QAbstractButton>(shown.window, "model-threads")->click();
    ASSERT_TRUE(shown.waitForRuns(1));
    EXPECT_TRUE(exportAction->isEnabled());
    EXPECT_TRUE(copyAction->isEnabled());
    ASSERT_NE(shown.window.shownRun(), nullptr);
    EXPECT_TRUE(shown.window.shownRun()->run.summary.has_value());
    EXPECT_EQ(shown.window.shownRun()->run.trace, shown.finished.back().trace);
    EXPECT_TRUE(shown.window.shownRun()->sourceFile.isEmpty());
}

TEST(MainWindow, ExportWritesThePictureOfTheRunOnScreenAndSaysSoInTheStatusBar)
{
    ShownWindow shown;
    test::child<QAbstractButton>(shown.window, "model-threads")->click();
    ASSERT_TRUE(shown.waitForRuns(1));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("threads.png"));
    ASSERT_TRUE(shown.window.pictures().exportPicture(pngIn(path)));
    ASSERT_TRUE(waitForPictures(shown.window));
    const QImage image(path);
    EXPECT_EQ(image.size(), QSize(1600, 1000));
    EXPECT_GT(test::inkPixels(image), 1600 * 1000 / 10);
    const QString message = shown.window.statusBar()->currentMessage();
    EXPECT_TRUE(message.contains(QStringLiteral("Saved the picture"))) << message.toStdString();
    EXPECT_TRUE(message.contains(path)) << message.toStdString();

    const QStringList caption = figureCaption(shown.window.captionFacts());
    EXPECT_TRUE(caption[0].startsWith(QStringLiteral("Threads — cpu: 4 tasks of 80 ms CPU")))
        << caption[0].toStdString();
    EXPECT_TRUE(caption[1].contains(QStringLiteral("speed-up not measured"))) << caption[1].toStdString();
}

TEST(MainWindow, AFailedExportSaysWhyInTheStatusBar)
{
    ShownWindow shown;
    test::child<QAbstractButton>(shown.window, "model-sequential")->click();
    ASSERT_TRUE(shown.waitForRuns(1));
    QTemporaryDir dir;
    const QString blocker = dir.filePath(QStringLiteral("file"));
    QFile file(blocker);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.close();
    const QString path = blocker + QStringLiteral("/figure.svg");
    ExportPictureDialog::Settings settings = pngIn(path);
    settings.format = FigureFormat::Svg;
    ASSERT_TRUE(shown.window.pictures().exportPicture(settings));
    ASSERT_TRUE(waitForPictures(shown.window));
    const QString message = shown.window.statusBar()->currentMessage();
    EXPECT_TRUE(message.startsWith(QStringLiteral("Could not write the picture"))) << message.toStdString();
    EXPECT_TRUE(message.contains(path)) << message.toStdString();
}

TEST(MainWindow, CopyPicturePutsA2xImageOnTheClipboard)
{
    ShownWindow shown;
    test::child<QAbstractButton>(shown.window, "model-threads")->click();
    ASSERT_TRUE(shown.waitForRuns(1));
    QGuiApplication::clipboard()->clear();
    ASSERT_TRUE(shown.window.pictures().copyPicture());
    ASSERT_TRUE(waitForPictures(shown.window));
    const QMimeData* data = QGuiApplication::clipboard()->mimeData();
    ASSERT_NE(data, nullptr);
    ASSERT_TRUE(data->hasFormat(QStringLiteral("image/png")));
    const QImage png = QImage::fromData(data->data(QStringLiteral("image/png")), "PNG");
    EXPECT_EQ(png.size(), QSize(3200, 1800));
    EXPECT_GT(test::inkPixels(png), 3200 * 1800 / 10);
    EXPECT_EQ(QGuiApplication::clipboard()->image().size(), QSize(3200, 1800));
    EXPECT_TRUE(shown.window.statusBar()->currentMessage().contains(QStringLiteral("clipboard")));
}

TEST(MainWindow, APictureTakenMidRunIsWhatIsOnScreenCaptionedAsRunning)
{
    ShownWindow shown(WorkloadKind::Sleep, 4, 0, 20'000);
    test::child<QAbstractButton>(shown.window, "model-threads")->click();
    ASSERT_TRUE(
        spinUntil([&] { return test::child<TimelinePlot>(shown.window, "timeline")->data().segmentCount() > 0; }));
    EXPECT_TRUE(shown.window.canExportPicture());
    EXPECT_EQ(shown.window.shownRun(), nullptr) << "the last finished run is not what the plots show";
    const CaptionFacts facts = shown.window.captionFacts();
    EXPECT_TRUE(facts.config.has_value());
    EXPECT_FALSE(facts.summary.has_value());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("live.pdf"));
    ExportPictureDialog::Settings settings = pngIn(path);
    settings.format = FigureFormat::Pdf;
    ASSERT_TRUE(shown.window.pictures().exportPicture(settings));
    ASSERT_TRUE(waitForPictures(shown.window));
    QFile pdf(path);
    ASSERT_TRUE(pdf.open(QIODevice::ReadOnly));
    EXPECT_TRUE(test::isWholePdf(pdf.readAll()));
    shown.window.stopRun();
    ASSERT_TRUE(shown.waitForRuns(1));
}

TEST(MainWindow, TheExportDialogOffersTheZoomedWindowAndSavesWithTheChoices)
{
    ShownWindow shown;
    test::child<QAbstractButton>(shown.window, "model-threads")->click();
    ASSERT_TRUE(shown.waitForRuns(1));
    // A zoom on one plot, passed on to the other, as a wheel turn would.
    const TimeRange full = test::child<TimelinePlot>(shown.window, "timeline")->fullTimeRange();
    test::child<TimelinePlot>(shown.window, "timeline")->setTimeRange(full.begin, full.begin + full.size() / 2);
    test::child<CoreUtilisationPlot>(shown.window, "utilisation")
        ->setTimeRange(full.begin, full.begin + full.size() / 2);

    shown.window.pictures().showDialog();
    auto* dialog = shown.window.findChild<ExportPictureDialog*>();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(test::child<QCheckBox>(*dialog, "visibleWindowOnly")->isEnabled());
    EXPECT_TRUE(test::child<QCheckBox>(*dialog, "visibleWindowOnly")->isChecked());
    EXPECT_TRUE(QFileInfo(dialog->settings().path).fileName().startsWith(QStringLiteral("conlab-threads-cpu-")))
        << dialog->settings().path.toStdString();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("zoomed.png"));
    test::child<QLineEdit>(*dialog, "path")->setText(path);
    dialog->accept();
    ASSERT_TRUE(waitForPictures(shown.window));
    EXPECT_EQ(QImage(path).size(), QSize(1600 * 2, 900 * 2));
    // Still zoomed on screen.
    EXPECT_TRUE(test::child<TimelinePlot>(shown.window, "timeline")->userZoomed());
    EXPECT_NEAR(
        test::child<TimelinePlot>(shown.window, "timeline")->timeRange().end, full.begin + full.size() / 2, 1e-9);
}
