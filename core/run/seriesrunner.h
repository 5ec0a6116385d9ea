#pragma once

#include "core/run/runcontroller.h"

#include <QObject>
#include <vector>

namespace conlab {

// Runs configurations one after another through one RunController: compare-all, the scaling sweep and a scenario's
// steps. Lives in the caller's thread and never blocks it; everything it reports arrives there as signals. A step
// that fails (an invalid configuration, a run that ends in an error) is reported and the series goes on. It keeps
// what a view and its progress row ask at any time (how far it got, what each finished step gave, whether it was
// cancelled), so that a view redrawn or retranslated mid-series re-derives everything from here.
class SeriesRunner : public QObject
{
    Q_OBJECT
public:
    explicit SeriesRunner(QObject* parent = nullptr);

    // False with *error set when the list is empty or a series is already going. The first step starts at once;
    // each next one when the previous has finished.
    bool start(const std::vector<RunConfig>& configs, QString* error = nullptr);
    // Runs each step `times` times (clamped to 1 .. limits::maxRepeat) from the next start(): every repeat emits
    // stepStarted() and its batches, stepFinished() comes once, with the median run (RunSummary::repeatWallsMs holds
    // every repeat's wall). A repeat that fails or is cancelled ends its step with that result.
    void setRepeat(int times);
    int repeat() const { return m_repeat; }
    // Which run of the current step is going, from 0 to repeat() - 1: "point 2 of 5, run 2 of 3".
    int currentRepeat() const { return m_running ? int(m_repeats.size()) : 0; }
    // Runs finished in the series going (or the last one), every repeat counted, a failed one too; a step whose
    // configuration was refused ran none: "Done: 15 runs" for 5 points run 3 times each.
    int runsDone() const { return m_runsDone; }
    // Stops the current run and drops the rest: finished() follows within 200 ms with `cancelled` set.
    void cancel();
    bool isRunning() const { return m_running; }
    // The last series ended by cancel(); false while one is going.
    bool wasCancelled() const { return !m_running && m_cancelled; }
    // The step running now (or about to start), -1 when idle.
    int currentIndex() const { return m_running && m_index < stepCount() ? m_index : -1; }
    // How many steps the series going (or the last one) has.
    int stepCount() const { return int(m_configs.size()); }
    // results()[i] is step i's, for the steps that have finished (all of them once done, unless cancelled).
    const std::vector<RunResult>& results() const { return m_results; }

signals:
    // A series was accepted: before anything of its first step, so a listener can lay out every step first.
    void started(const std::vector<conlab::RunConfig>& configs);
    // Not emitted for a step whose configuration was refused: its stepFinished() carries the reason as the error.
    void stepStarted(int index, const conlab::RunStart& start);
    void batch(int index, const conlab::TraceBatch& batch);
    void stepFinished(int index, const conlab::RunResult& result);
    // results[i] is step i's, for every step that started or was refused: all of them unless cancelled.
    void finished(const std::vector<conlab::RunResult>& results, bool cancelled);
    // After any of the above (a start, a step started or finished, the end): what a progress row redraws on.
    void progressChanged();

private:
    void startNext();
    void onRunFinished(const RunResult& result);
    void stepDone(const RunResult& result);
    RunResult medianOfRepeats();

    RunController m_controller;
    std::vector<RunConfig> m_configs;
    std::vector<RunResult> m_results;
    std::vector<RunResult> m_repeats; // the current step's runs so far
    int m_repeat = 1;
    int m_index = 0;
    int m_runsDone = 0;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace conlab
