#include "app/interruptnotifier.h"
#include "app/manpage.h"
#include "app/opencommand.h"
#include "app/revision.h"
#include "app/runcommand.h"
#include "core/models/workerprocess.h"
#include "ui/export/figureoptions.h"
#include "ui/window/applicationicon.h"
#include "ui/window/guioptions.h"
#include "ui/window/mainwindow.h"
#include "ui/window/settingsstore.h"
#include "ui/window/uilanguage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QProcess>
#include <cstdio>
#include <cstring>
#include <memory>

namespace {

void setApplicationInfo()
{
    QCoreApplication::setApplicationName(QStringLiteral("conlab"));
    QCoreApplication::setOrganizationName(QStringLiteral("Concurrency Lab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CONLAB_VERSION));
}

void setUpParser(QCommandLineParser& parser)
{
    parser.setApplicationDescription(QStringLiteral(
        "Concurrency Lab: run a workload under processes, threads or an event loop and watch every core.\n\n"
        "Commands:\n  conlab [options] [FILE.json...]  open the window (options below), and the files given\n"
        "  conlab run ...                   one headless run (conlab run --help)\n"
        "  conlab open FILE ...             read a trace headless: what it holds, CSV, figures (conlab open --help)"));
    parser.addHelpOption();
    parser.addVersionOption();
    conlab::addGuiOptions(parser);
}

// --help and --version answer on the terminal and must work without a display.
bool asksForInfoOnly(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        for (const char* flag : {"-h", "--help", "-v", "--version", "--help-all"}) {
            if (std::strcmp(argv[i], flag) == 0)
                return true;
        }
    }
    return false;
}

// `conlab --version` names the commit too: a bug report then says exactly which source it ran.
QString versionText()
{
    return QStringLiteral("%1 (revision %2)")
        .arg(QStringLiteral(CONLAB_VERSION), QLatin1String(conlab::sourceRevision()));
}

// The manual page from the same help texts --help prints; hidden from --help, the build runs it to write conlab.1.
int printManPage(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    setApplicationInfo();
    QCommandLineParser window;
    setUpParser(window);
    QCommandLineParser run;
    conlab::setUpRunParser(run);
    const QString page = conlab::manPage({QStringLiteral("conlab"), window.helpText()},
        {QStringLiteral("conlab run"), run.helpText()}, QStringLiteral(CONLAB_VERSION));
    std::fputs(page.toUtf8().constData(), stdout);
    return std::fflush(stdout) == 0 && !std::ferror(stdout) ? 0 : 1;
}

bool asksForFigure(int argc, char** argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return conlab::asksForFigure(arguments);
}

int runGui(int argc, char** argv)
{
    QApplication app(argc, argv);
    setApplicationInfo();
    QApplication::setApplicationDisplayName(QStringLiteral("Concurrency Lab"));
    // The installed conlab.desktop: its icon and name for the window on Wayland and in task bars.
    QGuiApplication::setDesktopFileName(QStringLiteral("conlab"));
    QApplication::setWindowIcon(conlab::applicationIcon());

    conlab::SettingsStore settings;
    QStringList problems;
    const conlab::RememberedSettings remembered = settings.load(&problems);
    QString error;
    const auto options = conlab::parseGuiOptions(QApplication::arguments(), &error, remembered.config);
    if (!options) {
        std::fprintf(stderr, "conlab: %s\n", qPrintable(error));
        return 2;
    }
    // Each further file in a conlab of its own (a window shows one run); it reads the remembered settings as this one.
    for (const QString& path : options->moreFiles) {
        if (!QProcess::startDetached(QCoreApplication::applicationFilePath(), {path}))
            std::fprintf(stderr, "conlab: could not start a window for %s\n", qPrintable(path));
    }
    const bool remember = !options->unattended();
    if (remember) {
        for (const QString& problem : problems)
            std::fprintf(stderr, "conlab: %s\n", qPrintable(problem));
    }

    // Before the window is made, so that it is made in its language; a choice from the View > Language menu is
    // remembered, --language is for this session only.
    conlab::UiLanguage* language = conlab::UiLanguage::instance();
    language->set(conlab::UiLanguage::choose(options->language, remembered.language));
    QString chosenLanguage = remembered.language;
    QObject::connect(
        language, &conlab::UiLanguage::changed, [&chosenLanguage](const QString& code) { chosenLanguage = code; });

    conlab::MainWindow window;
    if (remember)
        conlab::SettingsStore::restore(window, remembered);
    conlab::applyGuiOptions(window, *options);
    // SIGTERM (a session logging out, `kill`) and Ctrl+C in the terminal close the window as its close button does:
    // the run is cancelled, its workers reaped and the settings saved, rather than the process dying mid-run.
    const conlab::InterruptNotifier interrupts;
    QObject::connect(&interrupts, &conlab::InterruptNotifier::interrupted, &app, &QApplication::closeAllWindows);
    window.show();
    const int exitCode = QApplication::exec();
    if (remember && !settings.save(conlab::SettingsStore::capture(window, chosenLanguage), &error))
        std::fprintf(stderr, "conlab: %s\n", qPrintable(error));
    return exitCode;
}

} // namespace

int main(int argc, char** argv)
{
    // Headless commands must work with no display at all: the worker and `conlab run` create no QGuiApplication,
    // except an offscreen one when the run is to draw pictures.
    if (argc > 1 && std::strcmp(argv[1], "worker") == 0)
        return conlab::runWorkerProcess();
    const bool open = argc > 1 && std::strcmp(argv[1], "open") == 0;
    if (open || (argc > 1 && std::strcmp(argv[1], "run") == 0)) {
        // Pictures are drawn by the plot widgets, which need a QApplication.
        std::unique_ptr<QCoreApplication> app;
        if (asksForFigure(argc, argv)) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
            app = std::make_unique<QApplication>(argc, argv);
        } else {
            app = std::make_unique<QCoreApplication>(argc, argv);
        }
        setApplicationInfo();
        const QStringList arguments = QCoreApplication::arguments();
        return open ? conlab::openCommand(arguments) : conlab::runCommand(arguments);
    }
    if (argc == 2 && std::strcmp(argv[1], "--man") == 0)
        return printManPage(argc, argv);
    if (asksForInfoOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        setApplicationInfo();
        QCoreApplication::setApplicationVersion(versionText());
        QCommandLineParser parser;
        setUpParser(parser);
        parser.process(app); // prints and exits
        return 0;
    }
    return runGui(argc, argv);
}
