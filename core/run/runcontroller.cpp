#include "runcontroller.h"

#include "engine.h"
#include "models/modelfactory.h"
#include "run/canceltoken.h"
#include "run/runsummarizer.h"
#include "run/threadpriority.h"
#include "sampling/cpusampler.h"
#include "trace/monotonicclock.h"
#include "trace/tracerecorder.h"

#include <QThread>

namespace conlab {

struct RunController::ActiveRun
{
    RunConfig config;
    QDateTime startedAt;
    std::unique_ptr<ExecutionModel> model;
    std::unique_ptr<TraceRecorder> recorder;
    std::unique_ptr<CpuSampler> sampler;
    CancelToken cancel;
    std::unique_ptr<QThread> engineThread;
    std::shared_ptr<Trace> trace = std::make_shared<Trace>();
    bool began = false; // the model has started; trace->originNs is when

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

bool RunController::start(const RunConfig& requested, QString* error)
{
    const RunConfig config = requested.normalized();
    if (m_running) {
        if (error)
            *error = QStringLiteral("a run is already going: stop it first");
        return false;
    }
    if (const QString invalid = config.validationError(); !invalid.isEmpty()) {
        if (error)
            *error = invalid;
        return false;
    }

    m_run = std::make_unique<ActiveRun>();
    ActiveRun& run = *m_run;
    run.config = config;
    run.startedAt = QDateTime::currentDateTime();
    run.model = createModel(config.model);
    run.recorder = std::make_unique<TraceRecorder>(
        run.model->lanes(config.effectiveWorkers(), config.workload.tasks, config.modelOptions()));
    run.sampler = std::make_unique<CpuSampler>(config.sampleHz);
    run.sampler->start();
    run.trace->cores = run.sampler->coreCount();
    run.trace->lanes = run.recorder->lanes();

    run.engineThread.reset(QThread::create([this, &run] {
        lowerCurrentThreadPriority();
        const auto began = [this](std::int64_t beginNs) {
            QMetaObject::invokeMethod(
                this, [this, beginNs] { onEngineBegan(beginNs); }, Qt::QueuedConnection);
        };
        const EngineResult result = runEngine(run.config, *run.model, *run.recorder, run.cancel, began);
        // Queued to the controller's thread; dropped by Qt if the controller is gone by then.
        QMetaObject::invokeMethod(
            this, [this, result] { onEngineFinished(result); }, Qt::QueuedConnection);
    }));
    run.engineThread->setObjectName(QStringLiteral("conlab-engine"));
    m_running = true;
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
    m_batchTimer.start();
    emit started(RunStart {run.config, run.trace->lanes, run.trace->cores, run.trace->originNs});
}

void RunController::cancel()
{
    if (m_run && m_running)
        m_run->cancel.cancel();
}

void RunController::drainIntoBatch()
{
    if (!m_run || !m_run->began)
        return;
    TraceBatch batch;
    batch.segments = m_run->recorder->drain();
    batch.cpuSamples = m_run->sampler->takeSamples();
    // Samples of the preparation (the kernel's calibration busies a core) belong to no run.
    const std::int64_t originNs = m_run->trace->originNs;
    std::erase_if(batch.cpuSamples, [originNs](const CpuSample& sample) { return sample.timeNs <= originNs; });
    batch.instants = m_run->recorder->drainInstants();
    if (batch.isEmpty())
        return;
    Trace& trace = *m_run->trace;
    trace.instants.insert(trace.instants.end(), batch.instants.begin(), batch.instants.end());
    trace.segments.insert(trace.segments.end(), batch.segments.begin(), batch.segments.end());
    trace.cpuSamples.insert(trace.cpuSamples.end(), batch.cpuSamples.begin(), batch.cpuSamples.end());
    emit batchReady(batch);
}

void RunController::onEngineFinished(const EngineResult& result)
{
    // A run that failed before its model started (no latency server) still begins before it ends, for listeners.
    onEngineBegan(result.beginNs > 0 ? result.beginNs : monotonicNowNs());
    m_batchTimer.stop();
    m_run->engineThread->wait(); // the engine's lambda has returned; this only reaps the thread
    m_run->sampler->stop();
    drainIntoBatch();

    RunResult runResult;
    runResult.summary = summarizeRun(m_run->config, *m_run->trace, result);
    runResult.summary.startedAt = m_run->startedAt;
    runResult.trace = m_run->trace;
    m_run.reset();
    m_running = false;
    emit finished(runResult);
}

} // namespace conlab
