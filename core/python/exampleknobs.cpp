#include "core/python/exampleknobs.h"

#include "core/python/examplescripts.h"
#include "core/run/runconfig.h"
#include "core/workload/workloadtext.h"

#include <QFileInfo>
#include <array>

namespace conlab {

namespace {

constexpr unsigned bits(std::initializer_list<ScriptKnob> knobs)
{
    unsigned all = 0;
    for (ScriptKnob knob : knobs)
        all |= unsigned(knob);
    return all;
}

struct KnownExample
{
    const char* name;
    WorkloadKind workload;
    unsigned knobs;
    ModelKind counterpart;
    bool compared = true;
};

// Kept in step with the argparse options each example reads (resources/python/*.py); ExampleKnobs.* tests run every
// example with exactly these arguments.
constexpr unsigned cpuKnobs = bits({ScriptKnob::Tasks, ScriptKnob::Workers, ScriptKnob::CpuMs});
constexpr unsigned ioKnobs = bits({ScriptKnob::Tasks, ScriptKnob::Workers, ScriptKnob::IoMs});

// In the order Compare all models shows them.
constexpr std::array knownExamples {
    KnownExample {"cpu_threads", WorkloadKind::Cpu, cpuKnobs, ModelKind::Threads},
    KnownExample {"cpu_processes", WorkloadKind::Cpu, cpuKnobs, ModelKind::Processes},
    KnownExample {"cpu_asyncio", WorkloadKind::Cpu, bits({ScriptKnob::Tasks, ScriptKnob::CpuMs}), ModelKind::EventLoop},
    KnownExample {"io_threads", WorkloadKind::Io, ioKnobs, ModelKind::Threads},
    KnownExample {"io_asyncio", WorkloadKind::Io, ioKnobs, ModelKind::EventLoop},
    KnownExample {"convoy", WorkloadKind::Convoy, bits({ScriptKnob::CpuMs, ScriptKnob::IoMs}), ModelKind::Threads},
    KnownExample {"counter", WorkloadKind::Counter, bits({ScriptKnob::Tasks, ScriptKnob::Increments, ScriptKnob::Lock}),
        ModelKind::Threads},
    // --offload comes from the executor box, as for the emulated event loop: the blocked loop and its fix side by
    // side. The executor it offloads to takes one worker per core.
    KnownExample {"blocked_loop", WorkloadKind::Cpu, bits({ScriptKnob::Tasks, ScriptKnob::CpuMs, ScriptKnob::Offload}),
        ModelKind::EventLoop, false},
};

} // namespace

std::optional<ExampleKnobs> exampleKnobs(const QString& scriptPath)
{
    if (!isExampleScriptPath(scriptPath))
        return std::nullopt;
    const QString name = QFileInfo(scriptPath).completeBaseName();
    for (const KnownExample& known : knownExamples) {
        if (name == QLatin1String(known.name))
            return ExampleKnobs {name, known.workload, known.knobs, known.counterpart, known.compared};
    }
    return std::nullopt;
}

QStringList comparedExamples(WorkloadKind workload)
{
    QStringList paths;
    for (const KnownExample& known : knownExamples) {
        if (known.compared && known.workload == workload)
            paths << exampleScriptPath(QLatin1String(known.name));
    }
    return paths;
}

bool exampleReadsOffload(const QString& scriptPath)
{
    const auto example = exampleKnobs(scriptPath);
    return example && example->reads(ScriptKnob::Offload);
}

QStringList exampleArguments(const QString& scriptPath, const RunConfig& config)
{
    const auto example = exampleKnobs(scriptPath);
    if (!example)
        return {};
    const WorkloadSpec& workload = config.workload;
    QStringList arguments;
    if (example->reads(ScriptKnob::Tasks))
        arguments << QStringLiteral("--tasks") << QString::number(workload.tasks);
    // "auto" is left to the script, which takes one per core as conlab does.
    if (example->reads(ScriptKnob::Workers) && config.workers > 0)
        arguments << QStringLiteral("--workers") << QString::number(config.workers);
    if (example->reads(ScriptKnob::CpuMs))
        arguments << QStringLiteral("--cpu-ms") << parameterText(workload.cpuMs);
    if (example->reads(ScriptKnob::IoMs))
        arguments << QStringLiteral("--io-ms") << parameterText(workload.ioMs);
    if (example->reads(ScriptKnob::Increments))
        arguments << QStringLiteral("--increments") << QString::number(workload.increments);
    if (example->reads(ScriptKnob::Lock) && workload.lock)
        arguments << QStringLiteral("--lock");
    if (example->reads(ScriptKnob::Offload))
        arguments << QStringLiteral("--offload") << offloadKey(config.offload);
    return arguments;
}

} // namespace conlab
