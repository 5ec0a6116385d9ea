#include "core/python/examplescripts.h"
#include "tests/core/python/pythonrun.h"
#include "tests/ui/child.h"
#include "tests/ui/spinuntil.h"
#include "ui/export/figurecaption.h"
#include "ui/export/figurewriter.h"
#include "ui/export/pictureactions.h"
#include "ui/plots/timelineplot.h"
#include "ui/window/mainwindow.h"
#include "ui/window/presentermode.h"
#include "ui/window/runfileactions.h"
#include "ui/window/runsession.h"
#include "ui/window/sourcepane.h"
#include "ui/window/workloadpanel.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QFontInfo>
#include <QImage>
#include <QKeySequence>
#include <QLabel>
#include <QRegularExpression>
#include <QSet>
#include <QShortcut>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <gtest/gtest.h>
#include <vector>

using namespace conlab;
using conlab::test::spinUntil;

namespace {

// A window on a workload small enough that every example ends in about a second.
struct PythonWindow
{
    MainWindow window;
    std::vector<RunResult> finished;

    PythonWindow()
    {
        RunConfig config = window.currentConfig();
        config.workload.tasks = 2;
        config.workload.cpuMs = 120;
        config.workload.ioMs = 20;
        config.workload.increments = 20'000;
        config.workers = 2;
        window.setRunConfig(config);
        QObject::connect(&window, &MainWindow::runFinished, [this](const RunResult& r) { finished.push_back(r); });
        window.show();
    }

    QComboBox* scriptBox() const { return window.findChild<QComboBox*>(QStringLiteral("scriptBox")); }
    QString label(const char* name) const
    {
        const auto* value = window.findChild<QLabel*>(QLatin1String(name));
        return value && value->isVisible() ? value->text() : QString();
    }

    // Picks `script` in the chooser as a user does, which runs it; false if it did not end in time.
    bool run(const QString& script)
    {
        const std::size_t before = finished.size();
        const int index = scriptBox()->findData(script);
        EXPECT_GE(index, 0) << script.toStdString();
        scriptBox()->setCurrentIndex(index);
        emit scriptBox()->activated(index);
        return spinUntil([&] { return finished.size() > before; }, 180'000);
    }

    int gilLanesWithSegments() const
    {
        const TimelineData& data = window.findChild<TimelinePlot*>(QStringLiteral("timeline"))->data();
        int lanes = 0;
        for (int row = 0; row < data.laneCount(); ++row)
            lanes += data.lanes()[std::size_t(row)].kind == LaneKind::Gil && !data.lane(row).empty() ? 1 : 0;
        return lanes;
    }
};

} // namespace

TEST(PythonWindow, KeySixPicksPythonAndTheChooserOffersEveryExample)
{
    MainWindow window;
    QSet<QString> keys;
    for (const QShortcut* shortcut : window.findChildren<QShortcut*>())
        keys.insert(shortcut->key().toString());
    EXPECT_TRUE(keys.contains(QStringLiteral("6")));
    EXPECT_TRUE(keys.contains(QStringLiteral("Alt+6")));
    const auto* python = window.findChild<QAbstractButton*>(QStringLiteral("model-python"));
    ASSERT_NE(python, nullptr);
    EXPECT_EQ(python->text(), QStringLiteral("Python"));
    const auto* box = window.findChild<QComboBox*>(QStringLiteral("scriptBox"));
    ASSERT_NE(box, nullptr);
    for (const QString& name : exampleScriptNames()) {
        const int index = box->findData(exampleScriptPath(name));
        ASSERT_GE(index, 0) << name.toStdString();
        EXPECT_FALSE(box->itemText(index).startsWith(name))
            << "examples are listed by title: " << box->itemText(index).toStdString();
    }
    EXPECT_GE(box->findText(QStringLiteral("Open script…")), 0);
}

// The controls an example does not read are disabled and say why; the ones it reads reach it as arguments.
TEST(PythonWindow, ControlsTheExampleDoesNotReadAreDisabledWithAReason)
{
    PythonWindow shown;
    QComboBox* box = shown.scriptBox();
    box->setCurrentIndex(box->findData(exampleScriptPath(QStringLiteral("cpu_asyncio"))));
    emit box->activated(box->currentIndex());
    // Existing getters (the workload panel's fields have no object names yet).
    const QSpinBox* workers = test::child<QSpinBox>(shown.window, "workers");
    const QSpinBox* tasks = test::child<QSpinBox>(shown.window, "tasks");
    EXPECT_FALSE(workers->isEnabled());
    EXPECT_TRUE(workers->toolTip().contains(QStringLiteral("does not read this setting")))
        << workers->toolTip().toStdString();
    EXPECT_TRUE(tasks->isEnabled());
    const RunConfig config = shown.window.currentConfig();
    ASSERT_TRUE(config.python.has_value());
    EXPECT_EQ(config.python->arguments,
        (QStringList {
            QStringLiteral("--tasks"), QStringLiteral("2"), QStringLiteral("--cpu-ms"), QStringLiteral("120")}));
    shown.window.session().stop();
    EXPECT_TRUE(spinUntil([&] { return !shown.window.session().isRunning(); }));
}

// The blocked loop and its fix are one choice apart: with the blocked-loop example chosen, the executor box (the event
// loop's) is enabled and reaches the script as --offload. Offloaded to a thread pool, the CPU steps no longer hold the
// loop: the time the loop thread spends blocked falls, and so does the ticker's worst lateness the script prints.
TEST(PythonWindow, TheExecutorBoxOffloadsTheBlockedLoopAndItsBlockedTimeFalls)
{
    CONLAB_REQUIRE_PYTHON();
    PythonWindow shown;
    RunConfig config = shown.window.currentConfig();
    config.workload.cpuMs = 250;
    shown.window.setRunConfig(config);
    auto* executor = shown.window.findChild<QComboBox*>(QStringLiteral("executor"));
    ASSERT_NE(executor, nullptr);
    const auto worstLateMs = [](const RunResult& result) {
        const auto match = QRegularExpression(QStringLiteral(R"(worst_tick_late_ms=([\d.]+))"))
                               .match(result.summary.python ? result.summary.python->stdoutText : QString());
        return match.hasMatch() ? match.captured(1).toDouble() : -1.0;
    };

    ASSERT_TRUE(shown.run(exampleScriptPath(QStringLiteral("blocked_loop"))));
    EXPECT_TRUE(executor->isEnabled());
    const RunResult blocked = shown.finished.back();
    ASSERT_TRUE(blocked.summary.error.isEmpty()) << blocked.summary.error.toStdString();
    EXPECT_TRUE(
        blocked.summary.config.python->arguments.join(QLatin1Char(' ')).endsWith(QStringLiteral("--offload none")))
        << blocked.summary.config.python->arguments.join(QLatin1Char(' ')).toStdString();

    const std::size_t before = shown.finished.size();
    const int threads = executor->findData(int(OffloadKind::Threads));
    executor->setCurrentIndex(threads);
    emit executor->activated(threads); // as a user's pick: it runs
    ASSERT_TRUE(spinUntil([&] { return shown.finished.size() > before; }, 180'000));
    const RunResult fixed = shown.finished.back();
    ASSERT_TRUE(fixed.summary.error.isEmpty()) << fixed.summary.error.toStdString();
    EXPECT_TRUE(
        fixed.summary.config.python->arguments.join(QLatin1Char(' ')).endsWith(QStringLiteral("--offload threads")))
        << fixed.summary.config.python->arguments.join(QLatin1Char(' ')).toStdString();

    const auto blockedMs
        = [](const RunResult& result) { return result.summary.stateMs[std::size_t(TaskState::BlockingLoop)]; };
    std::printf("blocking the loop: %.0f ms inline, %.0f ms offloaded; worst tick late %.1f ms, %.1f ms\n",
        blockedMs(blocked), blockedMs(fixed), worstLateMs(blocked), worstLateMs(fixed));
    // Two CPU steps of 250 ms inline: the loop is blocked for about 500 ms.
    EXPECT_GE(blockedMs(blocked), 0.6 * 2 * 250);
    EXPECT_LT(blockedMs(fixed), 0.5 * blockedMs(blocked));
    EXPECT_GE(worstLateMs(blocked), 0.8 * 250);
    EXPECT_LT(worstLateMs(fixed), 0.5 * worstLateMs(blocked));

    // Another example has no executor: the box is disabled, and no --offload reaches the script.
    QComboBox* box = shown.scriptBox();
    box->setCurrentIndex(box->findData(exampleScriptPath(QStringLiteral("cpu_asyncio"))));
    emit box->activated(box->currentIndex());
    EXPECT_FALSE(executor->isEnabled());
    EXPECT_FALSE(shown.window.currentConfig().python->arguments.contains(QStringLiteral("--offload")));
    shown.window.session().stop();
    EXPECT_TRUE(spinUntil([&] { return !shown.window.session().isRunning(); }));
}

// The tool tip at the middle of the longest segment whose function starts with `function`, as a user who hovers it
// sees it; empty if no segment names that function.
QString hoverOnFunction(const TimelinePlot& timeline, const QString& function)
{
    const TimelineData& data = timeline.data();
    const Segment* longest = nullptr;
    int longestRow = -1;
    for (int row = 0; row < data.laneCount(); ++row) {
        for (const Segment& segment : data.lane(row)) {
            if (data.functionName(segment).startsWith(function)
                && (!longest || segment.durationNs() > longest->durationNs())) {
                longest = &segment;
                longestRow = row;
            }
        }
    }
    if (!longest)
        return {};
    const double middle = double((longest->beginNs + longest->endNs) / 2 - data.originNs()) / 1e9;
    return timeline.toolTipAt(QPointF(timeline.xAxis->coordToPixel(middle), timeline.yAxis->coordToPixel(longestRow)));
}

// What a teacher does: Python, then each example in turn. Each fills the timeline with the script's threads and a
// GIL lane per process, and the numbers with the interpreter's version, the hand-overs, the GIL shares, the exit code
// and the output.
TEST(PythonWindow, EachShippedExampleFillsTheTimelineGilLanesAndMetrics)
{
    CONLAB_REQUIRE_PYTHON();
    PythonWindow shown;
    for (const QString& name : exampleScriptNames()) {
        SCOPED_TRACE(name.toStdString());
        ASSERT_TRUE(shown.run(exampleScriptPath(name)));
        const RunSummary& summary = shown.finished.back().summary;
        ASSERT_TRUE(summary.error.isEmpty()) << summary.error.toStdString();
        ASSERT_TRUE(summary.python.has_value());
        EXPECT_EQ(summary.config.python->script, exampleScriptPath(name));
        shown.window.refreshPlotsNow();
        const TimelineData& data = shown.window.findChild<TimelinePlot*>(QStringLiteral("timeline"))->data();
        EXPECT_GE(data.laneCount(), 1);
        EXPECT_GT(data.segmentCount(), 0u);
        // The GIL lanes and the version need the observer to have read the interpreter's memory; when it fell back to
        // OS states (its note says why), the window must say so instead.
        if (summary.python->observerMode != QLatin1String("memory")) {
            ADD_FAILURE() << "observer fell back to OS states: " << summary.notes.join(QLatin1Char(' ')).toStdString();
            EXPECT_TRUE(shown.label("gilValue").contains(QStringLiteral("not seen")));
        } else {
            EXPECT_GE(data.laneCount(), 2);
            EXPECT_FALSE(summary.python->version.isEmpty());
            EXPECT_GE(shown.gilLanesWithSegments(), name == QLatin1String("cpu_processes") ? 2 : 1);
            EXPECT_TRUE(shown.label("gilShareValue").contains(QLatin1Char('%')))
                << shown.label("gilShareValue").toStdString();
            EXPECT_TRUE(shown.label("gilValue").contains(QStringLiteral("hand-overs")));
        }
        EXPECT_TRUE(shown.label("pythonValue")
                        .startsWith(summary.python->version.isEmpty() ? QStringLiteral("version not known")
                                                                      : summary.python->version));
        EXPECT_EQ(shown.label("exitCodeValue"), QStringLiteral("0"));
        // Every example ends by printing its name and its time.
        EXPECT_TRUE(shown.label("outputValue").contains(name + QStringLiteral(": ")))
            << shown.label("outputValue").toStdString();
    }
}

// Export, copy, save and open work for a Python run: the picture's caption names the script and the interpreter,
// and the saved file brings back the script's source, its output and its numbers.
TEST(PythonWindow, APythonRunIsExportedSavedAndOpenedWithItsSource)
{
    CONLAB_REQUIRE_PYTHON();
    PythonWindow shown;
    const QString example = exampleScriptPath(QStringLiteral("cpu_threads"));
    ASSERT_TRUE(shown.run(example));
    ASSERT_TRUE(shown.finished.back().summary.error.isEmpty());
    const auto* source = shown.window.findChild<SourcePane*>(QStringLiteral("sourcePane"));
    ASSERT_NE(source, nullptr);
    EXPECT_TRUE(source->isVisible());
    EXPECT_TRUE(source->toPlainText().contains(QStringLiteral("ThreadPoolExecutor")));

    const QStringList caption = figureCaption(shown.window.captionFacts());
    EXPECT_TRUE(caption[0].startsWith(QStringLiteral("Python: CPU-bound threads — cpu_threads.py --tasks 2")))
        << caption[0].toStdString();
    const bool readGil = shown.finished.back().summary.python->observerMode == QLatin1String("memory");
    EXPECT_TRUE(caption[1].contains(readGil ? QStringLiteral("GIL hand-overs") : QStringLiteral("a real CPython")))
        << caption[1].toStdString();
    QTemporaryDir dir;
    ExportPictureDialog::Settings settings;
    settings.size = QSize(800, 500);
    settings.path = dir.filePath(QStringLiteral("python.png"));
    ASSERT_TRUE(shown.window.pictures().exportPicture(settings));
    ASSERT_TRUE(shown.window.pictures().copyPicture());
    ASSERT_TRUE(spinUntil([&] { return shown.window.pictures().writer().pending() == 0; }, 30'000));
    EXPECT_EQ(QImage(settings.path).size(), QSize(1600, 1000));

    // Hovering a worker's bar names the Python function it ran: the example's workers burn CPU in conlab_knobs.burn.
    shown.window.refreshPlotsNow();
    // The line its code object starts on, as the shipped file has it.
    QFile knobs(QStringLiteral(":/python/conlab_knobs.py"));
    ASSERT_TRUE(knobs.open(QIODevice::ReadOnly));
    const int burnLine = int(knobs.readAll().split('\n').indexOf("def burn(iterations):")) + 1;
    ASSERT_GT(burnLine, 0);
    const QString functionLine = QStringLiteral("Function: burn (conlab_knobs.py:%1)").arg(burnLine);
    if (readGil) {
        const QString hover = hoverOnFunction(
            *shown.window.findChild<TimelinePlot*>(QStringLiteral("timeline")), QStringLiteral("burn ("));
        EXPECT_TRUE(hover.contains(functionLine)) << hover.toStdString();
    }

    const QString file = dir.filePath(QStringLiteral("python-run.json"));
    ASSERT_TRUE(shown.window.fileActions()->saveRun(file));
    ASSERT_TRUE(spinUntil([&] { return QFileInfo(file).size() > 0 && !shown.window.fileActions()->isLoading(); }));
    const QString output = shown.label("outputValue");

    MainWindow opened;
    opened.show();
    opened.openRunFile(file);
    ASSERT_TRUE(spinUntil([&] { return opened.shownRun() != nullptr; }));
    const SavedRun& run = opened.shownRun()->run;
    ASSERT_TRUE(run.scriptSource.has_value());
    EXPECT_EQ(*run.scriptSource, source->toPlainText());
    ASSERT_TRUE(run.summary && run.summary->python);
    const auto* openedSource = opened.findChild<SourcePane*>(QStringLiteral("sourcePane"));
    EXPECT_TRUE(openedSource->isVisible());
    EXPECT_EQ(openedSource->toPlainText(), *run.scriptSource);
    const auto* openedOutput = opened.findChild<QLabel*>(QStringLiteral("outputValue"));
    EXPECT_EQ(openedOutput->text(), output);
    EXPECT_GT(opened.findChild<TimelinePlot*>(QStringLiteral("timeline"))->data().segmentCount(), 0u);
    if (readGil) {
        opened.refreshPlotsNow();
        const QString hover
            = hoverOnFunction(*opened.findChild<TimelinePlot*>(QStringLiteral("timeline")), QStringLiteral("burn ("));
        EXPECT_TRUE(hover.contains(functionLine)) << "the opened run: " << hover.toStdString();
    }
}

// The source pane: read-only, Python's colours, hidden and shown again with F6, and larger in presenter mode.
TEST(PythonWindow, TheSourcePaneIsReadOnlyColouredHideableAndGrowsForTheRoom)
{
    SourcePane pane;
    pane.showSource(QStringLiteral("x.py"), QStringLiteral("def f():\n    return 42  # the answer\n"));
    EXPECT_TRUE(pane.isReadOnly());
    const QTextBlock first = pane.document()->firstBlock();
    const auto formatAt = [](const QTextBlock& block, int position) {
        for (const QTextLayout::FormatRange& range : block.layout()->formats()) {
            if (position >= range.start && position < range.start + range.length)
                return range.format;
        }
        return QTextCharFormat();
    };
    EXPECT_TRUE(formatAt(first, 0).fontWeight() == QFont::Bold) << "def is a keyword";
    const QTextBlock second = first.next();
    EXPECT_TRUE(formatAt(second, int(second.text().indexOf(QLatin1Char('#')))).fontItalic()) << "a comment";
    EXPECT_NE(formatAt(second, int(second.text().indexOf(QStringLiteral("42")))).foreground().color(),
        formatAt(second, 4).foreground().color())
        << "a number is coloured";
    EXPECT_GT(pane.lineNumberWidth(), 0);

    MainWindow window;
    window.show();
    QAction* toggle = nullptr;
    for (QAction* action : window.findChildren<QAction*>()) {
        if (action->shortcut() == QKeySequence(Qt::Key_F6))
            toggle = action;
    }
    ASSERT_NE(toggle, nullptr);
    RunConfig config = window.currentConfig();
    config.model = ModelKind::Python;
    config.python = PythonScript {exampleScriptPath(QStringLiteral("convoy")), {}, {}};
    window.setRunConfig(config);
    auto* source = window.findChild<SourcePane*>(QStringLiteral("sourcePane"));
    ASSERT_NE(source, nullptr);
    // Nothing has run yet: the pane shows up with the first Python run.
    EXPECT_FALSE(source->isVisible());
    source->showSource(QStringLiteral("convoy.py"), QStringLiteral("import threading\n"));
    toggle->trigger();
    EXPECT_FALSE(source->isVisible());
    toggle->trigger();
    EXPECT_TRUE(source->isVisible());
    const qreal desk = source->font().pointSizeF();
    window.presenterMode().setOn(true);
    EXPECT_GT(source->font().pointSizeF(), desk * 1.2);
    window.presenterMode().setOn(false);
    EXPECT_EQ(source->font().pointSizeF(), desk);
}

// The observer samples the GIL thousands of times a second on threads of its own; the window only drains value
// batches at 30 Hz. Its heartbeat stays on time while a script is observed at full rate, CPU-bound threads (the GIL
// changing hands hundreds of times a second) and a multiprocessing pool (issue 17: p99 <= 16 ms).
TEST(PythonWindowTiming, UiLatencyStaysLowWhileAPythonRunIsObserved)
{
    CONLAB_REQUIRE_PYTHON();
    PythonWindow shown;
    RunConfig config = shown.window.currentConfig();
    config.workload.tasks = 4;
    config.workload.cpuMs = 400;
    shown.window.setRunConfig(config);
    for (const char* name : {"cpu_threads", "cpu_processes"}) {
        ASSERT_TRUE(shown.run(exampleScriptPath(QLatin1String(name)))) << name;
        const RunSummary& summary = shown.finished.back().summary;
        ASSERT_TRUE(summary.error.isEmpty()) << name << ": " << summary.error.toStdString();
        ASSERT_TRUE(summary.uiLatencyMs.has_value()) << name;
        std::printf("%s: UI latency p50 %.2f ms, p99 %.2f ms, max %.2f ms over %d beats; GIL sampled at %.0f Hz, "
                    "%llu hand-overs, wall %.0f ms\n",
            name, summary.uiLatencyMs->p50, summary.uiLatencyMs->p99, summary.uiLatencyMs->max,
            summary.uiLatencyMs->count, summary.python ? summary.python->gilSampleHz : 0.0,
            static_cast<unsigned long long>(summary.gilSwitches), summary.wallMs);
        EXPECT_GT(summary.uiLatencyMs->count, 50) << name << ": the heartbeat ran all along";
        EXPECT_LE(summary.uiLatencyMs->p99, 16.0) << name << ": max " << summary.uiLatencyMs->max;
    }
}
