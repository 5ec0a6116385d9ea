#include "app/opencommand.h"

#include "app/clioutput.h"
#include "core/export/csvexport.h"
#include "core/export/runfile.h"
#include "core/import/runfilereader.h"
#include "core/trace/dataspan.h"
#include "ui/export/figureoptions.h"
#include "ui/export/headlessfigure.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cstdio>
#include <optional>

namespace conlab {

namespace {

QJsonObject openedJson(const QString& path, const SavedRun& run)
{
    const Trace& trace = *run.trace;
    std::vector<qint64> segmentsPerLane(trace.lanes.size(), 0);
    for (const Segment& segment : trace.segments)
        ++segmentsPerLane[segment.lane];
    QJsonArray lanes;
    for (std::size_t i = 0; i < trace.lanes.size(); ++i)
        lanes.append(QJsonObject {
            {QStringLiteral("name"), trace.lanes[i].name}, {QStringLiteral("segments"), segmentsPerLane[i]}});
    QJsonArray counters;
    for (const QString& name : trace.counterNames)
        counters.append(name);

    QJsonObject json {{QStringLiteral("file"), path},
        {QStringLiteral("kind"), run.summary ? QStringLiteral("conlab run") : QStringLiteral("foreign trace")},
        {QStringLiteral("lanes"), lanes}, {QStringLiteral("segments"), qint64(trace.segments.size())},
        {QStringLiteral("counters"), counters}, {QStringLiteral("counter_samples"), qint64(trace.cpuSamples.size())}};
    if (const auto span = dataSpanMs(trace))
        json.insert(QStringLiteral("time_span_ms"),
            QJsonObject {{QStringLiteral("begin"), span->first}, {QStringLiteral("end"), span->second},
                {QStringLiteral("duration"), span->second - span->first}});
    else
        json.insert(QStringLiteral("time_span_ms"), QJsonValue::Null);
    if (run.summary)
        return json;

    const ImportReport& report = run.import;
    json.insert(QStringLiteral("events"), qint64(report.events));
    QJsonObject phases;
    for (const auto& [phase, count] : report.eventsByPhase)
        phases.insert(QString::fromStdString(phase), qint64(count));
    json.insert(QStringLiteral("events_by_phase"), phases);
    QJsonArray skipped;
    for (std::size_t i = 0; i < report.skipped.size(); ++i) {
        const SkippedEvents& reason = report.skipped[i];
        if (reason.count == 0)
            continue;
        skipped.append(QJsonObject {{QStringLiteral("reason"), skipReasonKey(SkipReason(i))},
            {QStringLiteral("count"), qint64(reason.count)}, {QStringLiteral("first_line"), qint64(reason.firstLine)},
            {QStringLiteral("first_column"), qint64(reason.firstColumn)},
            {QStringLiteral("first_problem"), reason.firstDetail}});
    }
    json.insert(QStringLiteral("skipped"), skipped);
    json.insert(QStringLiteral("skipped_events"), qint64(report.skippedCount()));
    json.insert(QStringLiteral("ended_early"), report.endedEarly);
    if (report.endedEarly)
        json.insert(QStringLiteral("ended_at_line"), qint64(report.endedAtLine));
    if (!report.displayTimeUnit.isEmpty())
        json.insert(QStringLiteral("display_time_unit"), report.displayTimeUnit);
    if (trace.lanes.empty() && trace.counterNames.empty())
        json.insert(QStringLiteral("why_empty"), emptyTraceText(report));
    return json;
}

QString openedText(const QString& path, const SavedRun& run)
{
    const Trace& trace = *run.trace;
    const auto span = dataSpanMs(trace);
    QString text = QStringLiteral("%1: %2, %3 lanes, %4 segments, %5 counters, %6.\n")
                       .arg(QFileInfo(path).fileName(),
                           run.summary ? QStringLiteral("a conlab run") : QStringLiteral("a trace from another tool"))
                       .arg(trace.lanes.size())
                       .arg(trace.segments.size())
                       .arg(trace.counterNames.size())
                       .arg(span ? QStringLiteral("%1 ms from first to last").arg(span->second - span->first, 0, 'f', 3)
                                 : QStringLiteral("no time span"));
    if (run.summary)
        return text;
    for (const QString& line : skippedLines(run.import))
        text += line + QLatin1Char('\n');
    if (run.import.endedEarly)
        text += endedEarlyText(run.import) + QLatin1Char('\n');
    if (trace.lanes.empty() && trace.counterNames.empty())
        text += emptyTraceText(run.import) + QLatin1Char('\n');
    return text;
}

} // namespace

int openCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Open a trace headless: a conlab run file, or Chrome Trace Event JSON from any tool. Prints "
                       "what it holds and what was skipped; exit 0 when it opened, 1 when it was refused."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("json"),
        QStringLiteral("Print lanes, segments, counters, the time span and the skipped events as one JSON object.")});
    parser.addOption({QStringLiteral("segments-csv"),
        QStringLiteral("Write every timeline segment as CSV (lane, task, state, begin/end/duration in ms, core)."),
        QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("samples-csv"),
        QStringLiteral("Write the counter (or CPU utilisation) samples as CSV, one column each."),
        QStringLiteral("FILE")});
    addFigureOptions(parser);
    parser.addPositionalArgument(QStringLiteral("open"), QStringLiteral("The open command."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The trace to open."));

    const auto printOpenError
        = [](const QString& message) { std::fprintf(stderr, "conlab open: %s\n", qPrintable(message)); };
    if (!parser.parse(arguments)) {
        printOpenError(parser.errorText());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        printOpenError(positional.size() < 2 ? QStringLiteral("which file? conlab open FILE")
                                             : QStringLiteral("unexpected argument '%1'").arg(positional.at(2)));
        return 2;
    }
    QString error;
    const auto figures = figureRequestFromOptions(parser, &error);
    if (!figures) {
        printOpenError(error);
        return 2;
    }

    const QString path = positional.at(1);
    const std::optional<SavedRun> run = readRunFile(path, &error);
    if (!run) {
        printOpenError(error);
        return 1;
    }
    if (parser.isSet(QStringLiteral("json")))
        std::fputs(QJsonDocument(openedJson(path, *run)).toJson(QJsonDocument::Compact).append('\n'), stdout);
    else
        std::fputs(qPrintable(openedText(path, *run)), stdout);

    int exitCode = 0;
    const auto write = [&](const char* option, const auto& writeFile) {
        if (!parser.isSet(QLatin1String(option)))
            return;
        Problem writeError;
        if (!writeFile(*run->trace, parser.value(QLatin1String(option)), &writeError)) {
            printOpenError(writeError.english());
            exitCode = 1;
        }
    };
    write("segments-csv", writeSegmentsCsv);
    write("samples-csv", writeSamplesCsv);
    for (const QString& figureError : writeSavedRunFigures(*run, QFileInfo(path).fileName(), *figures)) {
        printOpenError(figureError);
        exitCode = 1;
    }
    return exitCode;
}

} // namespace conlab
