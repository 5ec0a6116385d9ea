#include "app/runcommand.h"

#include "app/clioutput.h"
#include "app/interruptnotifier.h"
#include "app/seriescommand.h"
#include "core/export/csvexport.h"
#include "core/export/runfile.h"
#include "core/export/runsummaryjson.h"
#include "core/python/scriptsource.h"
#include "core/run/runcontroller.h"
#include "core/run/runoptions.h"
#include "ui/export/figureoptions.h"
#include "ui/export/headlessfigure.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <cstdio>

namespace conlab {

void setUpRunParser(QCommandLineParser& parser)
{
    parser.setApplicationDescription(QStringLiteral(
        "Run one workload under one execution model, headless, and print its summary.\n\n"
        "Exit status: 0 the run finished, 1 it failed or a file could not be written, 2 bad input, 130 interrupted."));
    parser.addHelpOption();
    addRunOptions(parser);
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the summary as one JSON object.")});
    parser.addOption({QStringLiteral("trace"),
        QStringLiteral("Write the run (Chrome Trace Event JSON with the summary): conlab opens it again, "
                       "ui.perfetto.dev and speedscope show it."),
        QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("segments-csv"),
        QStringLiteral("Write every timeline segment as CSV (lane, task, state, begin/end/duration in ms, core)."),
        QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("samples-csv"),
        QStringLiteral("Write the per-core CPU utilisation samples as CSV (time in ms, one column per core, "
                       "average)."),
        QStringLiteral("FILE")});
    addFigureOptions(parser);
    addSeriesOptions(parser);
    parser.addPositionalArgument(QStringLiteral("run"), QStringLiteral("The run command."));
}

int runCommand(const QStringList& commandLine)
{
    // Everything after `--` belongs to a python script, whatever it looks like.
    const qsizetype separator = commandLine.indexOf(QStringLiteral("--"));
    const QStringList arguments = separator < 0 ? commandLine : commandLine.mid(0, separator);
    const QStringList scriptArguments = separator < 0 ? QStringList() : commandLine.mid(separator + 1);
    QCommandLineParser parser;
    setUpRunParser(parser);

    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    if (parser.positionalArguments().size() > 1) {
        printError(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().at(1)));
        return 2;
    }
    if (isSeriesCommand(parser))
        return runSeriesCommand(parser);
    QString error;
    auto config = runConfigFromOptions(parser, &error);
    if (!config) {
        printError(error);
        return 2;
    }
    if (separator >= 0) {
        if (config->model != ModelKind::Python) {
            printError(
                QStringLiteral("arguments after '--' are for a python script: add --model python --script FILE"));
            return 2;
        }
        config->python->arguments = scriptArguments;
    }
    const auto figures = figureRequestFromOptions(parser, &error);
    if (!figures) {
        printError(error);
        return 2;
    }

    // Ctrl+C cancels the run the same way the GUI's Stop does, so the trace of what ran is still written.
    InterruptNotifier interrupt;
    RunController controller;
    int exitCode = 0;
    QObject::connect(&interrupt, &InterruptNotifier::interrupted, &controller, &RunController::cancel);
    QObject::connect(&controller, &RunController::finished, [&](const RunResult& result) {
        if (parser.isSet(QStringLiteral("json")))
            std::fputs(
                QJsonDocument(runSummaryToJson(result.summary)).toJson(QJsonDocument::Compact).append('\n'), stdout);
        else
            std::fputs(qPrintable(runSummaryText(result.summary)), stdout);
        if (!result.summary.error.isEmpty()) {
            printError(result.summary.error);
            exitCode = 1;
        } else if (result.summary.cancelled) {
            exitCode = 130;
        }
        // Each file is written even when another could not be: a full disk for one should not lose the others.
        const auto write = [&](const char* option, const auto& writeFile) {
            if (!parser.isSet(QLatin1String(option)))
                return;
            Problem writeError;
            if (!writeFile(parser.value(QLatin1String(option)), &writeError)) {
                printError(writeError.english());
                exitCode = 1;
            }
        };
        write("trace", [&](const QString& path, Problem* writeError) {
            SavedRun saved {result.trace, result.summary, std::nullopt};
            if (const std::optional<PythonScript>& python = result.summary.config.python)
                saved.scriptSource = readScriptSource(python->script);
            return writeRunFile(saved, path, writeError);
        });
        write("segments-csv", [&](const QString& path, Problem* writeError) {
            return writeSegmentsCsv(*result.trace, path, writeError);
        });
        write("samples-csv",
            [&](const QString& path, Problem* writeError) { return writeSamplesCsv(*result.trace, path, writeError); });
        for (const QString& figureError : writeRunFigures(result, *figures)) {
            printError(figureError);
            exitCode = 1;
        }
        QCoreApplication::exit(exitCode);
    });
    if (Problem refusal; !controller.start(*config, &refusal)) {
        printError(refusal.english());
        return 2;
    }
    return QCoreApplication::exec();
}

} // namespace conlab
