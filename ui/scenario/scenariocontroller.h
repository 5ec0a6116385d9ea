#pragma once

#include "core/scenario/scenariolibrary.h"
#include "ui/scenario/scenarioprogress.h"

#include <QObject>
#include <optional>

class QAction;
class QActionGroup;
class QDockWidget;
class QMenu;

namespace conlab {

class MainWindow;
class ScenarioPanel;
struct RunResult;
struct RunStart;

// The window's lessons: the Scenarios menu (every loaded scenario by title, then the step actions), the dockable
// ScenarioPanel, and the steps. Choosing a scenario puts its workload and first step on the controls and runs
// nothing; Next step (N, Ctrl+Right) puts the next step's configuration there. Any run of the window that runs what
// a step does counts as that step (the current one first), wherever it was started: Run step, Space, a model button.
class ScenarioController : public QObject
{
    Q_OBJECT
public:
    // Loads ScenarioLibrary::load(); files that failed to load are named once in the status bar.
    explicit ScenarioController(MainWindow* window);

    // Replaces the scenarios listed (and forgets the chosen one); its errors() are named in the status bar.
    void setLibrary(ScenarioLibrary library);
    const ScenarioLibrary& library() const { return m_library; }

    // Shows the panel with scenario `id` and its first step on the controls; false for an unknown id.
    bool choose(const QString& id);
    const Scenario* scenario() const { return m_scenario ? &*m_scenario : nullptr; }
    const ScenarioProgress& progress() const { return m_progress; }
    // Puts step `index` on the controls (model, workers and the step's other settings); nothing runs.
    void goToStep(std::size_t index);
    void nextStep();
    void previousStep();
    // Puts the current step on the controls and runs it.
    void runStep();

    QMenu* menu() const { return m_menu; }

protected:
    // The controller is no widget: the window passes LanguageChange on to it as to its other children.
    bool event(QEvent* event) override;

private:
    void retranslateUi();
    void rebuildMenu();
    void reportErrors();
    void onRunStarted(const RunStart& start);
    void onRunFinished(const RunResult& result);
    void update();

    MainWindow* m_window;
    ScenarioLibrary m_library;
    std::optional<Scenario> m_scenario;
    ScenarioProgress m_progress;
    QMenu* m_menu = nullptr;
    QActionGroup* m_choices = nullptr;
    QAction* m_runStep = nullptr;
    QAction* m_next = nullptr;
    QAction* m_previous = nullptr;
    QAction* m_noScenarios = nullptr;
    QDockWidget* m_dock = nullptr;
    ScenarioPanel* m_panel = nullptr;
};

} // namespace conlab
