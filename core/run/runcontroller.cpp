#include "core/run/runcontroller.h"

#include "core/models/modelfactory.h"
#include "core/run/canceltoken.h"
#include "core/run/engine.h"
#include "core/run/runsummarizer.h"
#include "core/run/threadpriority.h"
#include "core/sampling/cpusampler.h"
#include "core/trace/lanearrangement.h"
#include "core/trace/monotonicclock.h"
#include "core/trace/tracerecorder.h"
#include "core/util/workerthread.h"

#include <QThread>
#include <atomic>

namespace conlab {

struct RunController::ActiveRun
{
    RunConfig config;
    QDateTime startedAt;
    std::unique_ptr<ExecutionModel> model;
    std::unique_ptr<TraceRecorder> recorder;
    std::unique_ptr<CpuSampler> sampler;
    CancelToken cancel;
    std::unique_ptr<WorkerThread> engineThread;
    EngineResult result; // written by the engine thread, read once it has finished
    std::shared_ptr<Trace> trace = std::make_shared<Trace>();
    std::atomic<std::int64_t> beginNs {0}; // set by the engine thread when the model starts
    bool began = false; // started() was emitted; trace->originNs is when the model started

    // The engine thread must be gone before the recorder and model it uses: waiting here makes that so even when
    // the controller dies mid-run (the window closes).
    ~ActiveRun()
    {
        cancel.cancel();
        if (engineThread)
            engineThread->wait();
    }
};

RunController::RunController(QObject* parent)
    : QObject(parent)
{
    m_batchTimer.setInterval(33);
    connect(&m_batchTimer, &QTimer::timeout, this, &RunController::drainIntoBatch);
}

RunController::~RunController() = default;

bool RunController::start(const RunConfig& requested, Problem* refusal)
{
    const RunConfig config = requested.normalized();
    if (m_running) {
        if (refusal)
            *refusal = Problem(QT_TRANSLATE_NOOP("conlab::Problem", "a run is already going: stop it first"));
        return false;
    }
    if (const auto invalid = config.problem()) {
        if (refusal)
            *refusal = invalid->problem();
        return false;
    }

    m_run = std::make_unique<ActiveRun>();
    ActiveRun& run = *m_run;
    run.config = config;
    run.startedAt = QDateTime::currentDateTime();
    run.model = createModel(config.model);
    run.recorder = std::make_unique<TraceRecorder>(
        run.model->lanes(config.effectiveWorkers(), config.workload.tasks, config.modelOptions()),
        run.model->laneCapacity());
    run.sampler = std::make_unique<CpuSampler>(config.sampleHz);
    run.sampler->start();
    run.trace->cores = run.sampler->coreCount();
    run.trace->lanes = run.recorder->lanes();

    run.engineThread = std::make_unique<WorkerThread>(QStringLiteral("conlab-engine"), [&run] {
        lowerCurrentThreadPriority();
        // The model's start is published for the batch timer to see: a value, not a call queued across threads.
        const auto began = [&run](std::int64_t beginNs) { run.beginNs.store(beginNs, std::memory_order_release); };
        run.result = runEngine(run.config, *run.model, *run.recorder, run.cancel, began);
    });
    // Queued to the controller's thread once the engine has returned; dropped by Qt if the controller is gone by then.
    connect(
        run.engineThread->thread(), &QThread::finished, this, &RunController::onEngineFinished, Qt::QueuedConnection);
    m_running = true;
    // The timer also notices when the model begins (drainIntoBatch), so started() comes within one interval of it.
    m_batchTimer.start();
    run.engineThread->start();
    return true;
}

void RunController::onEngineBegan(std::int64_t beginNs)
{
    if (!m_run || m_run->began)
        return;
    ActiveRun& run = *m_run;
    run.began = true;
    run.trace->originNs = beginNs;
    emit started(RunStart {run.config, run.trace->lanes, run.trace->cores, run.trace->originNs});
}

void RunController::cancel()
{
    if (m_run && m_running)
        m_run->cancel.cancel();
}

void RunController::drainIntoBatch()
{
    if (!m_run)
        return;
    if (!m_run->began) {
        const std::int64_t beginNs = m_run->beginNs.load(std::memory_order_acquire);
        if (beginNs == 0)
            return; // still preparing: nothing of the run to show yet
        onEngineBegan(beginNs);
    }
    TraceBatch batch;
    Trace& trace = *m_run->trace;
    // Lanes first, then only their segments: a lane added in between waits for the next batch with its segments.
    batch.newLanes = m_run->recorder->lanesFrom(trace.lanes.size());
    batch.segments = m_run->recorder->drain(trace.lanes.size() + batch.newLanes.size());
    batch.cpuSamples = m_run->sampler->takeSamples();
    // Samples of the preparation (the kernel's calibration busies a core) belong to no run.
    const std::int64_t originNs = m_run->trace->originNs;
    std::erase_if(batch.cpuSamples, [originNs](const CpuSample& sample) { return sample.timeNs <= originNs; });
    batch.instants = m_run->recorder->drainInstants();
    batch.newFunctionNames = m_run->recorder->functionNamesFrom(trace.functionNames.size());
    if (batch.isEmpty())
        return;
    trace.lanes.insert(trace.lanes.end(), batch.newLanes.begin(), batch.newLanes.end());
    trace.instants.insert(trace.instants.end(), batch.instants.begin(), batch.instants.end());
    trace.functionNames.insert(trace.functionNames.end(), batch.newFunctionNames.begin(), batch.newFunctionNames.end());
    trace.segments.insert(trace.segments.end(), batch.segments.begin(), batch.segments.end());
    trace.cpuSamples.insert(trace.cpuSamples.end(), batch.cpuSamples.begin(), batch.cpuSamples.end());
    emit batchReady(batch);
}

void RunController::onEngineFinished()
{
    m_batchTimer.stop();
    m_run->engineThread->wait(); // the engine has returned; this reaps the thread and makes its result ours
    const EngineResult& result = m_run->result;
    // A run that failed before its model started (no latency server) still begins before it ends, for listeners.
    onEngineBegan(result.beginNs > 0 ? result.beginNs : monotonicNowNs());
    m_run->sampler->stop();
    drainIntoBatch();
    // In the timeline's order and without spare capacity: the window shows this trace without a copy of its own.
    arrangeByLane(*m_run->trace);

    RunResult runResult;
    runResult.summary = summarizeRun(m_run->config, *m_run->trace, result);
    runResult.summary.startedAt = m_run->startedAt;
    runResult.trace = m_run->trace;
    m_run.reset();
    m_running = false;
    emit finished(runResult);
}

} // namespace conlab
