#include "core/run/runoptions.h"

#include "core/python/examplescripts.h"
#include "core/util/enumkey.h"

#include <QFileInfo>
#include <QStringList>
#include <cmath>
#include <functional>

namespace conlab {
namespace {

QString choices(const QStringList& keys)
{
    return keys.join(QLatin1Char('|'));
}

QStringList modelKeys()
{
    return enumKeys(allModelKinds, modelKey);
}

QStringList workloadKeys()
{
    return enumKeys(allWorkloadKinds, workloadKey);
}

QStringList offloadKeys()
{
    return enumKeys(allOffloadKinds, offloadKey);
}

// A whole number within [min, max], or an error naming the option.
template <typename Count>
bool readCount(
    const QCommandLineParser& parser, const QString& name, qlonglong min, qlonglong max, Count& out, QString* error)
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
    out = Count(value);
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
                     .arg(limits::maxPhaseMs, 0, 'f', 0)
                     .arg(text);
        return false;
    }
    out = value;
    return true;
}

// --script or --example, and --python. What is wrong with the files themselves (missing, unreadable, no
// interpreter) is the configuration's own check, so that every way of starting a run gets it.
bool readPythonScript(const QCommandLineParser& parser, RunConfig& config, QString* error)
{
    PythonScript python = config.python.value_or(PythonScript {});
    if (parser.isSet(QStringLiteral("example"))) {
        const QString name = parser.value(QStringLiteral("example"));
        python.script = exampleScriptPath(name);
        if (python.script.isEmpty()) {
            *error = QStringLiteral("--example: unknown example '%1' (choose %2)")
                         .arg(name, choices(exampleScriptNames()));
            return false;
        }
    } else if (parser.isSet(QStringLiteral("script"))) {
        const QString script = parser.value(QStringLiteral("script"));
        python.script = script.isEmpty() ? script : QFileInfo(script).absoluteFilePath();
    }
    if (parser.isSet(QStringLiteral("python")))
        python.interpreter = parser.value(QStringLiteral("python"));
    if (parser.isSet(QStringLiteral("precise-gil")))
        python.preciseGil = true;
    config.python = python;
    return true;
}

} // namespace

std::optional<ConfigProblem> misplacedOption(const std::function<bool(const QString&)>& isSet, const RunConfig& config)
{
    const auto set = [&](const char* name) { return isSet(QLatin1String(name)); };
    for (const char* name : {"increments", "lock", "yield-between"}) {
        if (set(name) && config.workload.kind != WorkloadKind::Counter)
            return ConfigProblem {QLatin1String(name),
                Problem(QT_TRANSLATE_NOOP("conlab::Problem", "only the counter workload uses it"))};
    }
    if (set("yield-between") && config.model != ModelKind::EventLoop)
        return ConfigProblem {QStringLiteral("yield-between"),
            Problem(QT_TRANSLATE_NOOP("conlab::Problem",
                "only a coroutine can await between the read and the write: it needs the eventloop model"))};
    for (const char* name : {"script", "python", "example", "precise-gil"}) {
        if (set(name) && config.model != ModelKind::Python)
            return ConfigProblem {QLatin1String(name),
                Problem(
                    QT_TRANSLATE_NOOP("conlab::Problem", "only the python model runs a script: add --model python"))};
    }
    if (set("script") && set("example"))
        return ConfigProblem {QStringLiteral("example"),
            Problem(QT_TRANSLATE_NOOP("conlab::Problem", "give a script or an example, not both"))};
    if (set("switch-interval-ms") && !config.gil)
        return ConfigProblem {QStringLiteral("switch-interval-ms"),
            Problem(QT_TRANSLATE_NOOP("conlab::Problem", "the switch interval belongs to the GIL, which is off"))};
    return std::nullopt;
}

void addRunOptions(QCommandLineParser& parser)
{
    // Static: as a plain local, GCC 12 sees a false "may be used uninitialized" in its destructor.
    static const RunConfig defaults;
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
        {QStringLiteral("increments"), QStringLiteral("Counter workload: increments of the shared counter per task."),
            QStringLiteral("K"), QString::number(defaults.workload.increments)},
        {QStringLiteral("lock"), QStringLiteral("Counter workload: hold a lock around each read-modify-write.")},
        {QStringLiteral("yield-between"),
            QStringLiteral("Counter workload, event loop: await between the read and the write.")},
        {QStringLiteral("gil"),
            QStringLiteral("Emulate CPython's global interpreter lock in every thread of this process (processes: "
                           "each worker has its own, so it changes nothing).")},
        {QStringLiteral("switch-interval-ms"),
            QStringLiteral("With --gil: how long a waiting thread lets the holder run before asking it to drop the "
                           "GIL (sys.getswitchinterval())."),
            QStringLiteral("X"), QString::number(defaults.switchIntervalMs)},
        {QStringLiteral("offload"),
            QStringLiteral("Event loop, and the Python model's blocked_loop example: where CPU phases run: %1 "
                           "(inline, blocking the loop; or awaited in an executor, as loop.run_in_executor).")
                .arg(choices(offloadKeys())),
            QStringLiteral("kind"), offloadKey(defaults.offload)},
        {QStringLiteral("script"),
            QStringLiteral("Python model: the script to run (unchanged, as `python3 FILE.py`); arguments after `--` "
                           "become its sys.argv[1:]."),
            QStringLiteral("FILE.py")},
        {QStringLiteral("example"),
            QStringLiteral("Python model: run a built-in example instead of a script: %1.")
                .arg(choices(exampleScriptNames())),
            QStringLiteral("NAME")},
        {QStringLiteral("python"),
            QStringLiteral("Python model: the interpreter (default: python3 on PATH, else /usr/bin/python3)."),
            QStringLiteral("PATH")},
        {QStringLiteral("precise-gil"),
            QStringLiteral("Python model: draw the GIL from a hardware watchpoint (perf_event_open; needs "
                           "perf_event_paranoid <= 2 or CAP_PERFMON): every hand-over at its exact time, at a few "
                           "microseconds per GIL take and drop. Sampled where refused; the summary's observer_mode "
                           "says which ran.")},
        {QStringLiteral("calibration"),
            QStringLiteral("Kernel iterations per ms of CPU (default: measured). Reuse a run's value to repeat its "
                           "checksum."),
            QStringLiteral("N")},
    });
}

std::optional<RunConfig> runConfigFromOptions(const QCommandLineParser& parser, QString* error, const RunConfig& base)
{
    RunConfig config = base;
    if (parser.isSet(QStringLiteral("model"))) {
        const auto model = modelFromKey(parser.value(QStringLiteral("model")));
        if (!model) {
            *error = QStringLiteral("--model: unknown model '%1' (choose %2)")
                         .arg(parser.value(QStringLiteral("model")), choices(modelKeys()));
            return std::nullopt;
        }
        config.model = *model;
        // A model named here is the whole choice: base's GIL or executor does not ride along unless asked for, and
        // only a coroutine can await between a read and a write.
        config.gil = false;
        config.offload = OffloadKind::None;
        config.workload.yieldBetween = config.workload.yieldBetween && config.model == ModelKind::EventLoop;
    }
    if (parser.isSet(QStringLiteral("workload"))) {
        const auto workload = workloadFromKey(parser.value(QStringLiteral("workload")));
        if (!workload) {
            *error = QStringLiteral("--workload: unknown workload '%1' (choose %2)")
                         .arg(parser.value(QStringLiteral("workload")), choices(workloadKeys()));
            return std::nullopt;
        }
        config.workload.kind = *workload;
        config.workload.lock = false;
        config.workload.yieldBetween = false;
    }
    if (parser.isSet(QStringLiteral("offload"))) {
        const auto offload = offloadFromKey(parser.value(QStringLiteral("offload")));
        if (!offload) {
            *error = QStringLiteral("--offload: unknown executor '%1' (choose %2)")
                         .arg(parser.value(QStringLiteral("offload")), choices(offloadKeys()));
            return std::nullopt;
        }
        config.offload = *offload;
    }
    // Flags can only switch a setting on: what the base has on stays on.
    config.gil = config.gil || parser.isSet(QStringLiteral("gil"));
    config.workload.lock = config.workload.lock || parser.isSet(QStringLiteral("lock"));
    config.workload.yieldBetween = config.workload.yieldBetween || parser.isSet(QStringLiteral("yield-between"));
    if (parser.isSet(QStringLiteral("switch-interval-ms"))) {
        const QString text = parser.value(QStringLiteral("switch-interval-ms"));
        bool ok = false;
        const double value = text.toDouble(&ok);
        if (!ok || !std::isfinite(value) || value <= 0 || value > limits::maxSwitchIntervalMs) {
            *error = QStringLiteral("--switch-interval-ms: expected milliseconds above 0 and at most %1, got '%2'")
                         .arg(limits::maxSwitchIntervalMs)
                         .arg(text);
            return std::nullopt;
        }
        config.switchIntervalMs = value;
    }
    if (!readCount(parser, QStringLiteral("increments"), 1, limits::maxIncrements, config.workload.increments, error)
        || !readCount(parser, QStringLiteral("tasks"), 1, limits::maxTasks, config.workload.tasks, error)
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
    if (const auto misplaced = misplacedOption([&](const QString& name) { return parser.isSet(name); }, config)) {
        *error = misplaced->message(QStringLiteral("--") + misplaced->option);
        return std::nullopt;
    }
    if (config.model == ModelKind::Python && !readPythonScript(parser, config, error))
        return std::nullopt;
    config = config.normalized();
    if (const QString invalid = config.validationError(); !invalid.isEmpty()) {
        *error = invalid;
        return std::nullopt;
    }
    return config;
}

} // namespace conlab
