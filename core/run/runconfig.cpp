#include "core/run/runconfig.h"

#include "core/sampling/cpusampler.h"

#include <algorithm>

namespace conlab {

int RunConfig::effectiveWorkers() const
{
    if (workers > 0)
        return workers;
    if (model == ModelKind::EventLoop)
        return std::min(workload.tasks, limits::maxLoopSlots);
    return CpuSampler::onlineCores();
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
    const auto about = [](const char* option, const QString& text) {
        return ConfigProblem {QLatin1String(option), text};
    };
    if (workload.tasks < 1 || workload.tasks > limits::maxTasks)
        return about("tasks", QStringLiteral("must be from 1 to %1, got %2").arg(limits::maxTasks).arg(workload.tasks));
    if (workers < 0 || workers > limits::maxWorkers)
        return about("workers", QStringLiteral("must be from 1 to %1, got %2").arg(limits::maxWorkers).arg(workers));
    if (workload.phases < 1 || workload.phases > limits::maxPhases)
        return about(
            "phases", QStringLiteral("must be from 1 to %1, got %2").arg(limits::maxPhases).arg(workload.phases));
    if (!(workload.cpuMs >= 0 && workload.cpuMs <= limits::maxPhaseMs))
        return about("cpu-ms",
            QStringLiteral("must be from 0 to %1 (an hour), got %2")
                .arg(limits::maxPhaseMs, 0, 'f', 0)
                .arg(workload.cpuMs));
    if (!(workload.ioMs >= 0 && workload.ioMs <= limits::maxPhaseMs))
        return about("io-ms",
            QStringLiteral("must be from 0 to %1 (an hour), got %2")
                .arg(limits::maxPhaseMs, 0, 'f', 0)
                .arg(workload.ioMs));
    if (sampleHz < 1 || sampleHz > limits::maxSampleHz)
        return about(
            "sample-hz", QStringLiteral("must be from 1 to %1, got %2").arg(limits::maxSampleHz).arg(sampleHz));
    if (workload.increments < 1 || workload.increments > limits::maxIncrements)
        return about("increments",
            QStringLiteral("must be from 1 to %1, got %2").arg(limits::maxIncrements).arg(workload.increments));
    if (!(switchIntervalMs > 0 && switchIntervalMs <= limits::maxSwitchIntervalMs))
        return about("switch-interval-ms",
            QStringLiteral("must be above 0 and at most %1, got %2")
                .arg(limits::maxSwitchIntervalMs)
                .arg(switchIntervalMs));
    if (offload != OffloadKind::None && model != ModelKind::EventLoop)
        return about("offload",
            QStringLiteral("only the event loop runs CPU phases in an executor: it needs the eventloop model"));
    if (workload.kind == WorkloadKind::Convoy && workers == 1 && model != ModelKind::Sequential)
        return about("workers",
            QStringLiteral("must be 2 for the convoy workload (the CPU task and the I/O task run side by side), "
                           "got 1"));
    if (model == ModelKind::Python) {
        if (const QString script = pythonScriptProblem(python ? python->script : QString()); !script.isEmpty())
            return about("script", script);
        QString interpreter;
        if (!resolvePythonInterpreter(python->interpreter, &interpreter))
            return about("python", interpreter);
    }
    if (!(iterationsPerMs >= 0 && iterationsPerMs <= limits::maxIterationsPerMs))
        return about("calibration",
            QStringLiteral("must be from 0 to %1 iterations per ms, got %2")
                .arg(limits::maxIterationsPerMs)
                .arg(iterationsPerMs));
    return std::nullopt;
}

QString RunConfig::validationError() const
{
    const auto found = problem();
    return found ? found->message(QStringLiteral("--") + found->option) : QString();
}

} // namespace conlab
