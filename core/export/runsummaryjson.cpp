#include "core/export/runsummaryjson.h"

#include "core/run/otherload.h"
#include "core/workload/workloadtext.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QLocale>
#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace conlab {

namespace {

QString checksumText(std::uint64_t checksum)
{
    return QStringLiteral("0x%1").arg(static_cast<qulonglong>(checksum), 16, 16, QLatin1Char('0'));
}

QString ms(double value)
{
    return QString::number(value, 'f', 3) + QStringLiteral(" ms");
}

QString modelText(const RunConfig& config)
{
    QString text = modelKey(config.model);
    if (config.model == ModelKind::Python)
        return text + QStringLiteral(" (a real CPython interpreter, observed from outside)");
    if (config.model == ModelKind::EventLoop && config.offload != OffloadKind::None)
        text += QStringLiteral(", CPU phases in a %1 executor")
                    .arg(config.offload == OffloadKind::Threads ? QStringLiteral("thread") : QStringLiteral("process"));
    if (config.gil)
        text += QStringLiteral(" + GIL (switch interval %1 ms)").arg(parameterText(config.switchIntervalMs));
    return text;
}

// How many lines of each stream the summary quotes; the run file keeps all of it (capped).
constexpr int outputTailLines = 20;

QString exitText(const PythonRunFacts& python)
{
    if (python.exitCode)
        return QStringLiteral("exit code %1").arg(*python.exitCode);
    if (python.exitSignal != 0)
        return QStringLiteral("killed by signal %1").arg(python.exitSignal);
    return QStringLiteral("unknown");
}

void insertPython(QJsonObject& json, const RunConfig& config, const PythonRunFacts* python)
{
    if (config.python) {
        json.insert(QStringLiteral("script"), config.python->script);
        json.insert(QStringLiteral("script_arguments"), QJsonArray::fromStringList(config.python->arguments));
    }
    if (!python)
        return;
    json.insert(QStringLiteral("python_executable"), python->executable);
    json.insert(QStringLiteral("python_version"), python->version);
    json.insert(QStringLiteral("observer_mode"), python->observerMode);
    json.insert(QStringLiteral("gil_sample_hz"), roundedJson(python->gilSampleHz));
    json.insert(QStringLiteral("state_sample_hz"), roundedJson(python->stateSampleHz));
    json.insert(QStringLiteral("observer_cpu_percent"), roundedJson(python->observerCpuPercent));
    QJsonArray threads;
    for (const PythonThreadFacts& thread : python->threads)
        threads.append(QJsonObject {
            {QStringLiteral("name"), thread.name},
            {QStringLiteral("pid"), thread.pid},
            {QStringLiteral("tid"), thread.tid},
            {QStringLiteral("gil_hold_ms"), roundedJson(thread.gilHoldMs)},
            {QStringLiteral("gil_wait_ms"), roundedJson(thread.gilWaitMs)},
        });
    json.insert(QStringLiteral("threads"), threads);
    QJsonArray processes;
    for (int pid : python->processes)
        processes.append(pid);
    json.insert(QStringLiteral("processes"), processes);
    json.insert(QStringLiteral("script_exit_code"),
        python->exitCode ? QJsonValue(*python->exitCode) : QJsonValue(QJsonValue::Null));
    if (python->exitSignal != 0)
        json.insert(QStringLiteral("script_signal"), python->exitSignal);
    json.insert(QStringLiteral("stdout_tail"), lastLines(python->stdoutText, outputTailLines));
    json.insert(QStringLiteral("stderr_tail"), lastLines(python->stderrText, outputTailLines));
}

void appendPythonRows(std::vector<std::pair<QString, QString>>& rows, const RunSummary& summary)
{
    const RunConfig& config = summary.config;
    if (config.python)
        rows.emplace_back(QStringLiteral("script"),
            (QStringList {config.python->script} + config.python->arguments).join(QLatin1Char(' ')));
    if (!summary.python)
        return;
    const PythonRunFacts& python = *summary.python;
    rows.emplace_back(QStringLiteral("python"),
        QStringLiteral("%1 (%2)").arg(
            python.version.isEmpty() ? QStringLiteral("version unknown") : python.version, python.executable));
    rows.emplace_back(QStringLiteral("observer"),
        QStringLiteral("%1: GIL read at %2 Hz, thread states at %3 Hz, %4 % of one core")
            .arg(python.observerMode, QString::number(python.gilSampleHz, 'f', 0),
                QString::number(python.stateSampleHz, 'f', 0), QString::number(python.observerCpuPercent, 'f', 1)));
    rows.emplace_back(QStringLiteral("GIL"), QStringLiteral("%1 hand-overs").arg(summary.gilSwitches));
    for (const PythonThreadFacts& thread : python.threads)
        rows.emplace_back(QStringLiteral("  ") + thread.name,
            QStringLiteral("pid %1, tid %2: held the GIL %3, waited for it %4")
                .arg(QString::number(thread.pid), QString::number(thread.tid), ms(thread.gilHoldMs),
                    ms(thread.gilWaitMs)));
    QStringList pids;
    for (int pid : python.processes)
        pids << QString::number(pid);
    rows.emplace_back(QStringLiteral("processes"),
        QStringLiteral("%1 (%2)").arg(QString::number(python.processes.size()), pids.join(QStringLiteral(", "))));
    rows.emplace_back(QStringLiteral("script ended"), exitText(python));
}

// The script's last words, as it printed them: a block of their own after the numbers.
QString outputTailText(const PythonRunFacts& python)
{
    QString text;
    for (const auto& [name, output] : {std::pair(QStringLiteral("stdout"), &python.stdoutText),
             std::pair(QStringLiteral("stderr"), &python.stderrText)}) {
        const QString tail = lastLines(*output, outputTailLines);
        if (tail.isEmpty())
            continue;
        text += QStringLiteral("%1 (last lines)\n").arg(name);
        for (const QString& line : tail.split(QLatin1Char('\n')))
            text += QStringLiteral("  | ") + line + QLatin1Char('\n');
    }
    return text;
}

} // namespace

QJsonValue roundedJson(double value)
{
    if (!std::isfinite(value))
        return QJsonValue(QJsonValue::Null);
    return std::round(value * 1000.0) / 1000.0;
}

QJsonObject latencyJson(const LatencyStats& latency)
{
    return QJsonObject {
        {QStringLiteral("p50"), roundedJson(latency.p50)},
        {QStringLiteral("p99"), roundedJson(latency.p99)},
        {QStringLiteral("max"), roundedJson(latency.max)},
        {QStringLiteral("count"), latency.count},
    };
}

QJsonObject runSummaryToJson(const RunSummary& summary)
{
    const RunConfig& config = summary.config;
    QJsonObject json;
    json.insert(QStringLiteral("model"), modelKey(config.model));
    json.insert(QStringLiteral("workload"), workloadKey(config.workload.kind));
    json.insert(QStringLiteral("tasks"), config.workload.tasks);
    json.insert(QStringLiteral("workers"), config.effectiveWorkers());
    json.insert(QStringLiteral("cpu_ms_per_phase"), roundedJson(config.workload.cpuMs));
    json.insert(QStringLiteral("io_ms_per_phase"), roundedJson(config.workload.ioMs));
    json.insert(QStringLiteral("phases"), config.workload.phases);
    if (config.gil) {
        json.insert(QStringLiteral("gil"), true);
        json.insert(QStringLiteral("switch_interval_ms"), roundedJson(config.switchIntervalMs));
        json.insert(QStringLiteral("gil_switches"), qint64(summary.gilSwitches));
        json.insert(QStringLiteral("gil_drop_requests"), qint64(summary.gilDropRequests));
    }
    if (config.model == ModelKind::EventLoop)
        json.insert(QStringLiteral("offload"), offloadKey(config.offload));
    json.insert(QStringLiteral("wall_ms"), roundedJson(summary.wallMs));
    json.insert(QStringLiteral("cpu_ms"), roundedJson(summary.cpuMs));
    json.insert(QStringLiteral("tasks_completed"), summary.tasksCompleted);
    json.insert(QStringLiteral("checksum"), checksumText(summary.checksum));

    QJsonObject stateMs;
    for (TaskState state : allTaskStates)
        stateMs.insert(taskStateKey(state), roundedJson(summary.stateMs[static_cast<std::size_t>(state)]));
    json.insert(QStringLiteral("state_ms"), stateMs);

    json.insert(QStringLiteral("resume_latency_ms"), latencyJson(summary.resumeLatencyMs));

    json.insert(QStringLiteral("peak_rss_mb"), roundedJson(summary.peakRssMb));
    json.insert(QStringLiteral("cores"), summary.cores);
    if (summary.usableCores)
        json.insert(QStringLiteral("usable_cores"), *summary.usableCores);
    if (summary.otherLoadPercent)
        json.insert(QStringLiteral("other_load_percent"), roundedJson(*summary.otherLoadPercent));
    json.insert(QStringLiteral("startup_ms"), roundedJson(summary.startupMs));
    if (!summary.workerPeakRssMb.empty()) {
        QJsonArray perWorker;
        for (double mb : summary.workerPeakRssMb)
            perWorker.append(roundedJson(mb));
        json.insert(QStringLiteral("worker_peak_rss_mb"), perWorker);
        json.insert(QStringLiteral("worker_peak_rss_total_mb"), roundedJson(summary.workerPeakRssTotalMb()));
    }
    // Not rounded: it is meant to be passed back with --calibration to reproduce the checksum exactly.
    json.insert(QStringLiteral("iterations_per_ms"),
        std::isfinite(summary.iterationsPerMs) ? QJsonValue(summary.iterationsPerMs) : QJsonValue(QJsonValue::Null));
    json.insert(QStringLiteral("overlapping_segments"), qint64(summary.overlappingSegments));
    if (summary.migrations)
        json.insert(QStringLiteral("migrations"), qint64(*summary.migrations));
    json.insert(QStringLiteral("cancelled"), summary.cancelled);
    if (!summary.error.isEmpty())
        json.insert(QStringLiteral("error"), summary.error);
    if (summary.uiLatencyMs)
        json.insert(QStringLiteral("ui_latency_ms"), latencyJson(*summary.uiLatencyMs));
    if (summary.roundTrips)
        json.insert(QStringLiteral("round_trips"), *summary.roundTrips);
    if (summary.counter) {
        json.insert(QStringLiteral("counter_expected"), qint64(summary.counter->expected));
        json.insert(QStringLiteral("counter_actual"), qint64(summary.counter->actual));
        json.insert(QStringLiteral("lost_updates"), qint64(summary.counter->lost()));
    }
    if (config.model == ModelKind::Python) {
        json.insert(QStringLiteral("gil_switches"), qint64(summary.gilSwitches));
        insertPython(json, config, summary.python ? &*summary.python : nullptr);
    }
    if (!summary.notes.isEmpty())
        json.insert(QStringLiteral("notes"), QJsonArray::fromStringList(summary.notes));
    return json;
}

QString runSummaryText(const RunSummary& summary)
{
    const RunConfig& config = summary.config;
    const LatencyStats& latency = summary.resumeLatencyMs;
    using Rows = std::vector<std::pair<QString, QString>>;

    Rows rows;
    rows.emplace_back(QStringLiteral("model"), modelText(config));
    const bool python = config.model == ModelKind::Python;
    // A script is not conlab's workload: its knobs are only what it was handed, and conlab counts none of its tasks.
    if (python) {
        rows.emplace_back(QStringLiteral("knobs"),
            QStringLiteral("tasks %1, workers %2, cpu-ms %3, io-ms %4")
                .arg(QString::number(config.workload.tasks), QString::number(config.effectiveWorkers()),
                    parameterText(config.workload.cpuMs), parameterText(config.workload.ioMs)));
        appendPythonRows(rows, summary);
    } else {
        rows.emplace_back(QStringLiteral("workload"), workloadText(config.workload));
        rows.emplace_back(QStringLiteral("workers"), QString::number(config.effectiveWorkers()));
    }
    rows.emplace_back(QStringLiteral("wall"), ms(summary.wallMs));
    rows.emplace_back(QStringLiteral("cpu"), ms(summary.cpuMs));
    if (!python) {
        rows.emplace_back(QStringLiteral("tasks done"),
            QStringLiteral("%1 of %2")
                .arg(QString::number(summary.tasksCompleted), QString::number(config.workload.tasks)));
        rows.emplace_back(QStringLiteral("checksum"), checksumText(summary.checksum));
    }
    // With no I/O waits the percentiles are zeros that would read as "instant".
    rows.emplace_back(QStringLiteral("resume latency"),
        latency.count > 0 ? QStringLiteral("p50 %1, p99 %2, max %3 (%4 resumes)")
                                .arg(ms(latency.p50), ms(latency.p99), ms(latency.max), QString::number(latency.count))
                          : QStringLiteral("none (no I/O waits)"));
    if (summary.roundTrips)
        rows.emplace_back(QStringLiteral("round trips"), QString::number(*summary.roundTrips));
    if (summary.counter)
        rows.emplace_back(QStringLiteral("counter"),
            QStringLiteral("%1 of %2 expected: %3 updates lost")
                .arg(QString::number(summary.counter->actual), QString::number(summary.counter->expected),
                    QString::number(summary.counter->lost())));
    if (config.gil && config.model != ModelKind::Processes)
        rows.emplace_back(QStringLiteral("GIL"),
            QStringLiteral("%1 hand-overs, %2 drop requests")
                .arg(QString::number(summary.gilSwitches), QString::number(summary.gilDropRequests)));
    rows.emplace_back(QStringLiteral("peak RSS"), QString::number(summary.peakRssMb, 'f', 1) + QStringLiteral(" MB"));
    rows.emplace_back(QStringLiteral("cores"),
        summary.usableCores && *summary.usableCores != summary.cores
            ? QStringLiteral("%1, of which this process may use %2").arg(summary.cores).arg(*summary.usableCores)
            : QString::number(summary.cores));
    if (summary.otherLoadPercent)
        rows.emplace_back(QStringLiteral("other programs"),
            QStringLiteral("%1 % of the machine during the run%2")
                .arg(QString::number(*summary.otherLoadPercent, 'f', 0),
                    *summary.otherLoadPercent > otherLoadWarningPercent
                        ? QStringLiteral(": these times are not the model's alone")
                        : QString()));
    if (summary.migrations)
        rows.emplace_back(QStringLiteral("core changes"), QString::number(*summary.migrations));
    if (summary.startupMs > 0)
        rows.emplace_back(QStringLiteral("start-up"), ms(summary.startupMs));
    if (!summary.workerPeakRssMb.empty())
        rows.emplace_back(QStringLiteral("worker RSS"),
            QStringLiteral("%1 MB in %2 processes (each has its own copy of everything)")
                .arg(QString::number(summary.workerPeakRssTotalMb(), 'f', 1),
                    QString::number(summary.workerPeakRssMb.size())));
    if (summary.iterationsPerMs > 0)
        rows.emplace_back(QStringLiteral("calibration"),
            QString::number(summary.iterationsPerMs, 'g', QLocale::FloatingPointShortest)
                + QStringLiteral(" iterations/ms (--calibration repeats the checksum)"));

    // State labels are long ("running, blocking the loop"); a block of their own keeps them from widening the
    // label column of everything else.
    Rows states;
    for (TaskState state : allTaskStates) {
        const double value = summary.stateMs[static_cast<std::size_t>(state)];
        if (value != 0)
            states.emplace_back(taskStateEnglishLabel(state), ms(value));
    }

    Rows outcome;
    if (summary.cancelled)
        outcome.emplace_back(QStringLiteral("status"), QStringLiteral("cancelled"));
    if (!summary.error.isEmpty())
        outcome.emplace_back(QStringLiteral("error"), summary.error);
    for (const QString& note : summary.notes)
        outcome.emplace_back(QStringLiteral("note"), note);

    qsizetype width = 0;
    for (const Rows* block : {&rows, &outcome}) {
        for (const auto& row : *block)
            width = std::max(width, row.first.size());
    }
    qsizetype stateWidth = 0;
    qsizetype valueWidth = 0;
    for (const auto& row : states) {
        stateWidth = std::max(stateWidth, row.first.size());
        valueWidth = std::max(valueWidth, row.second.size());
    }

    QString text;
    for (const auto& row : rows)
        text += row.first.leftJustified(width + 2) + row.second + QLatin1Char('\n');
    if (!states.empty()) {
        text += QStringLiteral("time in state\n");
        for (const auto& row : states)
            text += QStringLiteral("  ") + row.first.leftJustified(stateWidth + 2)
                + row.second.rightJustified(valueWidth) + QLatin1Char('\n');
    }
    for (const auto& row : outcome)
        text += row.first.leftJustified(width + 2) + row.second + QLatin1Char('\n');
    if (summary.python)
        text += outputTailText(*summary.python);
    return text;
}

} // namespace conlab
