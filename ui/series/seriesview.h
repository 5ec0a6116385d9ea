#pragma once

#include "core/run/runresult.h"
#include "ui/export/figure.h"
#include "ui/plots/presentationtheme.h"

#include <QDate>
#include <QWidget>
#include <optional>
#include <vector>

class QLabel;
class QTimer;
class QVBoxLayout;

namespace conlab {

class PictureActions;
class SeriesProgress;
class SeriesRunner;
class ThemedPlot;

// What the compare-all and scaling-sweep windows share: running a series (SeriesRunner) with a progress row and
// Cancel (Esc), a 30 Hz tick for the live step, Export picture (Ctrl+S) and Copy picture (Ctrl+Shift+C) of the one
// figure the view makes, the presenter theme, and the per-step state every subclass draws from. A subclass lays out
// its plots for the steps and redraws them from that state; results measured elsewhere (the command line, a test)
// are shown the same way as a live series, through showResults().
class SeriesView : public QWidget
{
    Q_OBJECT
public:
    ~SeriesView() override;

    // Runs the steps in turn, the view showing each as it goes; false with *error when a series is already going.
    bool run(const std::vector<RunConfig>& configs, QString* error = nullptr);
    void cancel();
    bool isRunning() const;
    // Results measured elsewhere, in the order of configs (shorter when a series was cancelled): no run starts.
    void showResults(const std::vector<RunConfig>& configs, const std::vector<RunResult>& results);

    const std::vector<RunConfig>& configs() const { return m_configs; }
    // Step i's result once it has finished; nullopt while waiting or running, and for steps a cancel skipped.
    const std::optional<RunResult>& result(int index) const { return m_results.at(std::size_t(index)); }
    int stepCount() const { return int(m_configs.size()); }
    // The series is over (done or cancelled): steps without a result will not get one.
    bool isOver() const { return m_over; }
    bool hasResults() const;
    // Cores and the date of the first run that reported them: what the figure's caption says.
    int cores() const;
    QDate date() const;

    // The picture Export and Copy take: a caption naming what was compared, on which machine and when, above the
    // view's plots laid out afresh at the figure's size.
    virtual Figure figure() = 0;
    // The name the export dialog proposes, without folder or suffix.
    virtual QString fileStem() const = 0;
    // Step i in the view's words: "Threads + GIL", "Threads, 4 workers".
    virtual QString stepLabel(int index) const = 0;

    void setTheme(const PresentationTheme& theme);
    const PresentationTheme& theme() const { return m_theme; }

    SeriesRunner& runner() { return *m_runner; }
    const SeriesRunner& runner() const { return *m_runner; }
    PictureActions& pictures() { return *m_pictures; }
    // What the view's status line says now (the picture actions' messages).
    QString statusText() const;
    // The most runs any finished step was measured with (SeriesRunner::setRepeat): 1 for single runs.
    int repeats() const;
    // For a figure's caption: "median of 3 runs each, whiskers from the slowest to the fastest"; empty for single runs.
    QString repeatNote() const;

protected:
    explicit SeriesView(QWidget* parent = nullptr);

    // Adds the view's plots under the progress row.
    void setContent(QWidget* content);
    virtual std::vector<ThemedPlot*> plots() const = 0;
    // configs() changed: lay out one place per step, all waiting.
    virtual void showPlan() = 0;
    // The live step: its lanes, then its data as it comes; refreshLive() draws on the tick, never per batch.
    virtual void beginStep(int index, const RunStart& start);
    virtual void appendToStep(int index, const TraceBatch& batch);
    virtual void refreshLive();
    // result(index) has just been set.
    virtual void endStep(int index);
    // Re-derives every text and mark from the state (results, over or not): after a step, at the end, and on a
    // language change.
    virtual void showState() = 0;

    // A series nobody watches would still hold the machine: closing the window cancels it.
    void closeEvent(QCloseEvent* event) override;

private:
    void resetSteps(const std::vector<RunConfig>& configs);
    void finishSteps();

    SeriesRunner* m_runner = nullptr;
    SeriesProgress* m_progress = nullptr;
    PictureActions* m_pictures = nullptr;
    QVBoxLayout* m_layout = nullptr;
    QLabel* m_status = nullptr;
    QTimer* m_tick = nullptr;
    PresentationTheme m_theme;
    std::vector<RunConfig> m_configs;
    std::vector<std::optional<RunResult>> m_results;
    bool m_over = false;
};

} // namespace conlab
