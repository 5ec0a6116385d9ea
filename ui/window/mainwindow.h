#pragma once

#include "run/runresult.h"
#include "window/modelpicker.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QTimer>

class QAction;
class QLabel;

namespace conlab {

class CoreUtilisationPlot;
class MetricsPanel;
class RunSession;
class TimelinePlot;
class WorkloadPanel;

// The live window: pick a model, watch its tasks and every core while it runs, read its numbers. Batches from the
// engine are only appended to the plots; a 30 Hz tick redraws them, so the cost of drawing does not grow with the
// rate of events.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Puts a configuration on the controls (model and workload); nothing runs.
    void setRunConfig(const RunConfig& config);
    RunConfig currentConfig() const;
    // The Run action: runs the settings on screen even when a result for them is stored.
    void runCurrent();
    void stopRun();
    // Draws both plots now rather than on the next tick, so that a grab() right after shows the final picture.
    void refreshPlotsNow();
    // Both plots show the whole run (View > Reset zoom).
    void fitPlots();

    RunSession& session() { return *m_session; }
    ModelPicker* modelPicker() const { return m_picker; }
    WorkloadPanel* workloadPanel() const { return m_workload; }
    MetricsPanel* metricsPanel() const { return m_metrics; }
    TimelinePlot* timelinePlot() const { return m_timeline; }
    CoreUtilisationPlot* utilisationPlot() const { return m_utilisation; }
    QString stateText() const;
    QString latencyText() const;

signals:
    // A run ended and the window shows it; summary.uiLatencyMs is filled in.
    void runFinished(const conlab::RunResult& result);
    void runRejected(const QString& error);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    QWidget* createTopBar();
    void onModelChosen(const ModelChoice& choice);
    void onRunStarted(const RunStart& start);
    void onRunFinished(const RunResult& result);
    void onResultRestored(const RunResult& result);
    void onRunRejected(const QString& error);
    void tick();
    void updateActions();
    void showLatency(const LatencyStats& stats);

    RunSession* m_session = nullptr;
    ModelPicker* m_picker = nullptr;
    WorkloadPanel* m_workload = nullptr;
    MetricsPanel* m_metrics = nullptr;
    TimelinePlot* m_timeline = nullptr;
    CoreUtilisationPlot* m_utilisation = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_latency = nullptr;
    QAction* m_runAction = nullptr;
    QAction* m_stopAction = nullptr;
    QAction* m_resetZoomAction = nullptr;
    QTimer m_tick;
    QElapsedTimer m_runClock;
    QString m_runningLabel;
};

} // namespace conlab
