#pragma once

#include "core/run/runresult.h"

#include <QObject>
#include <QTimer>
#include <cstdint>
#include <memory>

class QThread;

namespace conlab {

class CancelToken;
class CpuSampler;
class TraceRecorder;

// Starts runs on an engine thread and reports them to whoever listens, in the listener's thread: one started() once
// the model itself begins (after the kernel's calibration and the latency server's start, which are no part of the
// run: the timeline's zero is the wall time's), then batches of new segments and CPU samples coalesced on a timer
// (never one signal per event), then finished(). Lives in the thread that uses it (the UI thread in the GUI): nothing
// it does there blocks.
class RunController : public QObject
{
    Q_OBJECT
public:
    explicit RunController(QObject* parent = nullptr);
    ~RunController() override;

    // Returns false with *refusal set when the configuration is invalid or a run is already going: a value the
    // window words in its language, the command line in English. The run uses config.normalized(): started() carries
    // that.
    bool start(const RunConfig& config, Problem* refusal = nullptr);
    // Asks the run to stop; finished() follows within 200 ms with `cancelled` set.
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void started(const conlab::RunStart& start);
    void batchReady(const conlab::TraceBatch& batch);
    void finished(const conlab::RunResult& result);

private:
    void drainIntoBatch();
    void onEngineBegan(std::int64_t beginNs);
    void onEngineFinished();

    struct ActiveRun;
    std::unique_ptr<ActiveRun> m_run;
    bool m_running = false;
    QTimer m_batchTimer;
};

} // namespace conlab
