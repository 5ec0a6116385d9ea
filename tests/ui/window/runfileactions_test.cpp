#include "core/export/csvexport.h"
#include "core/export/runfile.h"
#include "tests/core/englishof.h"
#include "tests/figurefiles.h"
#include "tests/ui/child.h"
#include "tests/ui/spinuntil.h"
#include "ui/export/figurewriter.h"
#include "ui/export/pictureactions.h"
#include "ui/plots/coreutilisationplot.h"
#include "ui/plots/timelineplot.h"
#include "ui/window/heartbeat.h"
#include "ui/window/mainwindow.h"
#include "ui/window/metricspanel.h"
#include "ui/window/runfileactions.h"
#include "ui/window/runsession.h"
#include "ui/window/uilanguage.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QUrl>
#include <gtest/gtest.h>
#include <memory>
#include <vector>

using namespace conlab;
using conlab::test::spinUntil;

namespace {

QString fixture(const char* name)
{
    return QStringLiteral(CONLAB_TEST_DATA_DIR "/core/import/fixtures/") + QLatin1String(name);
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

const QStringList metricRows {QStringLiteral("Wall time"), QStringLiteral("CPU time"), QStringLiteral("Speed-up"),
    QStringLiteral("Efficiency"), QStringLiteral("Peak memory"), QStringLiteral("Start-up"),
    QStringLiteral("Resume latency"), QStringLiteral("Tasks done"), QStringLiteral("Checksum"),
    QStringLiteral("UI latency"), QStringLiteral("Counter"), QStringLiteral("Round trips"), QStringLiteral("GIL"),
    QStringLiteral("File"), QStringLiteral("Lanes"), QStringLiteral("Segments"), QStringLiteral("Counters"),
    QStringLiteral("Time span")};

// A window that records what its file actions and runs report.
struct FileWindow
{
    MainWindow window;
    std::vector<QString> opened;
    std::vector<QString> failures;
    std::vector<QString> written;
    std::vector<QString> writeFailures;
    std::vector<RunResult> finished;

    FileWindow()
    {
        RunFileActions* files = window.fileActions();
        QObject::connect(files, &RunFileActions::opened, [this](const QString& path) { opened.push_back(path); });
        QObject::connect(files, &RunFileActions::openFailed,
            [this](const QString&, const QString& error) { failures.push_back(error); });
        QObject::connect(files, &RunFileActions::written, [this](const QString& path) { written.push_back(path); });
        QObject::connect(files, &RunFileActions::writeFailed,
            [this](const QString&, const QString& error) { writeFailures.push_back(error); });
        QObject::connect(&window, &MainWindow::runFinished, [this](const RunResult& r) { finished.push_back(r); });
        window.show();
    }

    // A workload every model finishes in well under a second.
    void configure(int tasks = 4, double cpuMs = 60)
    {
        RunConfig config = window.currentConfig();
        config.workload.kind = WorkloadKind::Cpu;
        config.workload.tasks = tasks;
        config.workload.cpuMs = cpuMs;
        config.workers = 2;
        window.setRunConfig(config);
    }

    bool click(const char* modelButton)
    {
        const std::size_t before = finished.size();
        test::child<QAbstractButton>(window, modelButton)->click();
        return spinUntil([&] { return finished.size() > before; });
    }

    // True once the file was opened or refused.
    bool open(const QString& path)
    {
        const std::size_t before = opened.size() + failures.size();
        window.openRunFile(path);
        return spinUntil([&] { return opened.size() + failures.size() > before; });
    }

    bool waitForWrites()
    {
        return spinUntil([&] { return window.fileActions()->pendingWrites() == 0; });
    }

    QMessageBox* errorBox() const
    {
        for (QMessageBox* box : window.findChildren<QMessageBox*>()) {
            if (box->isVisible())
                return box;
        }
        return nullptr;
    }

    QStringList metrics() const
    {
        QStringList values;
        for (const QString& row : metricRows)
            values << row + QStringLiteral(": ") + test::child<MetricsPanel>(window, "metricsPanel")->valueOf(row);
        return values;
    }

    QStringList laneNames() const
    {
        QStringList names;
        for (const LaneInfo& lane : test::child<TimelinePlot>(window, "timeline")->data().lanes())
            names << lane.name;
        return names;
    }
};

void expectSameLanes(const TimelineData& a, const TimelineData& b)
{
    ASSERT_EQ(a.laneCount(), b.laneCount());
    EXPECT_EQ(a.segmentCount(), b.segmentCount());
    EXPECT_EQ(a.originNs(), b.originNs());
    for (int lane = 0; lane < a.laneCount(); ++lane) {
        EXPECT_EQ(a.lanes()[std::size_t(lane)].name, b.lanes()[std::size_t(lane)].name);
        const auto x = a.lane(lane);
        const auto y = b.lane(lane);
        ASSERT_EQ(x.size(), y.size()) << "lane " << lane;
        for (std::size_t i = 0; i < x.size(); ++i) {
            EXPECT_TRUE(x[i].beginNs == y[i].beginNs && x[i].endNs == y[i].endNs && x[i].task == y[i].task
                && x[i].state == y[i].state && x[i].core == y[i].core)
                << "lane " << lane << ", segment " << i;
        }
    }
}

// The dialog a menu action opened, answered with path as if the user had typed it.
bool answerFileDialog(MainWindow& window, const QString& path, QString* suggested = nullptr)
{
    QFileDialog* dialog = nullptr;
    if (!spinUntil(
            [&] {
                for (QFileDialog* candidate : window.findChildren<QFileDialog*>()) {
                    if (candidate->isVisible())
                        dialog = candidate;
                }
                return dialog != nullptr;
            },
            10'000))
        return false;
    if (suggested)
        *suggested = dialog->selectedFiles().value(0);
    dialog->selectFile(path);
    static_cast<QDialog*>(dialog)->accept(); // QFileDialog makes its override protected
    return true;
}

QList<QByteArray> csvLines(const QString& path)
{
    QList<QByteArray> lines = readAll(path).split('\n');
    if (!lines.isEmpty() && lines.back().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

TEST(RunFileActions, ARunSavedAndOpenedInANewWindowIsTheSame)
{
    QTemporaryDir dir;
    FileWindow first;
    first.configure();
    ASSERT_TRUE(first.click("model-sequential")); // the sequential baseline the speed-up is measured against
    ASSERT_TRUE(first.click("model-threads"));
    ASSERT_TRUE(test::child<MetricsPanel>(first.window, "metricsPanel")
                    ->valueOf(QStringLiteral("Speed-up"))
                    .contains(QStringLiteral("×")));
    const QString path = dir.filePath(QStringLiteral("run.json"));
    ASSERT_TRUE(first.window.fileActions()->saveRun(path));
    ASSERT_TRUE(first.waitForWrites());
    ASSERT_EQ(first.written.size(), 1u) << (first.writeFailures.empty() ? "" : first.writeFailures[0].toStdString());
    EXPECT_TRUE(first.window.fileActions()->recentFiles().files().contains(path));

    FileWindow second;
    ASSERT_TRUE(second.open(path));
    ASSERT_EQ(second.opened.size(), 1u) << second.failures[0].toStdString();
    EXPECT_EQ(second.errorBox(), nullptr);
    expectSameLanes(test::child<TimelinePlot>(first.window, "timeline")->data(),
        test::child<TimelinePlot>(second.window, "timeline")->data());
    EXPECT_EQ(test::child<CoreUtilisationPlot>(first.window, "utilisation")->sampleCount(),
        test::child<CoreUtilisationPlot>(second.window, "utilisation")->sampleCount());
    EXPECT_EQ(test::child<CoreUtilisationPlot>(first.window, "utilisation")->coreCount(),
        test::child<CoreUtilisationPlot>(second.window, "utilisation")->coreCount());
    EXPECT_EQ(first.metrics(), second.metrics());
    EXPECT_FALSE(
        test::child<MetricsPanel>(second.window, "metricsPanel")->valueOf(QStringLiteral("Checksum")).isEmpty());
    // The controls show its settings; the caption keeps its date.
    EXPECT_EQ(test::child<ModelPicker>(second.window, "modelPicker")->choice(),
        (ModelChoice {ModelKind::Threads, false, OffloadKind::None}));
    EXPECT_EQ(
        RunSession::settingsKey(second.window.currentConfig()), RunSession::settingsKey(first.window.currentConfig()));
    EXPECT_EQ(second.window.captionFacts().date, first.window.captionFacts().date);
    EXPECT_TRUE(second.window.captionFacts().date.isValid());
    EXPECT_EQ(second.window.windowTitle(), QStringLiteral("run.json — Concurrency Lab"));
    EXPECT_TRUE(second.window.stateText().contains(QStringLiteral("run.json")))
        << second.window.stateText().toStdString();
    ASSERT_NE(second.window.shownRun(), nullptr);
    EXPECT_EQ(second.window.shownRun()->sourceFile, path);

    // Run runs those settings, live.
    second.window.runCurrent();
    EXPECT_TRUE(second.window.session().isRunning());
    ASSERT_TRUE(spinUntil([&] { return second.finished.size() == 1; }));
    const RunSummary& again = second.finished[0].summary;
    EXPECT_EQ(again.config.model, ModelKind::Threads);
    EXPECT_EQ(again.tasksCompleted, 4);
    EXPECT_EQ(second.window.windowTitle(), QStringLiteral("Concurrency Lab"));
}

TEST(RunFileActions, AForeignTraceShowsItsLanesNamesAndCounters)
{
    FileWindow shown;
    const QString path = fixture("foreign-object.json");
    ASSERT_TRUE(shown.open(path));
    ASSERT_EQ(shown.opened.size(), 1u) << shown.failures[0].toStdString();

    // Its lanes, named from its metadata and in its sort order.
    EXPECT_EQ(shown.laneNames(),
        (QStringList {QStringLiteral("Renderer / worker"), QStringLiteral("Renderer / main"),
            QStringLiteral("Browser / tid 9")}));
    EXPECT_EQ(test::child<TimelinePlot>(shown.window, "timeline")->data().segmentCount(), 7u);
    // Event names in the tooltip: "compute" runs on the first lane from 5.5 to 55.75 µs after the first event.
    TimelinePlot* timeline = test::child<TimelinePlot>(shown.window, "timeline");
    shown.window.refreshPlotsNow();
    timeline->replot(QCustomPlot::rpImmediateRefresh);
    const QString tip
        = timeline->toolTipAt(QPointF(timeline->xAxis->coordToPixel(30e-6), timeline->yAxis->coordToPixel(0)));
    EXPECT_TRUE(tip.contains(QStringLiteral("compute"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("Renderer / worker"))) << tip.toStdString();

    // Its counters in the lower plot, under their names, on an axis of their own values.
    CoreUtilisationPlot* lower = test::child<CoreUtilisationPlot>(shown.window, "utilisation");
    EXPECT_TRUE(lower->showsCounters());
    ASSERT_EQ(lower->graphCount(), 3);
    EXPECT_EQ(lower->graph(0)->name(), QStringLiteral("memory.heap"));
    EXPECT_EQ(lower->graph(1)->name(), QStringLiteral("memory.gpu"));
    EXPECT_EQ(lower->graph(2)->name(), QStringLiteral("queue"));
    EXPECT_LT(lower->yAxis->range().upper, 20.0) << "the heap counter peaks at 12, not at 100 %";
    EXPECT_GT(lower->yAxis->range().upper, 12.0);

    // What it is, and no numbers it does not have.
    MetricsPanel* metrics = test::child<MetricsPanel>(shown.window, "metricsPanel");
    EXPECT_EQ(metrics->valueOf(QStringLiteral("File")), QStringLiteral("foreign-object.json"));
    EXPECT_EQ(metrics->valueOf(QStringLiteral("Lanes")), QStringLiteral("3"));
    EXPECT_EQ(metrics->valueOf(QStringLiteral("Segments")), QStringLiteral("7"));
    EXPECT_TRUE(metrics->valueOf(QStringLiteral("Counters")).startsWith(QStringLiteral("3")));
    EXPECT_TRUE(metrics->valueOf(QStringLiteral("Time span")).contains(QStringLiteral("0.110 ms")))
        << metrics->valueOf(QStringLiteral("Time span")).toStdString();
    for (const char* row : {"Wall time", "CPU time", "Speed-up", "Checksum"})
        EXPECT_TRUE(metrics->valueOf(QLatin1String(row)).isEmpty()) << row;
    EXPECT_FALSE(metrics->baselineButton()->isVisible());
    EXPECT_EQ(shown.window.windowTitle(), QStringLiteral("foreign-object.json — Concurrency Lab"));
    EXPECT_TRUE(shown.window.stateText().contains(QStringLiteral("another tool")))
        << shown.window.stateText().toStdString();

    // Saving, CSV and pictures work for it too.
    RunFileActions* files = shown.window.fileActions();
    EXPECT_TRUE(files->saveAction()->isEnabled());
    EXPECT_TRUE(files->segmentsCsvAction()->isEnabled());
    EXPECT_TRUE(files->samplesCsvAction()->isEnabled());
    EXPECT_TRUE(files->samplesCsvAction()->text().remove(QLatin1Char('&')).contains(QStringLiteral("counters")));
    EXPECT_EQ(shown.window.captionFacts().traceName, QStringLiteral("foreign-object.json"));
    QTemporaryDir dir;
    ExportPictureDialog::Settings picture;
    picture.path = dir.filePath(QStringLiteral("foreign.png"));
    ASSERT_TRUE(shown.window.pictures().exportPicture(picture));
    ASSERT_TRUE(spinUntil([&] { return shown.window.pictures().writer().pending() == 0; }, 30'000));
    const QImage image(picture.path);
    ASSERT_FALSE(image.isNull());
    EXPECT_GT(conlab::test::inkPixels(image), image.width() * image.height() / 50);

    // A model button runs that model as usual.
    ASSERT_TRUE(shown.click("model-sequential"));
    EXPECT_EQ(shown.finished.back().summary.config.model, ModelKind::Sequential);
    EXPECT_FALSE(lower->showsCounters());
    EXPECT_EQ(shown.window.windowTitle(), QStringLiteral("Concurrency Lab"));
}

// A trace with events conlab cannot use opens with the others, and the side panel and the status bar say what was
// left out, in the window's language.
TEST(RunFileActions, SkippedEventsAreNamedInThePanelAndTheStatusBar)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("skips.json"));
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("[\n{\"name\":\"ok\",\"ph\":\"X\",\"ts\":0,\"dur\":5,\"pid\":1,\"tid\":1},\n"
                   "{\"name\":\"a\",\"ph\":\"X\",\"ts\":1},\n{\"name\":\"b\",\"ph\":\"X\",\"ts\":2},\n"
                   "{\"name\":\"c\",\"ph\":\"X\",\"ts\":3}]\n");
    }
    FileWindow shown;
    ASSERT_TRUE(shown.open(path));
    ASSERT_EQ(shown.opened.size(), 1u) << shown.failures[0].toStdString();
    EXPECT_EQ(test::child<TimelinePlot>(shown.window, "timeline")->data().segmentCount(), 1u);
    const QString line = QStringLiteral("3 events skipped: X without dur (first at line 3)");
    EXPECT_EQ(test::child<MetricsPanel>(shown.window, "metricsPanel")->valueOf(QStringLiteral("Left out")),
        QStringLiteral("3 events skipped: X without dur\n(first at line 3)"));
    EXPECT_TRUE(shown.window.stateText().contains(line)) << shown.window.stateText().toStdString();

    ASSERT_TRUE(UiLanguage::instance()->set(QStringLiteral("ru")));
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    const QString russian = QStringLiteral("Пропущено 3 события: X без dur (первое — в строке 3)");
    EXPECT_EQ(test::child<MetricsPanel>(shown.window, "metricsPanel")->valueOf(QStringLiteral("Пропущено")),
        QStringLiteral("Пропущено 3 события: X без dur\n(первое — в строке 3)"));
    EXPECT_TRUE(shown.window.stateText().contains(russian)) << shown.window.stateText().toStdString();
    ASSERT_TRUE(UiLanguage::instance()->set(QStringLiteral("en")));
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

TEST(RunFileActions, ABadFileSaysWhyAndLeavesTheViewAsItWas)
{
    QTemporaryDir dir;
    FileWindow shown;
    shown.configure(2, 20);
    ASSERT_TRUE(shown.click("model-threads"));
    const QString saved = dir.filePath(QStringLiteral("good.json"));
    ASSERT_TRUE(shown.window.fileActions()->saveRun(saved));
    ASSERT_TRUE(shown.waitForWrites());
    const QByteArray good = readAll(saved);
    ASSERT_GT(good.size(), 1000);

    const ShownRun* before = shown.window.shownRun();
    ASSERT_NE(before, nullptr);
    const Trace* trace = before->run.trace.get();
    const QStringList lanes = shown.laneNames();
    const std::size_t segments = test::child<TimelinePlot>(shown.window, "timeline")->data().segmentCount();
    const std::size_t samples = test::child<CoreUtilisationPlot>(shown.window, "utilisation")->sampleCount();
    const QStringList metrics = shown.metrics();
    const QString title = shown.window.windowTitle();
    const QCPRange timeRange = test::child<TimelinePlot>(shown.window, "timeline")->xAxis->range();

    struct Bad
    {
        const char* name;
        QByteArray contents;
        const char* says;
    };
    const std::vector<Bad> bad {
        {"malformed.json", "{\"traceEvents\": [\n  {\"ph\": \"X\",, \"ts\": 1}\n]}\n", "line 2"},
        // conlab's own file cut in its record: read exactly or not at all (another tool's cut file opens).
        {"truncated.json", good.left(good.indexOf("\"conlab\":") + 40), "truncated"},
        {"wrongtype.json", "{\"traceEvents\": 42}", "traceEvents"},
        {"missing.json", QByteArray(), "missing.json"},
    };
    for (const Bad& file : bad) {
        SCOPED_TRACE(file.name);
        const QString path = dir.filePath(QLatin1String(file.name));
        if (!file.contents.isEmpty()) {
            ASSERT_TRUE(writeAll(path, file.contents));
        }
        const std::size_t failures = shown.failures.size();
        ASSERT_TRUE(shown.open(path));
        ASSERT_EQ(shown.failures.size(), failures + 1);
        const QString& error = shown.failures.back();
        EXPECT_TRUE(error.contains(QLatin1String(file.name))) << error.toStdString();
        EXPECT_TRUE(error.contains(QLatin1String(file.says))) << error.toStdString();

        QMessageBox* box = shown.errorBox();
        ASSERT_NE(box, nullptr) << "the error is shown in a message box";
        EXPECT_EQ(box->text(), error);
        EXPECT_EQ(shown.window.statusBar()->currentMessage(), error);
        box->close();

        EXPECT_EQ(shown.window.shownRun(), before);
        EXPECT_EQ(shown.window.shownRun()->run.trace.get(), trace);
        EXPECT_EQ(shown.laneNames(), lanes);
        EXPECT_EQ(test::child<TimelinePlot>(shown.window, "timeline")->data().segmentCount(), segments);
        EXPECT_EQ(test::child<CoreUtilisationPlot>(shown.window, "utilisation")->sampleCount(), samples);
        EXPECT_EQ(test::child<TimelinePlot>(shown.window, "timeline")->xAxis->range(), timeRange);
        EXPECT_EQ(shown.metrics(), metrics);
        EXPECT_EQ(shown.window.windowTitle(), title);
    }
    EXPECT_FALSE(
        shown.window.fileActions()->recentFiles().files().contains(dir.filePath(QStringLiteral("missing.json"))));
}

TEST(RunFileActions, AFailedSaveSaysWhyAndKeepsTheRun)
{
    QTemporaryDir dir;
    FileWindow shown;
    ASSERT_TRUE(shown.open(fixture("foreign-object.json")));
    const QString path = dir.filePath(QStringLiteral("no/such/folder/run.json"));
    ASSERT_TRUE(shown.window.fileActions()->saveRun(path));
    ASSERT_TRUE(shown.waitForWrites());
    ASSERT_EQ(shown.writeFailures.size(), 1u);
    EXPECT_TRUE(shown.writeFailures[0].contains(QStringLiteral("run.json"))) << shown.writeFailures[0].toStdString();
    QMessageBox* box = shown.errorBox();
    ASSERT_NE(box, nullptr);
    EXPECT_EQ(box->text(), shown.writeFailures[0]);
    box->close();
    EXPECT_FALSE(QFileInfo::exists(path));
    ASSERT_NE(shown.window.shownRun(), nullptr);
    EXPECT_EQ(test::child<TimelinePlot>(shown.window, "timeline")->data().segmentCount(), 7u);
    EXPECT_TRUE(shown.window.fileActions()->saveAction()->isEnabled());
}

TEST(RunFileActions, AFileDroppedOnTheWindowOpensAndOtherDropsSayWhyNot)
{
    FileWindow shown;
    const QString path = fixture("foreign-object.json");
    QMimeData file;
    file.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(300, 300), Qt::CopyAction, &file, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&shown.window, &enter);
    EXPECT_TRUE(enter.isAccepted());
    QDropEvent drop(QPointF(300, 300), Qt::CopyAction, &file, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&shown.window, &drop);
    EXPECT_TRUE(drop.isAccepted());
    ASSERT_TRUE(spinUntil([&] { return !shown.opened.empty() || !shown.failures.empty(); }));
    ASSERT_EQ(shown.opened.size(), 1u);
    EXPECT_EQ(shown.opened[0], path);
    EXPECT_EQ(test::child<TimelinePlot>(shown.window, "timeline")->data().laneCount(), 3);

    struct Refused
    {
        QList<QUrl> urls;
        const char* says;
    };
    const std::vector<Refused> refused {
        {{QUrl::fromLocalFile(path), QUrl::fromLocalFile(fixture("foreign-array.json"))}, "one file at a time"},
        {{QUrl(QStringLiteral("https://example.org/trace.json"))}, "on this computer"},
        {{QUrl::fromLocalFile(QStringLiteral(CONLAB_TEST_DATA_DIR))}, "is a folder"},
        {{}, "Only a file"},
    };
    for (const Refused& what : refused) {
        SCOPED_TRACE(what.says);
        QMimeData data;
        if (what.urls.isEmpty())
            data.setText(QStringLiteral("some text"));
        else
            data.setUrls(what.urls);
        QDragEnterEvent refusedEnter(QPoint(300, 300), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&shown.window, &refusedEnter);
        EXPECT_FALSE(refusedEnter.isAccepted());
        QDropEvent refusedDrop(QPointF(300, 300), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&shown.window, &refusedDrop);
        EXPECT_FALSE(refusedDrop.isAccepted());
        const QString message = shown.window.statusBar()->currentMessage();
        EXPECT_TRUE(message.contains(QLatin1String(what.says))) << message.toStdString();
        EXPECT_FALSE(shown.window.fileActions()->isLoading());
    }
    EXPECT_EQ(shown.opened.size(), 1u);
}

TEST(RunFileActions, TheMenuSavesRunsAndCsvFilesUnderNamesThatSayWhatTheyAre)
{
    QTemporaryDir dir;
    FileWindow shown;
    RunFileActions* files = shown.window.fileActions();
    // Nothing on screen: nothing to save.
    EXPECT_TRUE(files->openAction()->isEnabled());
    EXPECT_FALSE(files->saveAction()->isEnabled());
    EXPECT_FALSE(files->segmentsCsvAction()->isEnabled());
    EXPECT_FALSE(files->samplesCsvAction()->isEnabled());
    EXPECT_EQ(files->openAction()->shortcut(), QKeySequence(QKeySequence::Open));
    EXPECT_EQ(files->saveAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+S")));

    shown.configure(4, 40);
    ASSERT_TRUE(shown.click("model-threads"));
    ASSERT_TRUE(files->saveAction()->isEnabled());
    const QString stem = QStringLiteral("conlab-threads-cpu-%1").arg(QDate::currentDate().toString(Qt::ISODate));
    const Trace& trace = *shown.window.shownRun()->run.trace;

    struct Export
    {
        QAction* action;
        QString suffix;
        QByteArray header;
        std::size_t rows;
    };
    const std::vector<Export> exports {
        {files->segmentsCsvAction(), QStringLiteral("-segments.csv"), "lane,lane_name,task,state,",
            trace.segments.size()},
        {files->samplesCsvAction(), QStringLiteral("-samples.csv"), "time_ms,cpu0,", trace.cpuSamples.size()},
        // The file type the package registers, so that a double-click opens it in conlab (resources/conlab-mime.xml).
        {files->saveAction(), QStringLiteral(".conlab.json"), "{\"traceEvents\":[", 0},
    };
    for (const Export& item : exports) {
        SCOPED_TRACE(item.suffix.toStdString());
        item.action->trigger();
        QString suggested;
        const QString path = dir.filePath(QStringLiteral("out") + item.suffix);
        ASSERT_TRUE(answerFileDialog(shown.window, path, &suggested));
        EXPECT_EQ(QFileInfo(suggested).fileName(), stem + item.suffix);
        ASSERT_TRUE(shown.waitForWrites());
        ASSERT_FALSE(shown.written.empty());
        EXPECT_EQ(shown.written.back(), path);
        const QList<QByteArray> lines = csvLines(path);
        ASSERT_FALSE(lines.isEmpty());
        EXPECT_TRUE(lines[0].startsWith(item.header)) << lines[0].toStdString();
        if (item.rows > 0) {
            EXPECT_EQ(std::size_t(lines.size()), item.rows + 1);
        }
        EXPECT_TRUE(shown.window.statusBar()->currentMessage().contains(QFileInfo(path).fileName()));
    }
    // The saved run is one the recent list can open again.
    EXPECT_EQ(files->recentFiles().files().value(0), dir.filePath(QStringLiteral("out.conlab.json")));

    // A name typed without an extension gets conlab's; one typed with its own keeps it.
    for (const auto& [typed, written] :
        {std::pair {"typed", "typed.conlab.json"}, std::pair {"plain.json", "plain.json"}}) {
        files->saveAction()->trigger();
        ASSERT_TRUE(answerFileDialog(shown.window, dir.filePath(QLatin1String(typed))));
        ASSERT_TRUE(shown.waitForWrites());
        EXPECT_EQ(shown.written.back().toStdString(), dir.filePath(QLatin1String(written)).toStdString());
    }
}

TEST(RunFileActions, TheRecentListOpensFilesAndForgetsTheOnesThatAreGone)
{
    QTemporaryDir dir;
    FileWindow shown;
    RunFileActions* files = shown.window.fileActions();
    files->recentFiles().clear();
    const QString kept = dir.filePath(QStringLiteral("kept.json"));
    const QString gone = dir.filePath(QStringLiteral("gone.json"));
    ASSERT_TRUE(QFile::copy(fixture("foreign-object.json"), kept));
    ASSERT_TRUE(QFile::copy(fixture("foreign-array.json"), gone));
    ASSERT_TRUE(shown.open(kept));
    ASSERT_TRUE(shown.open(gone));
    EXPECT_EQ(files->recentFiles().files(), (QStringList {gone, kept}));

    ASSERT_TRUE(QFile::remove(gone));
    files->updateRecentMenu();
    EXPECT_TRUE(shown.window.statusBar()->currentMessage().contains(QStringLiteral("gone.json")))
        << shown.window.statusBar()->currentMessage().toStdString();
    QStringList entries;
    QAction* keptEntry = nullptr;
    for (QAction* action : files->recentMenu()->actions()) {
        entries << action->text();
        if (action->text().contains(QStringLiteral("kept.json")))
            keptEntry = action;
    }
    EXPECT_EQ(entries.filter(QStringLiteral(".json")).size(), 1) << entries.join(QLatin1Char('|')).toStdString();
    ASSERT_NE(keptEntry, nullptr);
    keptEntry->trigger();
    ASSERT_TRUE(spinUntil([&] { return shown.opened.size() == 3; }));
    EXPECT_EQ(shown.opened.back(), kept);

    files->recentFiles().clear();
    files->updateRecentMenu();
    ASSERT_EQ(files->recentMenu()->actions().size(), 1);
    EXPECT_FALSE(files->recentMenu()->actions()[0]->isEnabled());
}

// Opening while a run goes stops the run first, as clicking another model does, and opens the file once it ended.
TEST(RunFileActionsTiming, OpeningDuringARunStopsItFirst)
{
    FileWindow shown;
    shown.configure(8, 400);
    test::child<QAbstractButton>(shown.window, "model-sequential")->click();
    ASSERT_TRUE(shown.window.session().isRunning());
    EXPECT_FALSE(shown.window.fileActions()->saveAction()->isEnabled()) << "nothing finished to save yet";
    QElapsedTimer clock;
    clock.start();
    shown.window.openRunFile(fixture("foreign-object.json"));
    EXPECT_TRUE(shown.window.fileActions()->isLoading());
    ASSERT_TRUE(spinUntil([&] { return !shown.opened.empty(); }, 20'000));
    EXPECT_LT(clock.elapsed(), 3'000) << "the run was not left to finish its 3.2 s";
    ASSERT_EQ(shown.finished.size(), 1u);
    EXPECT_TRUE(shown.finished[0].summary.cancelled);
    EXPECT_FALSE(shown.window.session().isRunning());
    EXPECT_EQ(test::child<TimelinePlot>(shown.window, "timeline")->data().laneCount(), 3);
    EXPECT_EQ(shown.window.shownRun()->sourceFile, fixture("foreign-object.json"));

    // And the other way round: a run started while a file is read wins, and the file is forgotten.
    shown.configure(2, 20);
    shown.window.openRunFile(fixture("foreign-array.json"));
    test::child<QAbstractButton>(shown.window, "model-threads")->click();
    ASSERT_TRUE(spinUntil([&] { return shown.finished.size() == 2; }));
    EXPECT_FALSE(shown.window.fileActions()->isLoading());
    QApplication::processEvents();
    EXPECT_EQ(shown.opened.size(), 1u);
    EXPECT_EQ(shown.window.shownRun()->sourceFile, QString());
    EXPECT_EQ(test::child<TimelinePlot>(shown.window, "timeline")->data().laneCount(), 2);
}

// Reading a big file happens off the UI thread: the window's heartbeat keeps beating while it is parsed.
TEST(RunFileActionsTiming, TheWindowStaysResponsiveWhileABigFileIsRead)
{
    constexpr int lanes = 8;
    constexpr int segmentCount = 500'000;
    auto trace = std::make_shared<Trace>();
    trace->cores = 2;
    for (int lane = 0; lane < lanes; ++lane)
        trace->lanes.push_back({QStringLiteral("thread %1").arg(lane + 1), LaneKind::Thread});
    trace->segments.reserve(segmentCount);
    for (int i = 0; i < segmentCount; ++i) {
        const std::int64_t begin = std::int64_t(i / lanes) * 100'000;
        trace->segments.push_back(Segment {begin, begin + 90'000, i, std::uint16_t(i % lanes),
            i % 3 ? TaskState::Running : TaskState::WaitingIo, std::int8_t(i % 2)});
    }
    for (std::int64_t t = 0; t < std::int64_t(segmentCount / lanes) * 100'000; t += 50'000'000)
        trace->cpuSamples.push_back({t, {50.0f, 75.0f}});
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.json"));
    QString error;
    ASSERT_TRUE(writeRunFile(SavedRun {trace, std::nullopt, std::nullopt}, path, test::EnglishOf(&error)))
        << error.toStdString();

    FileWindow shown;
    Heartbeat heartbeat;
    QElapsedTimer clock;
    qint64 readMs = -1;
    // The plots are filled once the file has been read: up to there, the UI thread only waited for the result.
    QObject::connect(
        test::child<CoreUtilisationPlot>(shown.window, "utilisation"), &TimeAxisPlot::timeRangeChanged, &heartbeat,
        [&] {
            heartbeat.stop();
            readMs = clock.elapsed();
        },
        Qt::SingleShotConnection);
    heartbeat.start();
    clock.start();
    shown.window.openRunFile(path);
    ASSERT_TRUE(spinUntil([&] { return !shown.opened.empty() || !shown.failures.empty(); }));
    ASSERT_EQ(shown.opened.size(), 1u) << shown.failures[0].toStdString();
    EXPECT_EQ(test::child<TimelinePlot>(shown.window, "timeline")->data().segmentCount(), std::size_t(segmentCount));

    const LatencyStats stats = heartbeat.stats();
    std::printf("read %d segments (%lld MB) in %lld ms; heartbeat meanwhile: %d beats, p99 %.1f ms, max %.1f ms late\n",
        segmentCount, QFileInfo(path).size() >> 20, readMs, stats.count, stats.p99, stats.max);
    // A read on the UI thread would have stopped the beats for all of readMs and shown as one huge lateness.
    EXPECT_GE(stats.count, int(readMs / Heartbeat::intervalMs / 3));
    EXPECT_LT(stats.max, conlab::test::slack(150.0));
    EXPECT_LT(stats.p99, conlab::test::slack(60.0));
}
