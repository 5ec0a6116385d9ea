#pragma once

#include "core/models/modelkind.h"
#include "core/workload/workloadspec.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace conlab {

struct RunConfig;

// The workload settings a script can be given on its command line (conlab_knobs.py's --tasks, --workers...).
enum class ScriptKnob : unsigned
{
    Tasks = 1u << 0,
    Workers = 1u << 1,
    CpuMs = 1u << 2,
    IoMs = 1u << 3,
    Increments = 1u << 4,
    Lock = 1u << 5,
    Offload = 1u << 6, // --offload none|threads|processes: where an event loop runs its CPU steps (the executor box)
};

// What a shipped example does: the workload it stands for and the knobs it reads. A script of the user's is none
// of them: conlab cannot know what it reads (it still gets every knob as a CONLAB_* variable).
struct ExampleKnobs
{
    QString name; // "cpu_threads"
    WorkloadKind workload = WorkloadKind::Cpu;
    unsigned knobs = 0; // ScriptKnob bits
    // The emulated model it is the real counterpart of: threads (with the GIL), processes, or the event loop.
    ModelKind counterpart = ModelKind::Threads;
    // A row of Compare all models for its workload: every example but the blocked loop, which is a lesson of its
    // own rather than a way to run a workload's tasks.
    bool compared = true;

    bool reads(ScriptKnob knob) const { return (knobs & unsigned(knob)) != 0; }
};

// The example at `scriptPath` (":/python/NAME.py"), if it is one of the shipped examples.
std::optional<ExampleKnobs> exampleKnobs(const QString& scriptPath);

// The shipped examples that run `workload` the way an emulated model does, for Compare all models: CPU-bound work on
// threads, processes and asyncio, I/O on threads and asyncio, the convoy, the counter. Their paths.
QStringList comparedExamples(WorkloadKind workload);

// Whether the script at `scriptPath` is an example that takes an executor choice (the blocked loop and its fix).
bool exampleReadsOffload(const QString& scriptPath);

// The command-line arguments that hand `config`'s workload to the example at `scriptPath`, only those it reads
// ("--tasks 8 --workers 2 --cpu-ms 250", "--offload threads"); none for a script of the user's.
QStringList exampleArguments(const QString& scriptPath, const RunConfig& config);

} // namespace conlab
