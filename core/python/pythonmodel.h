#pragma once

#include "core/models/executionmodel.h"

namespace conlab {

// A real CPython interpreter runs the user's script, unchanged, and conlab watches it from outside
// (python::PythonObserver): a lane per thread of every Python process and one per GIL, added as they appear. The
// workload's knobs reach the script as CONLAB_TASKS, CONLAB_WORKERS, CONLAB_CPU_MS, CONLAB_IO_MS and
// CONLAB_INCREMENTS, the latency server as CONLAB_LATENCY_SERVER=127.0.0.1:PORT. Cancelling ends the script's whole
// process tree (SIGTERM, SIGKILL a second later).
class PythonModel final : public ExecutionModel
{
public:
    // Threads and processes of a script, and a GIL per process: far more than a lesson needs.
    static constexpr std::size_t maxLanes = 1024;

    using ExecutionModel::lanes;
    std::vector<LaneInfo> lanes(int workers, int tasks, const ModelOptions& options) const override;
    std::size_t laneCapacity() const override { return maxLanes; }
    ModelOutcome run(const ExecutionContext& context) override;
};

// The environment a script runs with: this process's, with the CONLAB_* knobs set (and any inherited ones replaced).
QStringList pythonScriptEnvironment(const ExecutionContext& context);

// The failure to report for a script that ended badly: how it ended, then the last lines of its stderr (its
// traceback). Empty for exit code 0.
Problem scriptFailure(std::optional<int> exitCode, int exitSignal, const QString& standardError);

} // namespace conlab
