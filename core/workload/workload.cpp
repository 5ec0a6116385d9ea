#include "core/workload/workload.h"

#include "core/workload/cpukernel.h"

#include <algorithm>
#include <cmath>

namespace conlab {

bool Workload::needsLatencyServer() const
{
    return spec.kind == WorkloadKind::Io || spec.kind == WorkloadKind::Mixed || spec.kind == WorkloadKind::Convoy;
}

Workload buildWorkload(const WorkloadSpec& spec, double iterationsPerMs)
{
    Workload workload;
    workload.spec = spec;
    workload.sliceIterations = std::max<std::int64_t>(1, std::llround(iterationsPerMs * sliceMicroseconds / 1000.0));

    const Phase cpu {PhaseKind::Cpu, std::llround(spec.cpuMs * iterationsPerMs)};
    const Phase io {PhaseKind::Io, std::llround(spec.ioMs * 1000.0)};
    const Phase sleep {PhaseKind::Sleep, std::llround(spec.ioMs * 1000.0)};

    const Phase convoyIo {PhaseKind::ConvoyIo, std::llround(spec.ioMs * 1000.0), std::llround(spec.cpuMs * 1000.0)};
    const Phase increments {PhaseKind::Increment, spec.increments,
        std::max<std::int64_t>(1, std::llround(iterationsPerMs * counterWorkMicroseconds / 1000.0))};

    const int tasks = spec.kind == WorkloadKind::Convoy ? convoyTasks : spec.tasks;
    workload.tasks.reserve(tasks);
    for (int id = 0; id < tasks; ++id) {
        TaskSpec task;
        task.id = id;
        task.seed = mixChecksum(0, std::uint64_t(id) + 1);
        switch (spec.kind) {
        case WorkloadKind::Cpu:
            task.phases = {cpu};
            break;
        case WorkloadKind::Io:
            task.phases = {io};
            break;
        case WorkloadKind::Sleep:
            task.phases = {sleep};
            break;
        case WorkloadKind::Mixed:
            for (int phase = 0; phase < spec.phases; ++phase) {
                task.phases.push_back(cpu);
                task.phases.push_back(io);
            }
            break;
        case WorkloadKind::Convoy:
            // The I/O task is task 0 so it is under way before the CPU task starts, in every model: on one event
            // loop thread the CPU phase then holds up its reply, which is the point.
            if (id == 0)
                task.phases = {convoyIo};
            else
                task.phases = {cpu, Phase {PhaseKind::ConvoyEnd, 0}};
            break;
        case WorkloadKind::Counter:
            task.phases = {increments};
            break;
        }
        workload.tasks.push_back(std::move(task));
    }
    return workload;
}

} // namespace conlab
