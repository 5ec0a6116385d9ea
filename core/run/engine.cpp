#include "engine.h"

#include "processstats.h"
#include "run/canceltoken.h"
#include "trace/monotonicclock.h"
#include "workload/cpukernel.h"
#include "workload/latencyserver.h"
#include "workload/workload.h"

namespace conlab {

EngineResult runEngine(
    const RunConfig& config, ExecutionModel& model, TraceRecorder& recorder, const CancelToken& cancel)
{
    EngineResult result;
    result.iterationsPerMs = config.iterationsPerMs > 0 ? config.iterationsPerMs : kernelIterationsPerMs();
    const Workload workload = buildWorkload(config.workload, result.iterationsPerMs);

    LatencyServer server;
    if (workload.needsLatencyServer()) {
        QString error;
        if (!server.start(&error)) {
            result.outcome.error = QStringLiteral("could not start the loopback latency server: %1").arg(error);
            return result;
        }
    }

    const ExecutionContext context { workload, config.effectiveWorkers(), recorder, cancel, server.port() };
    processstats::resetPeakRss();
    const double cpuBefore = processstats::cpuMs();
    result.beginNs = monotonicNowNs();
    result.outcome = model.run(context);
    result.endNs = monotonicNowNs();
    result.cpuMs = processstats::cpuMs() - cpuBefore;
    result.peakRssMb = processstats::peakRssMb();
    result.cancelled = cancel.isCancelled();
    server.stop();
    return result;
}

} // namespace conlab
