#pragma once

#include "core/run/runcontroller.h"
#include "core/run/runresult.h"
#include "ui/window/heartbeat.h"
#include "ui/window/modelpicker.h"

#include <QObject>
#include <QString>
#include <map>
#include <optional>

namespace conlab {

// What the window does with runs, without the window: one RunController in this (the UI) thread, the latest
// result of every model choice, sequential baselines per workload, and the switching rule. Switching never
// waits: a run in progress is cancelled, and the next one starts when its finished() arrives (within 200 ms).
class RunSession : public QObject
{
    Q_OBJECT
public:
    explicit RunSession(QObject* parent = nullptr);
    ~RunSession() override;

    // A click on a model. Shows the stored result at once when it was made with these settings; otherwise runs.
    void choose(const RunConfig& config);
    // Runs even when a result with these settings is stored (the Run button).
    void run(const RunConfig& config);
    // Runs the sequential model on config's workload, then shows config's stored result again with the speed-up
    // filled in.
    void runBaseline(const RunConfig& config);
    // Cancels the run in progress and forgets any run queued behind it.
    void stop();

    bool isRunning() const { return m_current.has_value(); }
    // The run in progress, or the one queued behind a cancelled run: what the window should say is going on.
    std::optional<RunConfig> activeConfig() const;
    bool isBaselineRun() const { return m_current && m_current->returnTo.has_value(); }

    // The most recent complete (not cancelled, not failed) result of this choice, whatever its settings.
    const RunResult* lastResult(const ModelChoice& choice) const;
    // The stored result for exactly these settings, if any.
    const RunResult* storedResult(const RunConfig& config) const;
    // A complete sequential run of this workload: what speed-ups are measured against.
    const RunSummary* baseline(const WorkloadSpec& workload) const;

    Heartbeat& heartbeat() { return m_heartbeat; }
    RunController& controller() { return m_controller; }

    // Two configurations that run the same thing give the same key: only what the model uses counts, and "auto"
    // workers count as the number they stand for. Calibration is left out (one per process, see cpukernel).
    static QString settingsKey(const RunConfig& requested);
    static QString baselineKey(const WorkloadSpec& workload);

signals:
    // A run (or a stored result) was asked for: what was on its way to the screen before, such as a file being
    // read, is no longer wanted. Comes before runStarted(), which may follow much later (a run being stopped first).
    void requested(const conlab::RunConfig& config);
    void runStarted(const conlab::RunStart& start);
    void batch(const conlab::TraceBatch& batch);
    // Every run that started ends here, cancelled ones included; summary.uiLatencyMs is filled in.
    void runFinished(const conlab::RunResult& result);
    // A stored result is to be shown again; no run was started for it.
    void resultRestored(const conlab::RunResult& result);
    // The configuration could not start; the refusal names the setting, worded where it is shown.
    void runRejected(const conlab::Problem& refusal);

private:
    struct Request
    {
        RunConfig config;
        bool force = false; // run even if a stored result matches
        std::optional<RunConfig> returnTo; // baseline runs: show this configuration's result afterwards
    };

    void submit(Request request);
    void startOrRestore(const Request& request);
    void onStarted(const RunStart& start);
    void onFinished(const RunResult& result);

    RunController m_controller;
    Heartbeat m_heartbeat;
    std::optional<Request> m_current;
    std::optional<Request> m_pending;
    std::map<QString, RunResult> m_results; // by ModelChoice::key()
    std::map<QString, RunSummary> m_baselines; // by baselineKey()
};

} // namespace conlab
