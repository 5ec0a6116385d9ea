#pragma once

#include "core/run/runconfig.h"

#include <QString>
#include <QStringList>
#include <optional>

class QCommandLineParser;

namespace conlab {

class MainWindow;

// The window's command line: the run options `conlab run` takes (model, workload, GIL, executor...), a run file to
// open, and what to do unattended (run at once, save a screenshot and a JSON report when it ends, quit). Scripts and
// CI use it to get pictures and numbers from the real window.
struct GuiOptions
{
    RunConfig config;
    // `conlab FILE.json`: opened at start. A run file's own settings then replace the run options on the controls.
    QString openPath;
    // The files after the first: a file manager passes every file it opens with conlab (Exec=conlab %F in
    // conlab.desktop). Each opens in a window of its own, as if it alone had been double-clicked.
    QStringList moreFiles;
    bool autorun = false;
    bool exitWhenDone = false;
    bool presenter = false;
    // --view cores: the timeline shows its run by core (View > Cores view).
    bool coresView = false;
    QString screenshotPath;
    QString reportPath;
    // `--scenario NAME`: the lesson chosen in the Scenarios panel; config is then its first step.
    QString scenario;
    // --language en|ru: the UI's language for this session, over the remembered one and the system's; empty: not
    // given.
    QString language;
    bool printFirstPaint = false; // start-up measurement (conlab-bench): the time to the first frame on stdout

    // A scripted window (--exit-when-done, --screenshot, --report, --print-first-paint) neither reads nor writes
    // remembered settings: its picture and numbers are the same on every machine, and a script leaves the user's
    // settings alone.
    bool unattended() const
    {
        return exitWhenDone || printFirstPaint || !screenshotPath.isEmpty() || !reportPath.isEmpty();
    }
};

// Everything `conlab` (no command) accepts, so that --help lists it.
void addGuiOptions(QCommandLineParser& parser);

// `arguments` as from QCoreApplication::arguments(): the program name first. The run options apply over
// `remembered` (the last session's model and workload), so the command line wins where it says something, unless
// the options are unattended(), which start from the defaults. On bad input returns nullopt and one line naming the
// argument.
std::optional<GuiOptions> parseGuiOptions(
    const QStringList& arguments, QString* error, const std::optional<RunConfig>& remembered = std::nullopt);

// Shows the options' configuration in the window, turns presenter mode on for --presenter, and wires the unattended
// part: --autorun starts the run; when it ends, --screenshot and --report are written and --exit-when-done quits
// with 0, or 1 (reason on stderr) when the run failed or a file could not be written. With a file to open, the
// screenshot is taken once it is shown, and --exit-when-done quits with 1 and the reader's message when it cannot be
// opened. With a scenario and no --autorun nothing runs: the screenshot shows the lesson's question once the window
// has painted it.
void applyGuiOptions(MainWindow& window, const GuiOptions& options);

} // namespace conlab
