#pragma once

#include "core/run/runcontroller.h"

#include <QObject>
#include <vector>

namespace conlab {

// Runs configurations one after another through one RunController: compare-all, the scaling sweep and a scenario's
// steps. Lives in the caller's thread and never blocks it; everything it reports arrives there as signals. A step
// that fails (an invalid configuration, a run that ends in an error) is reported and the series goes on.
class RunSeries : public QObject
{
    Q_OBJECT
public:
    explicit RunSeries(QObject* parent = nullptr);

    // False with *error set when the list is empty or a series is already going. The first step starts at once;
    // each next one when the previous has finished.
    bool start(const std::vector<RunConfig>& configs, QString* error = nullptr);
    // Stops the current run and drops the rest: finished() follows within 200 ms with `cancelled` set.
    void cancel();
    bool isRunning() const { return m_running; }
    // The step running now (or about to start), -1 when idle.
    int currentIndex() const { return m_running ? m_index : -1; }
    // The steps of the series going (or the last one).
    const std::vector<RunConfig>& configs() const { return m_configs; }
    RunController& controller() { return m_controller; }

signals:
    // A series was accepted: before anything of its first step, so a listener can lay out every step first.
    void started(const std::vector<conlab::RunConfig>& configs);
    // Not emitted for a step whose configuration was refused: its stepFinished() carries the reason as the error.
    void stepStarted(int index, const conlab::RunStart& start);
    void batch(int index, const conlab::TraceBatch& batch);
    void stepFinished(int index, const conlab::RunResult& result);
    // results[i] is step i's, for every step that started or was refused: all of them unless cancelled.
    void finished(const std::vector<conlab::RunResult>& results, bool cancelled);

private:
    void startNext();
    void onRunFinished(const RunResult& result);
    void stepDone(const RunResult& result);

    RunController m_controller;
    std::vector<RunConfig> m_configs;
    std::vector<RunResult> m_results;
    int m_index = 0;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace conlab
