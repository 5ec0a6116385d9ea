#pragma once

#include "core/run/runresult.h"
#include "ui/export/exportpicturedialog.h"
#include "ui/export/figurecaption.h"
#include "ui/window/modelpicker.h"
#include "ui/window/shownrun.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QTimer>
#include <functional>
#include <optional>

class QAction;
class QLabel;
class QMenu;

namespace conlab {

class FoldingPanel;
class MetricsPanel;
class PictureActions;
class PresenterMode;
class RunFileActions;
class RunSession;
class ScenarioController;
class SeriesActions;
class ShortcutsHelp;
class SourcePane;
class TimelinePlot;
class WindowBody;
class WorkloadPanel;
struct Figure;

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
    QString stateText() const;
    QString latencyText() const;

    // The finished run the plots show (made here, or opened from a file); null before the first run ends or a file
    // is opened, and while a run is going.
    const ShownRun* shownRun() const { return m_shown ? &*m_shown : nullptr; }
    // File > Open: reads path in the background and shows it (see RunFileActions); a run going is stopped first.
    void openRunFile(const QString& path);
    // Shows a run read from path: a run of conlab's as it was (plots, numbers, its settings on the controls), or a
    // trace from another tool (its lanes, slices and counters, and what the file holds in the side panel).
    void showSavedRun(const QString& path, const SavedRun& run);
    RunFileActions* fileActions() const { return m_files; }
    // View > Cores view (C): the timelines show a lane per core instead of per worker, here and in Compare.
    void setCoresView(bool on);
    // A picture can be taken of a finished run on screen, and of a run going (of what it has shown so far; the
    // caption says it was still running).
    bool canExportPicture() const;
    // What a picture taken now would say about itself in its caption (the plots add lanes and time span).
    CaptionFacts captionFacts() const;
    // File > Export picture and Edit > Copy picture, as the series views have them.
    PictureActions& pictures() { return *m_pictures; }

    // View > Presenter mode (F11).
    PresenterMode& presenterMode() { return *m_presenter; }
    const PresenterMode& presenterMode() const { return *m_presenter; }
    // Help > Keyboard shortcuts (F1 or ?): the help, made on first use and read afresh from the actions each time.
    void showShortcutsHelp();
    // The Scenarios menu and panel.
    ScenarioController& scenarios() { return *m_scenarios; }

signals:
    // A run ended and the window shows it; summary.uiLatencyMs is filled in.
    void runFinished(const conlab::RunResult& result);
    void runRejected(const conlab::Problem& refusal);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void createActions();
    void retranslateUi();
    // The status line says `text()`, and says it again in the new language when the language changes.
    void setState(std::function<QString()> text);
    // What the run going is called: its model's button, or the sequential baseline.
    QString runningLabel() const;
    QWidget* createTopBar();
    // The timeline's and the utilisation plot's shares of the plots' height, by mode.
    void sharePlotHeight();
    // Presenter mode on a small screen folds panels away; leaving it brings them back as they were.
    void fitPresenterScreen(bool on);
    void onModelChosen(const ModelChoice& choice);
    void onRunStarted(const RunStart& start);
    void onRunFinished(const RunResult& result);
    void onResultRestored(const RunResult& result);
    void onRunRejected(const Problem& refusal);
    void showResult(const RunResult& result);
    Figure pictureOf(FigureContent content, bool visibleWindowOnly);
    std::optional<TimeRange> zoomedWindow() const;
    void tick();
    void updateActions();
    void showLatency(const LatencyStats& stats);
    void updateTitle();
    // The source pane shows the script of the Python run on screen (none for other models), unless hidden (F6).
    void showScriptSource(const RunConfig& config, const std::optional<QString>& savedSource = std::nullopt);
    void updateSourceVisible();
    static QString outcomeText(const QString& label, const RunSummary& summary);

    RunSession* m_session = nullptr;
    ModelPicker* m_picker = nullptr;
    WorkloadPanel* m_workload = nullptr;
    MetricsPanel* m_metrics = nullptr;
    TimelinePlot* m_timeline = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_latency = nullptr;
    QAction* m_runAction = nullptr;
    QAction* m_stopAction = nullptr;
    QAction* m_resetZoomAction = nullptr;
    QAction* m_coresViewAction = nullptr;
    QAction* m_sourceAction = nullptr;
    SourcePane* m_source = nullptr;
    FoldingPanel* m_workloadFold = nullptr;
    FoldingPanel* m_metricsFold = nullptr;
    QAction* m_panelsSeparator = nullptr;
    WindowBody* m_body = nullptr;
    QAction* m_shortcutsAction = nullptr;
    QAction* m_quitAction = nullptr;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_editMenu = nullptr;
    QMenu* m_runMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    std::function<QString()> m_stateText;
    std::optional<LatencyStats> m_latencyStats;
    PresenterMode* m_presenter = nullptr;
    ShortcutsHelp* m_shortcutsHelp = nullptr;
    PictureActions* m_pictures = nullptr;
    RunFileActions* m_files = nullptr;
    ScenarioController* m_scenarios = nullptr;
    SeriesActions* m_series = nullptr;
    std::optional<ShownRun> m_shown;
    // The run going, for the caption of a picture taken before it ends.
    std::optional<RunConfig> m_liveConfig;
    QDate m_liveDate;
    QTimer m_tick;
    QElapsedTimer m_runClock;
    bool m_runningBaseline = false;
    ModelChoice m_runningChoice;
};

} // namespace conlab
