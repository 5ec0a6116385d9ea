#include "core/python/examplescripts.h"
#include "tests/core/python/pythonrun.h"
#include "tests/ui/child.h"
#include "tests/ui/spinuntil.h"
#include "ui/plots/timelineplot.h"
#include "ui/window/mainwindow.h"
#include "ui/window/metricspanel.h"
#include "ui/window/runsession.h"
#include "ui/window/scriptchooser.h"

#include <QAbstractButton>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <vector>

using namespace conlab;
using conlab::test::spinUntil;

namespace {

// A window that has shown one quick run of the emulated sequential model: the result a failure must leave alone.
struct FailingWindow
{
    MainWindow window;
    std::vector<RunResult> finished;
    std::vector<Problem> rejected;

    FailingWindow()
    {
        RunConfig config = window.currentConfig();
        config.workload.tasks = 2;
        config.workload.cpuMs = 20;
        config.workers = 2;
        window.setRunConfig(config);
        QObject::connect(&window, &MainWindow::runFinished, [this](const RunResult& r) { finished.push_back(r); });
        QObject::connect(&window, &MainWindow::runRejected, [this](const Problem& p) { rejected.push_back(p); });
        window.show();
    }

    TimelinePlot* timeline() const { return window.findChild<TimelinePlot*>(QStringLiteral("timeline")); }
    QString status() const
    {
        const auto* label = window.findChild<QLabel*>(QStringLiteral("runStatus"));
        return label && label->isVisible() ? label->text() : QString();
    }
    QString label(const char* name) const
    {
        const auto* value = window.findChild<QLabel*>(QLatin1String(name));
        return value && value->isVisible() ? value->text() : QString();
    }
    bool runToEnd(const RunConfig& config)
    {
        const std::size_t before = finished.size();
        window.setRunConfig(config);
        window.runCurrent();
        return spinUntil([&] { return finished.size() > before; }, 180'000);
    }
};

RunConfig pythonRun(const MainWindow& window, const QString& script, const QString& interpreter = {})
{
    RunConfig config = window.currentConfig();
    config.model = ModelKind::Python;
    config.python = PythonScript {script, interpreter, {}};
    return config;
}

} // namespace

// No interpreter: the run does not start, the status line says so in plain words, and the sequential run on screen
// stays there, plots and numbers.
TEST(PythonFailures, NoInterpreterIsSaidAndThePreviousResultStays)
{
    FailingWindow shown;
    ASSERT_TRUE(shown.runToEnd(shown.window.currentConfig()));
    shown.window.refreshPlotsNow();
    const std::size_t segments = shown.timeline()->data().segmentCount();
    ASSERT_GT(segments, 0u);
    const QString wall = test::child<MetricsPanel>(shown.window, "metricsPanel")->valueOf(QStringLiteral("Wall time"));

    shown.window.setRunConfig(pythonRun(
        shown.window, exampleScriptPath(QStringLiteral("cpu_threads")), QStringLiteral("/nonexistent/python3")));
    shown.window.runCurrent();
    ASSERT_EQ(shown.rejected.size(), 1u);
    EXPECT_TRUE(
        shown.window.stateText().contains(QStringLiteral("no executable Python interpreter at '/nonexistent/python3'")))
        << shown.window.stateText().toStdString();
    EXPECT_TRUE(shown.window.stateText().contains(QStringLiteral("Python interpreter:")))
        << "the setting is named as on screen: " << shown.window.stateText().toStdString();
    EXPECT_FALSE(shown.window.session().isRunning());
    EXPECT_EQ(shown.timeline()->data().segmentCount(), segments);
    EXPECT_EQ(test::child<MetricsPanel>(shown.window, "metricsPanel")->valueOf(QStringLiteral("Wall time")), wall);
    ASSERT_NE(shown.window.shownRun(), nullptr);
    EXPECT_EQ(shown.window.shownRun()->run.summary->config.model, ModelKind::Sequential);
}

// A traceback: the window says the script stopped with an error and quotes the exception; the Output row holds the
// traceback's last lines and the exit code is 1. The trace of what ran is kept on screen.
TEST(PythonFailures, ATracebackIsSaidInPlainWords)
{
    CONLAB_REQUIRE_PYTHON();
    FailingWindow shown;
    QTemporaryDir dir;
    const QString script = dir.filePath(QStringLiteral("broken.py"));
    QFile file(script);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("import time\n\ndef divide(n):\n    return n / 0\n\ntime.sleep(0.1)\ndivide(1)\n");
    file.close();
    ASSERT_TRUE(shown.runToEnd(pythonRun(shown.window, script)));
    const RunSummary& summary = shown.finished.back().summary;
    ASSERT_FALSE(summary.error.isEmpty());
    EXPECT_TRUE(shown.status().contains(QStringLiteral("The script stopped with an error (exit code 1)")))
        << shown.status().toStdString();
    EXPECT_TRUE(shown.status().contains(QStringLiteral("ZeroDivisionError: division by zero")))
        << shown.status().toStdString();
    EXPECT_TRUE(shown.window.stateText().startsWith(QStringLiteral("The script stopped with an error")))
        << shown.window.stateText().toStdString();
    EXPECT_EQ(shown.label("exitCodeValue"), QStringLiteral("1"));
    EXPECT_TRUE(shown.label("outputValue").contains(QStringLiteral("divide")))
        << shown.label("outputValue").toStdString();
    shown.window.refreshPlotsNow();
    EXPECT_GT(shown.timeline()->data().segmentCount(), 0u);
}

// CPython 3.10 has no Py_Version: conlab cannot read its GIL. The run still shows its threads' OS states, and the
// window says why there is no GIL lane.
TEST(PythonFailures, AnUnsupportedVersionShowsOsStatesAndSaysWhy)
{
    const QString python = QDir::homePath() + QStringLiteral("/.pyenv/versions/3.10.13/bin/python3");
    if (!QFileInfo(python).isExecutable())
        GTEST_SKIP() << "interpreter not installed: " << python.toStdString();
    FailingWindow shown;
    RunConfig config = pythonRun(shown.window, exampleScriptPath(QStringLiteral("cpu_threads")), python);
    config.workload.tasks = 2;
    config.workload.cpuMs = 100;
    config.python->arguments
        = {QStringLiteral("--tasks"), QStringLiteral("2"), QStringLiteral("--cpu-ms"), QStringLiteral("100")};
    ASSERT_TRUE(shown.runToEnd(config));
    const RunSummary& summary = shown.finished.back().summary;
    EXPECT_TRUE(summary.error.isEmpty()) << summary.error.toStdString();
    ASSERT_TRUE(summary.python.has_value());
    EXPECT_NE(summary.python->observerMode, QStringLiteral("memory"));
    // The observer's reason decides the words (CPython before 3.11: "cannot read the GIL of"); either way the
    // window says that only the OS's thread states are shown.
    EXPECT_TRUE(shown.status().contains(QStringLiteral("only the thread states the operating system reports")))
        << shown.status().toStdString();
    EXPECT_TRUE(shown.label("pythonValue").contains(QStringLiteral("OS thread states only")));
    EXPECT_TRUE(shown.label("gilValue").contains(QStringLiteral("not seen")));
    shown.window.refreshPlotsNow();
    const TimelineData& data = shown.timeline()->data();
    EXPECT_GT(data.segmentCount(), 0u);
    for (const LaneInfo& lane : data.lanes())
        EXPECT_NE(lane.kind, LaneKind::Gil) << lane.name.toStdString();
}

// Refused memory reads cannot be caused here (the tests run as root, with CAP_SYS_PTRACE and no Yama): the words
// are checked on the summary such a run gives, with the observer's note as core/python/processprobe.cpp words it.
TEST(PythonFailures, RefusedMemoryReadsAreSaidInPlainWords)
{
    MetricsPanel panel;
    RunSummary summary;
    summary.config.model = ModelKind::Python;
    summary.config.python = PythonScript {exampleScriptPath(QStringLiteral("cpu_threads")), {}, {}};
    summary.wallMs = 500;
    PythonRunFacts python;
    python.version = QStringLiteral("3.11.7");
    python.observerMode = QStringLiteral("os-only");
    python.exitCode = 0;
    summary.python = python;
    summary.notes << QStringLiteral("process 4242 (python3): its memory cannot be read (Operation not permitted): "
                                    "Yama ptrace_scope above 1, or a non-dumpable process");
    panel.showResult(summary, nullptr);
    const auto* status = panel.findChild<QLabel*>(QStringLiteral("runStatus"));
    ASSERT_NE(status, nullptr);
    EXPECT_TRUE(status->text().contains(QStringLiteral("conlab was not allowed to read the interpreter's memory")))
        << status->text().toStdString();
    EXPECT_TRUE(status->text().contains(QStringLiteral("Operation not permitted"))) << "the note itself follows";

    // CPython 3.10, as the observer notes it (core/python/processprobe.cpp): a version whose GIL is not read.
    summary.python->version.clear();
    summary.notes = {
        QStringLiteral("process 4242 (python3.10): /usr/lib/libpython3.10.so has no Py_Version (CPython before 3.11)")};
    panel.showResult(summary, nullptr);
    EXPECT_TRUE(status->text().contains(QStringLiteral("conlab cannot read the GIL of this Python")))
        << status->text().toStdString();
}
