#pragma once

#include "core/models/offloadkind.h"
#include "core/python/pythonfacts.h"
#include "core/trace/trace.h"
#include "core/util/problem.h"

#include <QString>
#include <QStringList>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace conlab {

class CancelToken;
class Gil;
class TraceRecorder;
struct PythonScript;
struct SharedState;
struct Workload;

// The run settings that change a model's lanes.
struct ModelOptions
{
    bool gil = false; // adds the GIL lane (not to processes: each worker has its own GIL)
    OffloadKind offload = OffloadKind::None; // event loop: executor lanes
};

// Everything a model needs to run a workload; owned by the engine for the duration of one run.
struct ExecutionContext
{
    const Workload& workload;
    int workers = 1;
    TraceRecorder& recorder;
    const CancelToken& cancel;
    quint16 ioPort = 0; // the loopback latency server, 0 when the workload does no I/O
    Gil* gil = nullptr; // the run's emulated GIL; nullptr when off, and always for the processes model
    SharedState* shared = nullptr; // the counter and the convoy flag; tasks that need them fail without
    OffloadKind offload = OffloadKind::None;
    const PythonScript* python = nullptr; // the python model's script and interpreter
};

// What a program conlab started (the python model's interpreter) cost, with every descendant it waited for.
struct ProgramUsage
{
    double cpuMs = 0;
    double peakRssMb = 0; // the largest of the processes
};

struct ModelOutcome
{
    int tasksCompleted = 0;
    std::uint64_t checksum = 0; // sum of the completed tasks' checksums: independent of completion order
    Problem error; // first failure, as a value the window words in its language; empty on success or cancellation
    std::vector<double> workerPeakRssMb; // processes only: each worker's own peak resident memory
    // A model that runs another program: what it cost, reported instead of conlab's own process (whose threads only
    // watched it), and what was seen of it.
    std::optional<ProgramUsage> program;
    std::optional<PythonRunFacts> python;
    std::uint64_t gilSwitches = 0; // an observed interpreter's hand-overs, exact
    QStringList notes;
};

// One way of running a list of tasks. run() blocks its caller (the engine thread, never the UI thread) until every
// task finished, failed or was cancelled, and leaves no thread, process or socket behind when it returns.
class ExecutionModel
{
public:
    virtual ~ExecutionModel() = default;

    // The timeline lanes this model will record into, known before the run starts.
    virtual std::vector<LaneInfo> lanes(int workers, int tasks, const ModelOptions& options) const = 0;
    std::vector<LaneInfo> lanes(int workers, int tasks) const { return lanes(workers, tasks, ModelOptions {}); }

    // How many lanes the run may end with: more than lanes() for a model that adds lanes while it runs
    // (TraceRecorder::addLane), as an observed program shows its threads and processes.
    virtual std::size_t laneCapacity() const { return 0; }

    virtual ModelOutcome run(const ExecutionContext& context) = 0;
};

} // namespace conlab
