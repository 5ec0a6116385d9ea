#pragma once

#include "core/models/executionmodel.h"
#include "core/models/modelkind.h"
#include "core/models/offloadkind.h"
#include "core/python/pythonscript.h"
#include "core/sampling/samplerate.h"
#include "core/util/problem.h"
#include "core/workload/workloadspec.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace conlab {

// What keeps a configuration from running: the setting by its command-line name ("tasks", "switch-interval-ms") and
// what is wrong with it ("must be from 1 to 1000000, got 0"), as a value. The CLI names the setting "--tasks", a
// scenario file "workload.tasks", the window its label on screen in the UI's language: one check, each caller's own
// words for where the value came from.
struct ConfigProblem
{
    QString option;
    Problem text;

    // In English, for the command line and scenario files.
    QString message(const QString& name) const { return name + QStringLiteral(": ") + text.english(); }
    // The whole sentence, the setting included: "--tasks: ..." in English, "Tasks: ..." worded by the window.
    Problem problem() const
    {
        return Problem(QT_TRANSLATE_NOOP("conlab::Problem", "%1: %2"), {Problem::Value::setting(option), text});
    }
};

struct RunConfig
{
    ModelKind model = ModelKind::Sequential;
    WorkloadSpec workload;
    int workers = 0; // 0: one per online core; for the event loop, every task at once (up to maxLoopSlots)
    int sampleHz = defaultSampleHz(); // per-core CPU sampling rate of /proc/stat
    bool gil = false; // emulate CPython's global interpreter lock in every in-process thread
    double switchIntervalMs = 5; // CPython's sys.getswitchinterval(), in ms
    OffloadKind offload = OffloadKind::None; // event loop: where CPU phases run
    // Kernel speed used to turn milliseconds into iterations; 0 measures this machine. Pinning it makes checksums
    // comparable between separate invocations (each process would otherwise calibrate on its own).
    double iterationsPerMs = 0;
    // The python model's script; absent for every other model. The workload's tasks, workers, cpu-ms and io-ms
    // are handed to the script as CONLAB_* environment variables, which the example scripts read.
    std::optional<PythonScript> python;

    int effectiveWorkers() const;
    // The configuration as it will run: a convoy is always one CPU task beside one I/O task, on two workers.
    RunConfig normalized() const;
    // Empty when the configuration can run; otherwise one sentence naming the offending setting ("--tasks: ...").
    QString validationError() const;
    std::optional<ConfigProblem> problem() const;
    // What decides the model's lanes. No GIL lane for processes: each worker has its own GIL.
    ModelOptions modelOptions() const { return ModelOptions {gil && model != ModelKind::Processes, offload}; }
};

// Limits a run must stay within: large enough for any lesson, small enough that a typo cannot hang the machine.
namespace limits {
inline constexpr int maxTasks = 1'000'000;
inline constexpr int maxWorkers = 256;
inline constexpr int maxPhases = 10'000;
inline constexpr double maxPhaseMs = 3'600'000; // an hour
inline constexpr int maxSampleHz = 1000;
// The event loop's default "no limit" still needs a lane per in-flight task; past this, tasks queue.
inline constexpr int maxLoopSlots = 10'000;
inline constexpr double maxIterationsPerMs = 1e9;
inline constexpr std::int64_t maxIncrements = 100'000'000;
inline constexpr double maxSwitchIntervalMs = 1000;
inline constexpr int maxRepeat = 20; // runs of each point of a compare or sweep
} // namespace limits

} // namespace conlab
