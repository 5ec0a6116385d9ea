#pragma once

#include "core/run/runresult.h"
#include "core/run/runseries.h"

#include <QObject>
#include <vector>

namespace conlab {

// One series of runs for a result view (compare-all, the scaling sweep): RunSeries plus what a view and its progress
// row need to ask at any time (how far it got, what each finished step gave, whether it was cancelled), so that a
// view redrawn or retranslated mid-series re-derives everything from here. Lives in the UI thread and never blocks
// it: RunSeries' runs report through queued signals.
class SeriesRunner : public QObject
{
    Q_OBJECT
public:
    explicit SeriesRunner(QObject* parent = nullptr);

    // False with *error set when a series is already going or the list is empty; else started() is emitted now and
    // the first step starts at once.
    bool start(const std::vector<RunConfig>& configs, QString* error = nullptr);
    // Stops the run going and drops the rest: finished() follows within 200 ms (RunSeries' bound).
    void cancel();

    bool isRunning() const { return m_series.isRunning(); }
    bool wasCancelled() const { return m_cancelled; }
    // The step running now, -1 when idle.
    int currentIndex() const { return m_series.currentIndex(); }
    int stepCount() const { return int(m_configs.size()); }
    const std::vector<RunConfig>& configs() const { return m_configs; }
    // results()[i] is step i's, for the steps that have finished (all of them once done, unless cancelled).
    const std::vector<RunResult>& results() const { return m_results; }

signals:
    void started(const std::vector<conlab::RunConfig>& configs);
    void stepStarted(int index, const conlab::RunStart& start);
    void batch(int index, const conlab::TraceBatch& batch);
    void stepFinished(int index, const conlab::RunResult& result);
    void finished(bool cancelled);
    // Any of the above: what a progress row redraws on.
    void progressChanged();

private:
    RunSeries m_series;
    std::vector<RunConfig> m_configs;
    std::vector<RunResult> m_results;
    bool m_cancelled = false;
};

} // namespace conlab
