#pragma once

#include "core/models/offloadkind.h"
#include "core/trace/trace.h"

#include <QString>
#include <cstdint>
#include <vector>

namespace conlab {

class CancelToken;
class Gil;
class TraceRecorder;
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
};

struct ModelOutcome
{
    int tasksCompleted = 0;
    std::uint64_t checksum = 0; // sum of the completed tasks' checksums: independent of completion order
    QString error; // first failure, in plain words; empty on success or plain cancellation
    std::vector<double> workerPeakRssMb; // processes only: each worker's own peak resident memory
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

    virtual ModelOutcome run(const ExecutionContext& context) = 0;
};

} // namespace conlab
