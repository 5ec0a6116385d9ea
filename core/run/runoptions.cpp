#include "runoptions.h"

#include <QStringList>
#include <cmath>

namespace conlab {
namespace {

QString choices(const QStringList& keys)
{
    return keys.join(QLatin1Char('|'));
}

QStringList modelKeys()
{
    QStringList keys;
    for (ModelKind kind : allModelKinds)
        keys << modelKey(kind);
    return keys;
}

QStringList workloadKeys()
{
    return {workloadKey(WorkloadKind::Cpu), workloadKey(WorkloadKind::Io), workloadKey(WorkloadKind::Sleep),
        workloadKey(WorkloadKind::Mixed)};
}

// A whole number within [min, max], or an error naming the option.
bool readCount(const QCommandLineParser& parser, const QString& name, int min, int max, int& out, QString* error)
{
    if (!parser.isSet(name))
        return true;
    const QString text = parser.value(name);
    bool ok = false;
    const qlonglong value = text.toLongLong(&ok);
    if (!ok || value < min || value > max) {
        *error = QStringLiteral("--%1: expected a whole number from %2 to %3, got '%4'")
                     .arg(name)
                     .arg(min)
                     .arg(max)
                     .arg(text);
        return false;
    }
    out = int(value);
    return true;
}

bool readMs(const QCommandLineParser& parser, const QString& name, double& out, QString* error)
{
    if (!parser.isSet(name))
        return true;
    const QString text = parser.value(name);
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < 0 || value > limits::maxPhaseMs) {
        *error = QStringLiteral("--%1: expected milliseconds from 0 to %2 (an hour), got '%3'")
                     .arg(name)
                     .arg(limits::maxPhaseMs)
                     .arg(text);
        return false;
    }
    out = value;
    return true;
}

} // namespace

void addRunOptions(QCommandLineParser& parser)
{
    const RunConfig defaults;
    parser.addOptions({
        {QStringLiteral("model"), QStringLiteral("Execution model: %1.").arg(choices(modelKeys())),
            QStringLiteral("name"), modelKey(defaults.model)},
        {QStringLiteral("workload"), QStringLiteral("Workload kind: %1.").arg(choices(workloadKeys())),
            QStringLiteral("kind"), workloadKey(defaults.workload.kind)},
        {QStringLiteral("tasks"), QStringLiteral("Number of tasks (1-%1).").arg(limits::maxTasks), QStringLiteral("N"),
            QString::number(defaults.workload.tasks)},
        {QStringLiteral("workers"),
            QStringLiteral("Threads, processes, or the event loop's limit of tasks in flight (1-%1); default: one per "
                           "core (event loop: all tasks).")
                .arg(limits::maxWorkers),
            QStringLiteral("N")},
        {QStringLiteral("cpu-ms"), QStringLiteral("Milliseconds of CPU per CPU phase."), QStringLiteral("X"),
            QString::number(defaults.workload.cpuMs)},
        {QStringLiteral("io-ms"), QStringLiteral("Server latency (or sleep) per I/O phase, in ms."),
            QStringLiteral("Y"), QString::number(defaults.workload.ioMs)},
        {QStringLiteral("phases"), QStringLiteral("Mixed workload: CPU + I/O phase pairs per task."),
            QStringLiteral("K"), QString::number(defaults.workload.phases)},
        {QStringLiteral("sample-hz"), QStringLiteral("Per-core CPU sampling rate."), QStringLiteral("HZ"),
            QString::number(defaults.sampleHz)},
        {QStringLiteral("calibration"),
            QStringLiteral("Kernel iterations per ms of CPU (default: measured). Reuse a run's value to repeat its "
                           "checksum."),
            QStringLiteral("N")},
    });
}

std::optional<RunConfig> runConfigFromOptions(const QCommandLineParser& parser, QString* error)
{
    RunConfig config;
    if (parser.isSet(QStringLiteral("model"))) {
        const auto model = modelFromKey(parser.value(QStringLiteral("model")));
        if (!model) {
            *error = QStringLiteral("--model: unknown model '%1' (choose %2)")
                         .arg(parser.value(QStringLiteral("model")), choices(modelKeys()));
            return std::nullopt;
        }
        config.model = *model;
    }
    if (parser.isSet(QStringLiteral("workload"))) {
        const auto workload = workloadFromKey(parser.value(QStringLiteral("workload")));
        if (!workload) {
            *error = QStringLiteral("--workload: unknown workload '%1' (choose %2)")
                         .arg(parser.value(QStringLiteral("workload")), choices(workloadKeys()));
            return std::nullopt;
        }
        config.workload.kind = *workload;
    }
    if (!readCount(parser, QStringLiteral("tasks"), 1, limits::maxTasks, config.workload.tasks, error)
        || !readCount(parser, QStringLiteral("workers"), 1, limits::maxWorkers, config.workers, error)
        || !readCount(parser, QStringLiteral("phases"), 1, limits::maxPhases, config.workload.phases, error)
        || !readCount(parser, QStringLiteral("sample-hz"), 1, limits::maxSampleHz, config.sampleHz, error)
        || !readMs(parser, QStringLiteral("cpu-ms"), config.workload.cpuMs, error)
        || !readMs(parser, QStringLiteral("io-ms"), config.workload.ioMs, error))
        return std::nullopt;
    if (parser.isSet(QStringLiteral("calibration"))) {
        bool ok = false;
        config.iterationsPerMs = parser.value(QStringLiteral("calibration")).toDouble(&ok);
        if (!ok || !(config.iterationsPerMs > 0)) {
            *error = QStringLiteral("--calibration: expected a positive number of iterations per ms, got '%1'")
                         .arg(parser.value(QStringLiteral("calibration")));
            return std::nullopt;
        }
    }
    if (const QString invalid = config.validationError(); !invalid.isEmpty()) {
        *error = invalid;
        return std::nullopt;
    }
    return config;
}

} // namespace conlab
