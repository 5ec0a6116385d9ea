#include "ui/window/guioptions.h"

#include "core/export/outputfile.h"
#include "core/export/runsummaryjson.h"
#include "core/run/processstats.h"
#include "core/run/runoptions.h"
#include "core/scenario/scenariolibrary.h"
#include "ui/scenario/scenariocontroller.h"
#include "ui/window/mainwindow.h"
#include "ui/window/presentermode.h"
#include "ui/window/runfileactions.h"
#include "ui/window/uilanguage.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QPixmap>
#include <QTimer>
#include <cstdio>
#include <functional>
#include <utility>

namespace conlab {

namespace {

void printError(const QString& message)
{
    std::fprintf(stderr, "conlab: %s\n", qPrintable(message));
}

bool writeReport(const RunSummary& summary, const QString& path, QString* error)
{
    OutputFile file(path);
    if (file.open()) {
        file.device()->write(QJsonDocument(runSummaryToJson(summary)).toJson(QJsonDocument::Indented));
        if (file.commit())
            return true;
    }
    *error = QStringLiteral("--report: cannot write '%1': %2").arg(path, file.errorReason());
    return false;
}

bool writeScreenshot(MainWindow& window, const QString& path, QString* error)
{
    // grab() paints what is laid out now: let pending layout passes settle and draw the plots first.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    window.refreshPlotsNow();
    OutputFile file(path);
    if (file.open() && window.grab().save(file.device(), "PNG") && file.commit())
        return true;
    *error = QStringLiteral("--screenshot: cannot write a PNG to '%1': %2").arg(path, file.errorReason());
    return false;
}

// What to do once the unattended run has ended; returns the exit code --exit-when-done uses.
int finishUnattended(MainWindow& window, const GuiOptions& options, const RunResult& result)
{
    int exitCode = 0;
    QString error;
    if (!result.summary.error.isEmpty()) {
        printError(QStringLiteral("the run failed: %1").arg(result.summary.error));
        exitCode = 1;
    } else if (result.summary.cancelled) {
        printError(QStringLiteral("the run was stopped before the end"));
        exitCode = 1;
    }
    if (!options.screenshotPath.isEmpty() && !writeScreenshot(window, options.screenshotPath, &error)) {
        printError(error);
        exitCode = 1;
    }
    if (!options.reportPath.isEmpty() && !writeReport(result.summary, options.reportPath, &error)) {
        printError(error);
        exitCode = 1;
    }
    return exitCode;
}

// Calls `action` once, queued after the window's first paint event: the first frame is then on its way to the
// screen. A positive fallbackMs calls it after that long even without a paint: some platforms never paint a window
// nobody looks at.
class FirstPaintWatcher : public QObject
{
public:
    FirstPaintWatcher(MainWindow& window, std::function<void()> action, int fallbackMs)
        : QObject(&window)
        , m_window(window)
        , m_action(std::move(action))
    {
        window.installEventFilter(this);
        if (fallbackMs > 0)
            QTimer::singleShot(fallbackMs, this, &FirstPaintWatcher::fire);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == &m_window && event->type() == QEvent::Paint)
            QTimer::singleShot(0, this, &FirstPaintWatcher::fire);
        return false;
    }

private:
    void fire()
    {
        if (m_fired)
            return;
        m_fired = true;
        m_window.removeEventFilter(this);
        m_action();
        deleteLater();
    }

    MainWindow& m_window;
    std::function<void()> m_action;
    bool m_fired = false;
};

void afterFirstPaint(MainWindow& window, std::function<void()> action, int fallbackMs = 2000)
{
    new FirstPaintWatcher(window, std::move(action), fallbackMs);
}

// --print-first-paint: what start-up costs a user, to the first frame; with `quit` the app quits right after.
void reportFirstPaint(MainWindow& window, bool quit)
{
    afterFirstPaint(
        window,
        [quit] {
            // For scripts (gui_bench reads it): QString::number writes a decimal point in every locale, where printf
            // follows the C library's, which QApplication sets from the environment (a decimal comma in German).
            const auto ms = processstats::msSinceStart();
            const QByteArray line = ms ? QByteArrayLiteral("first paint ") + QByteArray::number(*ms, 'f', 1)
                    + QByteArrayLiteral(" ms after the process started\n")
                                       : QByteArrayLiteral("first paint: unknown (/proc/self/stat cannot be read)\n");
            std::fputs(line.constData(), stdout);
            std::fflush(stdout);
            if (quit)
                QCoreApplication::exit(0);
        },
        0);
}

// The unattended end when no run is waited for: the screenshot of what is shown, then quit.
void finishShown(MainWindow& window, const GuiOptions& options)
{
    int exitCode = 0;
    QString error;
    if (!options.screenshotPath.isEmpty() && !writeScreenshot(window, options.screenshotPath, &error)) {
        printError(error);
        exitCode = 1;
    }
    if (options.exitWhenDone)
        QCoreApplication::exit(exitCode);
}

// --scenario NAME: the scenario's first step is the configuration, so run options beside it would be lost at the
// next step; `conlab run --scenario` is where they apply to every step.
bool readScenario(const QCommandLineParser& parser, GuiOptions& options, QString* error)
{
    const QString id = parser.value(QStringLiteral("scenario"));
    const ScenarioLibrary library = ScenarioLibrary::load();
    const Scenario* scenario = library.find(id);
    if (!scenario) {
        *error = QStringLiteral("--scenario: ") + library.unknownIdError(id);
        return false;
    }
    const QStringList windowOptions {QStringLiteral("scenario"), QStringLiteral("autorun"),
        QStringLiteral("exit-when-done"), QStringLiteral("presenter"), QStringLiteral("view"),
        QStringLiteral("screenshot"), QStringLiteral("report"), QStringLiteral("language"),
        QStringLiteral("print-first-paint")};
    for (const QString& name : parser.optionNames()) {
        if (!windowOptions.contains(name)) {
            *error = QStringLiteral("--%1: not with --scenario, whose steps set the model and the workload "
                                    "(conlab run --scenario takes both)")
                         .arg(name);
            return false;
        }
    }
    if (!parser.positionalArguments().isEmpty()) {
        *error = QStringLiteral("--scenario: not with a file to open ('%1')").arg(parser.positionalArguments()[0]);
        return false;
    }
    if (!options.autorun && !options.reportPath.isEmpty()) {
        *error = QStringLiteral("--report: with --scenario only beside --autorun (nothing runs without it)");
        return false;
    }
    options.scenario = id;
    options.config = scenario->steps.front().config;
    return true;
}

} // namespace

void addGuiOptions(QCommandLineParser& parser)
{
    addRunOptions(parser);
    parser.addPositionalArgument(QStringLiteral("file"),
        QStringLiteral("A saved run or a Chrome trace from another tool to open; each further file opens in a window "
                       "of its own."),
        QStringLiteral("[FILE.json...]"));
    parser.addOptions({
        {QStringLiteral("autorun"), QStringLiteral("Start the run as soon as the window opens.")},
        {QStringLiteral("exit-when-done"),
            QStringLiteral("Quit when the run ends: exit code 0, or 1 if it failed or a file could not be written.")},
        {QStringLiteral("presenter"),
            QStringLiteral("Open in presenter mode: full screen, large fonts and lines, high contrast.")},
        {QStringLiteral("view"),
            QStringLiteral("What the timeline shows: a lane per worker (timeline, the default) or per core (cores, "
                           "the Cores view; C switches it in the window)."),
            QStringLiteral("timeline|cores")},
        {QStringLiteral("screenshot"), QStringLiteral("When the run ends, save a PNG of the window."),
            QStringLiteral("FILE")},
        {QStringLiteral("report"), QStringLiteral("When the run ends, write its JSON summary."),
            QStringLiteral("FILE")},
        {QStringLiteral("scenario"),
            QStringLiteral("Open with lesson NAME in the Scenarios panel: its question, and its first step on the "
                           "controls (names: conlab run --list-scenarios). With --autorun the first step runs and "
                           "--screenshot waits for it; without, --screenshot shows the question."),
            QStringLiteral("NAME")},
        {QStringLiteral("language"),
            QStringLiteral("The window's language: en or ru (default: the remembered choice, else the system's)."),
            QStringLiteral("en|ru")},
        {QStringLiteral("print-first-paint"),
            QStringLiteral("Print how long after the process started the window was first drawn; with --exit-when-done "
                           "and no --autorun, quit then.")},
    });
}

std::optional<GuiOptions> parseGuiOptions(
    const QStringList& arguments, QString* error, const std::optional<RunConfig>& remembered)
{
    QCommandLineParser parser;
    addGuiOptions(parser);
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    const QStringList positional = parser.positionalArguments();
    // A file that does not exist is more likely a mistyped command than a run file.
    for (const QString& path : positional) {
        if (!QFileInfo(path).isFile()) {
            *error = QStringLiteral("unexpected argument '%1': no such file (commands: run, worker)").arg(path);
            return std::nullopt;
        }
    }
    GuiOptions options;
    options.autorun = parser.isSet(QStringLiteral("autorun"));
    options.exitWhenDone = parser.isSet(QStringLiteral("exit-when-done"));
    options.presenter = parser.isSet(QStringLiteral("presenter"));
    if (parser.isSet(QStringLiteral("view"))) {
        const QString view = parser.value(QStringLiteral("view"));
        if (view != QLatin1String("timeline") && view != QLatin1String("cores")) {
            *error = QStringLiteral("--view: unknown view '%1' (choose timeline|cores)").arg(view);
            return std::nullopt;
        }
        options.coresView = view == QLatin1String("cores");
    }
    options.printFirstPaint = parser.isSet(QStringLiteral("print-first-paint"));
    options.screenshotPath = parser.value(QStringLiteral("screenshot"));
    options.reportPath = parser.value(QStringLiteral("report"));
    // A scripted window photographs and reports one run: the others would open in windows nobody waits for.
    if (positional.size() > 1 && options.unattended()) {
        *error = QStringLiteral("unexpected argument '%1': a scripted window opens one file").arg(positional[1]);
        return std::nullopt;
    }
    for (const QString& name : {QStringLiteral("screenshot"), QStringLiteral("report")}) {
        if (parser.isSet(name) && parser.value(name).isEmpty()) {
            *error = QStringLiteral("--%1: expected a file name").arg(name);
            return std::nullopt;
        }
    }
    if (parser.isSet(QStringLiteral("language"))) {
        options.language = parser.value(QStringLiteral("language"));
        if (!UiLanguage::isAvailable(options.language)) {
            *error = QStringLiteral("--language: unknown language '%1' (choose %2)")
                         .arg(options.language, UiLanguage::available().join(QLatin1Char('|')));
            return std::nullopt;
        }
    }
    if (parser.isSet(QStringLiteral("scenario")))
        return readScenario(parser, options, error) ? std::optional(options) : std::nullopt;
    const RunConfig base = remembered && !options.unattended() ? *remembered : RunConfig();
    const auto config = runConfigFromOptions(parser, error, base);
    if (!config)
        return std::nullopt;
    options.config = *config;
    if (!positional.isEmpty()) {
        options.openPath = positional[0];
        options.moreFiles = positional.mid(1);
        // Both are about a run made now; an opened file's numbers are in the file already.
        for (const QString& name : {QStringLiteral("autorun"), QStringLiteral("report")}) {
            if (parser.isSet(name)) {
                *error = QStringLiteral("--%1: not with a file to open ('%2')").arg(name, options.openPath);
                return std::nullopt;
            }
        }
    }
    return options;
}

// The unattended part when a file is opened at start: the screenshot once it is on screen, then quit. Files opened
// later by hand write nothing.
void finishOpeningUnattended(MainWindow& window, const GuiOptions& options)
{
    RunFileActions* files = window.fileActions();
    QObject::connect(
        files, &RunFileActions::opened, &window,
        [&window, options] {
            // Queued: the window finishes laying out the file's run before it is photographed.
            QTimer::singleShot(0, &window, [&window, options] { finishShown(window, options); });
        },
        Qt::SingleShotConnection);
    if (options.exitWhenDone) {
        QObject::connect(files, &RunFileActions::openFailed, &window, [](const QString&, const QString& error) {
            printError(error);
            QCoreApplication::exit(1);
        });
    }
}

void applyGuiOptions(MainWindow& window, const GuiOptions& options)
{
    window.setRunConfig(options.config);
    if (options.presenter)
        window.presenterMode().setOn(true);
    if (options.coresView)
        window.setCoresView(true);
    if (!options.openPath.isEmpty()) {
        if (options.exitWhenDone || !options.screenshotPath.isEmpty())
            finishOpeningUnattended(window, options);
        window.openRunFile(options.openPath);
        return;
    }
    if (!options.scenario.isEmpty()) {
        window.scenarios().choose(options.scenario);
        if (!options.autorun) {
            if (options.unattended())
                afterFirstPaint(window, [&window, options] { finishShown(window, options); });
            return;
        }
    }
    if (options.unattended()) {
        // Only the first run is the unattended one; later runs started by hand write nothing.
        QObject::connect(
            &window, &MainWindow::runFinished, &window,
            [&window, options](const RunResult& result) {
                // Queued: the window finishes laying out the result before it is photographed.
                QTimer::singleShot(0, &window, [&window, options, result] {
                    const int exitCode = finishUnattended(window, options, result);
                    if (options.exitWhenDone)
                        QCoreApplication::exit(exitCode);
                });
            },
            Qt::SingleShotConnection);
        if (options.exitWhenDone) {
            QObject::connect(&window, &MainWindow::runRejected, &window, [](const Problem& refusal) {
                printError(QStringLiteral("could not start the run: %1").arg(refusal.english()));
                QCoreApplication::exit(1);
            });
        }
    }
    if (options.printFirstPaint)
        reportFirstPaint(window, options.exitWhenDone && !options.autorun);
    if (options.autorun)
        afterFirstPaint(window, [&window] { window.runCurrent(); });
}

} // namespace conlab
