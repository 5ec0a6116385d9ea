#include "core/run/runconfig.h"

#include "core/python/exampleknobs.h"
#include "core/sampling/usablecores.h"

#include <algorithm>

namespace conlab {

int RunConfig::effectiveWorkers() const
{
    if (workers > 0)
        return workers;
    if (model == ModelKind::EventLoop)
        return std::min(workload.tasks, limits::maxLoopSlots);
    return usableCores();
}

RunConfig RunConfig::normalized() const
{
    RunConfig config = *this;
    if (config.workload.kind == WorkloadKind::Convoy) {
        config.workload.tasks = convoyTasks;
        if (config.workers == 0 || config.workers > convoyTasks)
            config.workers = convoyTasks;
    }
    return config;
}

std::optional<ConfigProblem> RunConfig::problem() const
{
    const auto about = [](const char* option, Problem text) { return ConfigProblem {QLatin1String(option), text}; };
    const auto range = [&about](const char* option, qint64 min, qint64 max, qint64 got) {
        return about(
            option, Problem(QT_TRANSLATE_NOOP("conlab::Problem", "must be from %1 to %2, got %3"), {min, max, got}));
    };
    const auto phaseMs = [&about](const char* option, double got) {
        return about(option,
            Problem(QT_TRANSLATE_NOOP("conlab::Problem", "must be from 0 to %1 (an hour), got %2"),
                {limits::maxPhaseMs, got}));
    };
    if (workload.tasks < 1 || workload.tasks > limits::maxTasks)
        return range("tasks", 1, limits::maxTasks, workload.tasks);
    if (workers < 0 || workers > limits::maxWorkers)
        return range("workers", 1, limits::maxWorkers, workers);
    if (workload.phases < 1 || workload.phases > limits::maxPhases)
        return range("phases", 1, limits::maxPhases, workload.phases);
    if (!(workload.cpuMs >= 0 && workload.cpuMs <= limits::maxPhaseMs))
        return phaseMs("cpu-ms", workload.cpuMs);
    if (!(workload.ioMs >= 0 && workload.ioMs <= limits::maxPhaseMs))
        return phaseMs("io-ms", workload.ioMs);
    if (sampleHz < 1 || sampleHz > limits::maxSampleHz)
        return range("sample-hz", 1, limits::maxSampleHz, sampleHz);
    if (workload.increments < 1 || workload.increments > limits::maxIncrements)
        return range("increments", 1, limits::maxIncrements, workload.increments);
    if (!(switchIntervalMs > 0 && switchIntervalMs <= limits::maxSwitchIntervalMs))
        return about("switch-interval-ms",
            Problem(QT_TRANSLATE_NOOP("conlab::Problem", "must be above 0 and at most %1, got %2"),
                {limits::maxSwitchIntervalMs, switchIntervalMs}));
    if (offload != OffloadKind::None && model != ModelKind::EventLoop
        && !(model == ModelKind::Python && python && exampleReadsOffload(python->script)))
        return about("offload",
            Problem(QT_TRANSLATE_NOOP("conlab::Problem",
                "only the event loop runs CPU phases in an executor: it needs the eventloop model")));
    if (workload.kind == WorkloadKind::Convoy && workers == 1 && model != ModelKind::Sequential)
        return about("workers",
            Problem(QT_TRANSLATE_NOOP("conlab::Problem",
                        "must be %1 for the convoy workload (the CPU task and the I/O task run side by side), got %2"),
                {convoyTasks, workers}));
    if (model == ModelKind::Python) {
        // What is wrong with the script file comes from the file system; the missing interpreter is said in the
        // window's words too, since the window is where a student meets it.
        if (Problem script = pythonScriptProblem(python ? python->script : QString()); !script.isEmpty())
            return about("script", std::move(script));
        if (!resolvePythonInterpreter(python->interpreter, nullptr)) {
            if (python->interpreter.isEmpty())
                return about("python",
                    Problem(QT_TRANSLATE_NOOP("conlab::Problem",
                                "no Python interpreter found: looked for python3 on PATH and for %1 (install python3 "
                                "or pass --python PATH)"),
                        {QStringLiteral("/usr/bin/python3")}));
            return about("python",
                Problem(QT_TRANSLATE_NOOP("conlab::Problem", "no executable Python interpreter at '%1'"),
                    {python->interpreter}));
        }
    }
    if (!(iterationsPerMs >= 0 && iterationsPerMs <= limits::maxIterationsPerMs))
        return about("calibration",
            Problem(QT_TRANSLATE_NOOP("conlab::Problem", "must be from 0 to %1 iterations per ms, got %2"),
                {limits::maxIterationsPerMs, iterationsPerMs}));
    return std::nullopt;
}

QString RunConfig::validationError() const
{
    const auto found = problem();
    return found ? found->message(QStringLiteral("--") + found->option) : QString();
}

} // namespace conlab
