#pragma once

#include "trace/trace.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace conlab {

class CancelToken;
class TraceRecorder;
struct Workload;

// Everything a model needs to run a workload; owned by the engine for the duration of one run.
struct ExecutionContext {
    const Workload& workload;
    int workers = 1;
    TraceRecorder& recorder;
    const CancelToken& cancel;
    quint16 ioPort = 0; // the loopback latency server, 0 when the workload does no I/O
};

struct ModelOutcome {
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
    virtual std::vector<LaneInfo> lanes(int workers, int tasks) const = 0;

    virtual ModelOutcome run(const ExecutionContext& context) = 0;
};

} // namespace conlab
