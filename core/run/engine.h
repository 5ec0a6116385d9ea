#pragma once

#include "core/models/executionmodel.h"
#include "core/run/runconfig.h"

#include <cstdint>
#include <functional>

namespace conlab {

class CancelToken;
class LatencyServer;
class TraceRecorder;

struct EngineResult
{
    ModelOutcome outcome;
    std::int64_t beginNs = 0; // when the model started: wall time is measured from here
    std::int64_t endNs = 0;
    double cpuMs = 0;
    double peakRssMb = 0;
    double iterationsPerMs = 0; // the kernel calibration the workload was built with
    int usableCores = 0; // usableCores() as the run began
    std::int64_t counter = 0; // the counter workload's shared counter, as this process sees it at the end
    std::uint64_t gilSwitches = 0; // how many times the GIL changed hands (0 without it)
    std::uint64_t gilDropRequests = 0;
    bool cancelled = false;
};

// One complete run on the calling thread: calibrate, build the workload, start the latency server if needed, run
// the model, tear everything down. The run controller calls it on its engine thread; benchmarks call it directly.
// onBegin, if given, is called on that thread with beginNs just before the model starts: what came before
// (calibrating the kernel, starting the server) is preparation, not part of the run a timeline should show.
// A running `server` given here is used instead of one of the run's own, and left running: the fault tests make it
// stop answering mid-run.
EngineResult runEngine(const RunConfig& config, ExecutionModel& model, TraceRecorder& recorder,
    const CancelToken& cancel, const std::function<void(std::int64_t beginNs)>& onBegin = {},
    LatencyServer* server = nullptr);

} // namespace conlab
