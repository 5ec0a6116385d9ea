#include "runconfig.h"

#include "sampling/cpusampler.h"

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

QString RunConfig::validationError() const
{
    if (workload.tasks < 1 || workload.tasks > limits::maxTasks)
        return QStringLiteral("--tasks must be from 1 to %1, got %2").arg(limits::maxTasks).arg(workload.tasks);
    if (workers < 0 || workers > limits::maxWorkers)
        return QStringLiteral("--workers must be from 1 to %1, got %2").arg(limits::maxWorkers).arg(workers);
    if (workload.phases < 1 || workload.phases > limits::maxPhases)
        return QStringLiteral("--phases must be from 1 to %1, got %2").arg(limits::maxPhases).arg(workload.phases);
    if (!(workload.cpuMs >= 0 && workload.cpuMs <= limits::maxPhaseMs))
        return QStringLiteral("--cpu-ms must be from 0 to %1 (an hour), got %2")
            .arg(limits::maxPhaseMs)
            .arg(workload.cpuMs);
    if (!(workload.ioMs >= 0 && workload.ioMs <= limits::maxPhaseMs))
        return QStringLiteral("--io-ms must be from 0 to %1 (an hour), got %2")
            .arg(limits::maxPhaseMs)
            .arg(workload.ioMs);
    if (sampleHz < 1 || sampleHz > limits::maxSampleHz)
        return QStringLiteral("--sample-hz must be from 1 to %1, got %2").arg(limits::maxSampleHz).arg(sampleHz);
    if (workload.increments < 1 || workload.increments > limits::maxIncrements)
        return QStringLiteral("--increments must be from 1 to %1, got %2")
            .arg(limits::maxIncrements)
            .arg(workload.increments);
    if (!(switchIntervalMs > 0 && switchIntervalMs <= limits::maxSwitchIntervalMs))
        return QStringLiteral("--switch-interval-ms must be above 0 and at most %1, got %2")
            .arg(limits::maxSwitchIntervalMs)
            .arg(switchIntervalMs);
    if (offload != OffloadKind::None && model != ModelKind::EventLoop)
        return QStringLiteral("--offload is where the event loop runs CPU phases: it needs --model eventloop");
    if (workload.kind == WorkloadKind::Convoy && workers == 1 && model != ModelKind::Sequential)
        return QStringLiteral("--workers must be 2 for --workload convoy (the CPU task and the I/O task run side by "
                              "side), got 1");
    if (!(iterationsPerMs >= 0 && iterationsPerMs <= limits::maxIterationsPerMs))
        return QStringLiteral("--calibration must be from 0 to %1 iterations per ms, got %2")
            .arg(limits::maxIterationsPerMs)
            .arg(iterationsPerMs);
    return {};
}

} // namespace conlab
