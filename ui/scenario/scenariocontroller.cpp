#include "ui/scenario/scenariocontroller.h"

#include "ui/scenario/scenariopanel.h"
#include "ui/window/mainwindow.h"
#include "ui/window/runsession.h"

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QEvent>
#include <QMenu>
#include <QStatusBar>

namespace conlab {

namespace {

bool isComplete(const RunSummary& summary)
{
    return !summary.cancelled && summary.error.isEmpty();
}

} // namespace

ScenarioController::ScenarioController(MainWindow* window)
    : QObject(window)
    , m_window(window)
{
    m_menu = new QMenu(window);
    m_choices = new QActionGroup(this);
    m_choices->setExclusive(true);
    m_noScenarios = new QAction(this);
    m_noScenarios->setEnabled(false);

    m_runStep = new QAction(this);
    m_runStep->setObjectName(QStringLiteral("runStep"));
    connect(m_runStep, &QAction::triggered, this, &ScenarioController::runStep);
    m_next = new QAction(this);
    m_next->setObjectName(QStringLiteral("nextStep"));
    m_next->setShortcuts({QKeySequence(Qt::Key_N), QKeySequence(Qt::CTRL | Qt::Key_Right)});
    connect(m_next, &QAction::triggered, this, &ScenarioController::nextStep);
    m_previous = new QAction(this);
    m_previous->setObjectName(QStringLiteral("previousStep"));
    m_previous->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Left));
    connect(m_previous, &QAction::triggered, this, &ScenarioController::previousStep);

    m_panel = new ScenarioPanel(m_runStep, m_next);
    m_panel->setObjectName(QStringLiteral("scenarioPanel"));
    m_dock = new QDockWidget(window);
    m_dock->setObjectName(QStringLiteral("scenarioDock"));
    m_dock->setWidget(m_panel);
    m_dock->setFeatures(
        QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    // Left: the lesson is read first, then the plots, then the numbers in the side panel on the right.
    window->addDockWidget(Qt::LeftDockWidgetArea, m_dock);
    // Folds the lesson away so that the plots get the room on a small screen, and brings it back.
    m_dock->toggleViewAction()->setShortcut(QKeySequence(Qt::Key_F7));
    m_dock->hide();

    connect(&window->session(), &RunSession::runStarted, this, &ScenarioController::onRunStarted);
    connect(window, &MainWindow::runFinished, this, &ScenarioController::onRunFinished);

    retranslateUi();
    setLibrary(ScenarioLibrary::load());
}

void ScenarioController::setLibrary(ScenarioLibrary library)
{
    m_library = std::move(library);
    m_scenario.reset();
    m_progress = {};
    rebuildMenu();
    update();
    reportErrors();
}

void ScenarioController::reportErrors()
{
    const QStringList& errors = m_library.errors();
    if (errors.isEmpty())
        return;
    // Once, at start, where it does not stop a lesson: the other scenarios work. Without a translation loaded
    // "%n file(s)" would print as is, so English is written out for one and for many.
    const int count = int(errors.size());
    const QString files = count == 1
        ? tr("1 scenario file could not be loaded, the others are in the Scenarios menu")
        : tr("%n scenario files could not be loaded, the others are in the Scenarios menu", nullptr, count);
    m_window->statusBar()->showMessage(tr("%1: %2").arg(files, errors.join(QStringLiteral("; "))), 30'000);
}

void ScenarioController::rebuildMenu()
{
    m_menu->clear();
    for (QAction* action : m_choices->actions())
        delete action;
    for (const Scenario& scenario : m_library.scenarios()) {
        auto* action = new QAction(m_choices);
        action->setCheckable(true);
        action->setData(scenario.id);
        connect(action, &QAction::triggered, this, [this, id = scenario.id] { choose(id); });
        m_menu->addAction(action);
    }
    if (m_library.scenarios().empty())
        m_menu->addAction(m_noScenarios);
    m_menu->addSeparator();
    m_menu->addAction(m_runStep);
    m_menu->addAction(m_next);
    m_menu->addAction(m_previous);
    m_menu->addSeparator();
    m_menu->addAction(m_dock->toggleViewAction());
    retranslateUi();
}

bool ScenarioController::event(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    return QObject::event(event);
}

void ScenarioController::retranslateUi()
{
    m_menu->setTitle(tr("S&cenarios"));
    m_noScenarios->setText(tr("No scenarios loaded"));
    m_runStep->setText(tr("&Run step"));
    m_runStep->setToolTip(tr("Put the current step on the controls and run it (Space runs what is on the controls)"));
    m_next->setText(tr("&Next step"));
    m_next->setToolTip(tr("Put the next step's model on the controls (N or Ctrl+Right); nothing runs yet"));
    m_previous->setText(tr("&Previous step"));
    m_previous->setToolTip(tr("Put the previous step's model on the controls (Ctrl+Left)"));
    m_dock->setWindowTitle(tr("Scenario"));
    m_dock->toggleViewAction()->setText(tr("Scenario &panel"));
    for (QAction* action : m_choices->actions()) {
        if (const Scenario* scenario = m_library.find(action->data().toString()))
            action->setText(scenario->text(Scenario::Field::Title));
    }
}

bool ScenarioController::choose(const QString& id)
{
    const Scenario* scenario = m_library.find(id);
    if (!scenario)
        return false;
    m_scenario = *scenario;
    m_progress = ScenarioProgress::start(*scenario);
    for (QAction* action : m_choices->actions())
        action->setChecked(action->data().toString() == id);
    m_dock->show();
    m_dock->raise();
    goToStep(0);
    return true;
}

void ScenarioController::goToStep(std::size_t index)
{
    if (!m_scenario || index >= m_scenario->steps.size())
        return;
    m_progress.current = index;
    m_window->setRunConfig(m_scenario->steps[index].config);
    update();
}

void ScenarioController::nextStep()
{
    goToStep(m_progress.current + 1);
}

void ScenarioController::previousStep()
{
    if (m_progress.current > 0)
        goToStep(m_progress.current - 1);
}

void ScenarioController::runStep()
{
    if (!m_scenario)
        return;
    goToStep(m_progress.current);
    m_window->runCurrent();
}

void ScenarioController::onRunStarted(const RunStart& start)
{
    if (!m_scenario)
        return;
    m_progress.running = matchingStep(*m_scenario, start.config, m_progress.current);
    // A model clicked out of order is that step now: the highlight follows what the class is watching.
    if (m_progress.running)
        m_progress.current = *m_progress.running;
    update();
}

void ScenarioController::onRunFinished(const RunResult& result)
{
    if (!m_scenario)
        return;
    m_progress.running.reset();
    if (isComplete(result.summary)) {
        if (const auto step = matchingStep(*m_scenario, result.summary.config, m_progress.current)) {
            m_progress.wallMs[*step] = result.summary.wallMs;
            m_progress.summaries[*step] = result.summary;
        }
    }
    update();
}

void ScenarioController::update()
{
    const bool chosen = m_scenario.has_value();
    const std::size_t count = chosen ? m_scenario->steps.size() : 0;
    m_runStep->setEnabled(chosen);
    m_next->setEnabled(chosen && m_progress.current + 1 < count);
    m_previous->setEnabled(chosen && m_progress.current > 0);
    m_panel->showScenario(m_scenario, m_progress);
}

} // namespace conlab
