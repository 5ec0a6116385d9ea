#include "core/run/engine.h"

#include "core/gil/gil.h"
#include "core/gil/gillane.h"
#include "core/models/sharedstate.h"
#include "core/run/canceltoken.h"
#include "core/run/processstats.h"
#include "core/sampling/usablecores.h"
#include "core/trace/monotonicclock.h"
#include "core/trace/tracerecorder.h"
#include "core/workload/cpukernel.h"
#include "core/workload/latencyserver.h"
#include "core/workload/workload.h"

#include <cmath>
#include <optional>

namespace conlab {

EngineResult runEngine(const RunConfig& config, ExecutionModel& model, TraceRecorder& recorder,
    const CancelToken& cancel, const std::function<void(std::int64_t beginNs)>& onBegin, LatencyServer* givenServer)
{
    EngineResult result;
    // A Python script does its own work: conlab's kernel is not calibrated for it.
    const bool python = config.model == ModelKind::Python;
    result.iterationsPerMs = config.iterationsPerMs > 0 ? config.iterationsPerMs : python ? 0 : kernelIterationsPerMs();
    const Workload workload = buildWorkload(config.workload, result.iterationsPerMs);

    LatencyServer ownServer;
    LatencyServer& server = givenServer ? *givenServer : ownServer;
    // A script says for itself whether it makes requests: it always gets the server's address.
    if ((workload.needsLatencyServer() || python) && !givenServer) {
        QString error;
        if (!server.start(&error)) {
            result.outcome.error = Problem(
                QT_TRANSLATE_NOOP("conlab::Problem", "could not start the loopback latency server: %1"), {error});
            return result;
        }
    }

    SharedState shared;
    // Processes get none: each worker has its own interpreter and GIL, so one in the parent would change nothing.
    std::optional<Gil> gil;
    if (config.modelOptions().gil)
        gil.emplace(std::llround(config.switchIntervalMs * 1e6), cancel, &recorder, gilLaneIndex(recorder.lanes()));
    const ExecutionContext context {workload, config.effectiveWorkers(), recorder, cancel, server.port(),
        gil ? &*gil : nullptr, &shared, config.offload, config.python ? &*config.python : nullptr};
    processstats::resetPeakRss();
    const double cpuBefore = processstats::cpuMs();
    result.usableCores = usableCores();
    result.beginNs = monotonicNowNs();
    if (onBegin)
        onBegin(result.beginNs);
    result.outcome = model.run(context);
    result.endNs = monotonicNowNs();
    result.cpuMs = processstats::cpuMs() - cpuBefore;
    result.peakRssMb = processstats::peakRssMb();
    result.cancelled = cancel.isCancelled();
    result.counter = shared.counter.load();
    if (gil) {
        result.gilSwitches = gil->switchCount();
        result.gilDropRequests = gil->dropRequestCount();
    }
    if (const auto& program = result.outcome.program) {
        result.cpuMs = program->cpuMs;
        result.peakRssMb = program->peakRssMb;
    }
    if (python)
        result.gilSwitches = result.outcome.gilSwitches;
    ownServer.stop();
    return result;
}

} // namespace conlab
