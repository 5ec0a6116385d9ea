#pragma once

#include "core/run/runconfig.h"

#include <QObject>
#include <array>
#include <functional>

class QAction;
class QLabel;
class QSpinBox;
class QWidget;
class QWidgetAction;

namespace conlab {

class CompareView;
class PresenterMode;
class RunSession;
class SeriesView;
class SweepView;

// Run > Compare all models (Ctrl+M) and Run > Scaling sweep… for the main window: each opens its result view (one of
// each, kept and reused) and runs the workload on screen in it. One run at a time on the machine, or the numbers
// mean nothing: a run of the window's going is stopped first and the series starts once it has ended; a run the
// window starts later cancels the series. The views follow presenter mode.
class SeriesActions : public QObject
{
    Q_OBJECT
public:
    // `config` gives the model and workload on screen when an action is triggered.
    SeriesActions(QWidget* window, RunSession* session, std::function<RunConfig()> config, PresenterMode* presenter);

    QAction* compareAction() const { return m_compare; }
    QAction* sweepAction() const { return m_sweep; }
    // Checked: Compare all models adds the real CPython rows (remembered across sessions).
    QAction* withPythonAction() const { return m_withPython; }
    // The window's View > Cores view: Compare's timelines follow it, and its key works in Compare's window too.
    void setCoresViewAction(QAction* action) { m_coresView = action; }
    // "Repeat each point: [3]" for the Run menu: how many times compare and sweep run each point (their median and
    // min–max are shown). 3 unless the user chose otherwise (remembered across sessions).
    QWidgetAction* repeatAction() const { return m_repeatAction; }

    void compareAll();
    void sweep();
    // The sweep needs workers to vary: disabled (the tool tip says why) for sequential and the convoy. The event loop
    // sweeps how many tasks run at once, as `conlab run --sweep` does.
    // Reads the window's config: call it once the window has its controls, and when the model changes.
    void update();

    void retranslateUi();

signals:
    // For the window's status bar: why a series could not start.
    void message(const QString& text, int timeoutMs);

protected:
    // The window's LanguageChange: a QObject has no changeEvent() of its own.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // Why the sweep cannot run `config`; empty when it can.
    QString sweepRefusal(const RunConfig& config) const;
    // The theme now and on every switch; a series it ends may let a pending one start.
    template <typename View> View* adopt(View* view);
    // Shows the view and runs `run` in it once nothing else runs; `failure` says why not, with %1 for the reason.
    void runInView(SeriesView* view, std::function<bool(QString*)> run, const QString& failure);
    void startPending();
    std::array<SeriesView*, 2> views() const;
    void showView(QWidget* view);
    void cancelSeries();

    QWidget* m_window;
    RunSession* m_session;
    std::function<RunConfig()> m_config;
    PresenterMode* m_presenter;
    QAction* m_compare = nullptr;
    QAction* m_sweep = nullptr;
    QAction* m_withPython = nullptr;
    QAction* m_coresView = nullptr;
    QWidgetAction* m_repeatAction = nullptr;
    QLabel* m_repeatLabel = nullptr;
    QSpinBox* m_repeat = nullptr;
    CompareView* m_compareView = nullptr; // children of the window: closing one only hides it
    SweepView* m_sweepView = nullptr;
    std::function<void()> m_pending; // the series asked for, waiting for the machine to be free
    bool m_stoppingWindowRun = false; // the window's run was stopped for the pending series and has not ended yet
};

} // namespace conlab
