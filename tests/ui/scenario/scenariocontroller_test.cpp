#include "tests/ui/child.h"
#include "tests/ui/scenario/tinyscenario.h"
#include "tests/ui/spinuntil.h"
#include "ui/scenario/scenariocontroller.h"
#include "ui/scenario/scenariopanel.h"
#include "ui/window/mainwindow.h"
#include "ui/window/presentermode.h"
#include "ui/window/runsession.h"
#include "ui/window/shortcutshelp.h"
#include "ui/window/workloadpanel.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QMenu>
#include <QSpinBox>
#include <QStatusBar>
#include <QTest>
#include <gtest/gtest.h>

using namespace conlab;
using conlab::test::spinUntil;

namespace {

// A shown window whose Scenarios menu holds only the tiny lesson, with the runs it makes recorded.
struct LessonWindow
{
    test::TinyLibrary tiny;
    MainWindow window;
    std::vector<RunResult> finished;
    int started = 0;

    explicit LessonWindow(const std::vector<std::pair<QString, QByteArray>>& others = {})
        : tiny(others)
    {
        window.scenarios().setLibrary(tiny.library);
        QObject::connect(&window, &MainWindow::runFinished, [this](const RunResult& r) { finished.push_back(r); });
        QObject::connect(&window.session(), &RunSession::runStarted, [this](const RunStart&) { ++started; });
        window.show();
    }

    ScenarioController& scenarios() { return window.scenarios(); }
    ScenarioPanel& panel() { return *test::child<ScenarioPanel>(window, "scenarioPanel"); }
    bool waitForRuns(std::size_t count)
    {
        return spinUntil([&] { return finished.size() >= count && !window.session().isRunning(); });
    }
};

bool shown(const QWidget* widget)
{
    return widget->isVisibleTo(widget->window());
}

} // namespace

TEST(ScenarioController, TheMenuListsEveryLoadedScenarioByTitle)
{
    MainWindow window;
    const ScenarioLibrary& library = window.scenarios().library();
    ASSERT_GE(library.scenarios().size(), 8u);
    QStringList titles;
    for (const QAction* action : window.scenarios().menu()->actions())
        titles << action->text();
    for (const Scenario& scenario : library.scenarios())
        EXPECT_TRUE(titles.contains(scenario.text(Scenario::Field::Title))) << scenario.id.toStdString();
    EXPECT_EQ(window.scenarios().menu()->title(), QStringLiteral("S&cenarios"));
    // Nothing is chosen yet: the panel waits out of the way.
    EXPECT_EQ(window.scenarios().scenario(), nullptr);
    EXPECT_FALSE(test::child<QDockWidget>(window, "scenarioDock")->isVisibleTo(&window));
    EXPECT_FALSE(test::child<QAction>(window, "nextStep")->isEnabled());
}

TEST(ScenarioController, ChoosingAScenarioPutsItsWorkloadAndFirstStepOnTheControlsAndRunsNothing)
{
    LessonWindow lesson;
    QMenu* menu = lesson.scenarios().menu();
    QAction* tiny = nullptr;
    for (QAction* action : menu->actions()) {
        if (action->text() == QStringLiteral("Tiny lesson"))
            tiny = action;
    }
    ASSERT_NE(tiny, nullptr);
    tiny->trigger();

    ASSERT_NE(lesson.scenarios().scenario(), nullptr);
    EXPECT_EQ(lesson.scenarios().scenario()->id, QStringLiteral("tiny"));
    EXPECT_TRUE(tiny->isChecked());
    EXPECT_TRUE(test::child<QDockWidget>(lesson.window, "scenarioDock")->isVisibleTo(&lesson.window));
    WorkloadPanel* workload = test::child<WorkloadPanel>(lesson.window, "workloadPanel");
    EXPECT_EQ(test::child<QComboBox>(*workload, "workloadKind")->currentText(),
        WorkloadPanel::kindLabel(WorkloadKind::Sleep));
    EXPECT_EQ(test::child<QSpinBox>(*workload, "tasks")->value(), 3);
    EXPECT_DOUBLE_EQ(test::child<QDoubleSpinBox>(*workload, "ioMs")->value(), 10);
    EXPECT_EQ(test::child<ModelPicker>(lesson.window, "modelPicker")->choice(),
        (ModelChoice {ModelKind::Sequential, false, OffloadKind::None}));
    EXPECT_TRUE(test::child<QAbstractButton>(lesson.window, "model-sequential")->isChecked());

    EXPECT_EQ(test::child<QLabel>(lesson.panel(), "scenarioTitle")->text(), QStringLiteral("Tiny lesson"));
    EXPECT_EQ(
        test::child<QLabel>(lesson.panel(), "scenarioQuestion")->text(), QStringLiteral("Which model waits best?"));
    EXPECT_TRUE(shown(test::child<QLabel>(lesson.panel(), "scenarioQuestion")));
    ASSERT_EQ(lesson.panel().stepCount(), 3u);
    EXPECT_TRUE(lesson.panel().stepLabel(0)->text().contains(QStringLiteral("1. One thread")));
    EXPECT_TRUE(lesson.panel().stepLabel(0)->font().bold());
    EXPECT_FALSE(lesson.panel().stepLabel(1)->font().bold());

    QTest::qWait(100);
    EXPECT_EQ(lesson.started, 0);
    EXPECT_FALSE(lesson.window.session().isRunning());
    EXPECT_FALSE(lesson.scenarios().choose(QStringLiteral("no-such-lesson")));
    EXPECT_EQ(lesson.scenarios().scenario()->id, QStringLiteral("tiny"));
}

TEST(ScenarioController, NextStepMovesThePickerAndTheStepsWorkers)
{
    LessonWindow lesson;
    ASSERT_TRUE(lesson.scenarios().choose(QStringLiteral("tiny")));
    QAction* next = test::child<QAction>(lesson.window, "nextStep");
    EXPECT_TRUE(next->shortcuts().contains(QKeySequence(Qt::Key_N)));
    EXPECT_TRUE(next->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Right)));
    EXPECT_FALSE(test::child<QAction>(lesson.window, "previousStep")->isEnabled());

    // The keys as a user presses them: in the active window, the focus outside a text field.
    ASSERT_TRUE(QTest::qWaitForWindowActive(&lesson.window));
    test::child<QAbstractButton>(lesson.window, "model-sequential")->setFocus();
    QTest::keyClick(&lesson.window, Qt::Key_N);
    EXPECT_EQ(lesson.scenarios().progress().current, 1u);
    EXPECT_EQ(test::child<ModelPicker>(lesson.window, "modelPicker")->choice(),
        (ModelChoice {ModelKind::Threads, false, OffloadKind::None}));
    EXPECT_EQ(test::child<QSpinBox>(lesson.window, "workers")->value(), 3);
    EXPECT_TRUE(lesson.panel().stepLabel(1)->font().bold());
    EXPECT_FALSE(lesson.panel().stepLabel(0)->font().bold());

    QTest::keyClick(&lesson.window, Qt::Key_Right, Qt::ControlModifier);
    EXPECT_EQ(lesson.scenarios().progress().current, 2u);
    EXPECT_EQ(test::child<ModelPicker>(lesson.window, "modelPicker")->choice().model, ModelKind::EventLoop);
    // The last step has no next one.
    EXPECT_FALSE(next->isEnabled());
    lesson.scenarios().nextStep();
    EXPECT_EQ(lesson.scenarios().progress().current, 2u);

    QTest::keyClick(&lesson.window, Qt::Key_Left, Qt::ControlModifier);
    EXPECT_EQ(lesson.scenarios().progress().current, 1u);
    EXPECT_EQ(test::child<ModelPicker>(lesson.window, "modelPicker")->choice().model, ModelKind::Threads);
    // Moving through the steps runs nothing.
    QTest::qWait(100);
    EXPECT_EQ(lesson.started, 0);
}

TEST(ScenarioController, RunningAStepShowsTheExplanationAfterTheRunAndNotBefore)
{
    LessonWindow lesson;
    ASSERT_TRUE(lesson.scenarios().choose(QStringLiteral("tiny")));
    ScenarioPanel& panel = lesson.panel();
    EXPECT_FALSE(shown(test::child<QLabel>(panel, "scenarioExplanation")));
    EXPECT_FALSE(shown(test::child<QLabel>(panel, "scenarioLookAt")));

    bool explainedWhileRunning = true;
    QString stepWhileRunning;
    QObject::connect(&lesson.window.session(), &RunSession::runStarted, [&](const RunStart&) {
        explainedWhileRunning = shown(test::child<QLabel>(panel, "scenarioExplanation"));
        stepWhileRunning = panel.stepLabel(0)->text();
    });
    test::child<QAction>(lesson.window, "runStep")->trigger();
    ASSERT_TRUE(lesson.waitForRuns(1));
    EXPECT_FALSE(explainedWhileRunning);
    EXPECT_TRUE(stepWhileRunning.contains(QStringLiteral("running"))) << stepWhileRunning.toStdString();

    EXPECT_TRUE(shown(test::child<QLabel>(panel, "scenarioExplanation")));
    EXPECT_TRUE(shown(test::child<QLabel>(panel, "scenarioLookAt")));
    EXPECT_EQ(test::child<QLabel>(panel, "scenarioExplanation")->text(), QStringLiteral("Waiting needs no core."));
    EXPECT_EQ(test::child<QLabel>(panel, "scenarioLookAt")->text(), QStringLiteral("The wall time."));
    EXPECT_FALSE(shown(test::child<QLabel>(panel, "scenarioQuestion")));
    ASSERT_TRUE(lesson.scenarios().progress().wallMs[0].has_value());
    EXPECT_GT(*lesson.scenarios().progress().wallMs[0], 20); // three sleeps of 10 ms, one after another
    EXPECT_TRUE(test::child<QLabel>(panel, "scenarioStatus")->text().contains(QStringLiteral("Step 1 of 3 ran in")))
        << test::child<QLabel>(panel, "scenarioStatus")->text().toStdString();
    EXPECT_EQ(lesson.finished.back().summary.config.model, ModelKind::Sequential);

    // Choosing the lesson again starts it over: the question, no explanation.
    lesson.scenarios().choose(QStringLiteral("tiny"));
    EXPECT_TRUE(shown(test::child<QLabel>(panel, "scenarioQuestion")));
    EXPECT_FALSE(shown(test::child<QLabel>(panel, "scenarioExplanation")));
}

TEST(ScenarioController, ARunStartedByHandCountsAsTheStepItMatches)
{
    LessonWindow lesson;
    ASSERT_TRUE(lesson.scenarios().choose(QStringLiteral("tiny")));
    lesson.scenarios().nextStep();

    // Other settings than the step's: not the step, no explanation.
    test::child<QSpinBox>(lesson.window, "tasks")->setValue(2);
    lesson.window.runCurrent();
    ASSERT_TRUE(lesson.waitForRuns(1));
    EXPECT_FALSE(lesson.scenarios().progress().explained());
    EXPECT_FALSE(shown(test::child<QLabel>(lesson.panel(), "scenarioExplanation")));

    // Space with the step's settings on the controls runs the current step.
    lesson.scenarios().goToStep(1);
    QTest::keyClick(&lesson.window, Qt::Key_Space);
    ASSERT_TRUE(lesson.waitForRuns(2));
    EXPECT_TRUE(lesson.scenarios().progress().wallMs[1].has_value());
    EXPECT_TRUE(shown(test::child<QLabel>(lesson.panel(), "scenarioExplanation")));
    EXPECT_TRUE(lesson.panel().stepMarkerLabel(1)->text() == QStringLiteral("\u25B6"));

    // A model button of another step: that step is the current one now, and it counts.
    test::child<ModelPicker>(lesson.window, "modelPicker")->choose(4);
    ASSERT_TRUE(lesson.waitForRuns(3));
    EXPECT_EQ(lesson.scenarios().progress().current, 2u);
    EXPECT_TRUE(lesson.scenarios().progress().wallMs[2].has_value());
    EXPECT_TRUE(lesson.panel().stepMarkerLabel(1)->text() == QStringLiteral("\u2713"));
}

TEST(ScenarioController, AStoppedRunIsNoStepRun)
{
    QByteArray slow = test::tinyScenarioJson;
    slow.replace("\"io_ms\": 10", "\"io_ms\": 5000");
    LessonWindow lesson({{QStringLiteral("slow.json"), slow}});
    ASSERT_TRUE(lesson.scenarios().choose(QStringLiteral("slow")));
    lesson.scenarios().runStep();
    ASSERT_TRUE(spinUntil([&] { return lesson.started == 1; }));
    EXPECT_EQ(lesson.scenarios().progress().running, std::optional<std::size_t>(0));
    lesson.window.stopRun();
    ASSERT_TRUE(lesson.waitForRuns(1));
    EXPECT_TRUE(lesson.finished.back().summary.cancelled);
    EXPECT_FALSE(lesson.scenarios().progress().running.has_value());
    EXPECT_FALSE(lesson.scenarios().progress().explained());
    EXPECT_FALSE(shown(test::child<QLabel>(lesson.panel(), "scenarioExplanation")));
    EXPECT_TRUE(shown(test::child<QLabel>(lesson.panel(), "scenarioQuestion")));
}

TEST(ScenarioController, FilesThatFailedToLoadAreNamedOnceInTheStatusBar)
{
    LessonWindow lesson({{QStringLiteral("broken.json"), QByteArray("{\"title\": 3}")}});
    const QString message = lesson.window.statusBar()->currentMessage();
    EXPECT_TRUE(message.contains(QStringLiteral("broken.json"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("1 scenario file could not be loaded"))) << message.toStdString();
    // The other scenario works.
    EXPECT_TRUE(lesson.scenarios().choose(QStringLiteral("tiny")));
}

TEST(ScenarioController, TheShortcutsHelpListsTheStepKeysAndNoOtherActionUsesThem)
{
    MainWindow window;
    const QList<ShortcutEntry> entries = windowShortcuts(&window);
    const auto entriesWith = [&](const QKeySequence& key) {
        QStringList texts;
        for (const ShortcutEntry& entry : entries) {
            if (entry.keys.contains(key))
                texts << entry.group + QLatin1Char('/') + entry.text;
        }
        return texts;
    };
    EXPECT_EQ(entriesWith(QKeySequence(Qt::Key_N)), QStringList {QStringLiteral("Scenarios/Next step")});
    EXPECT_EQ(entriesWith(QKeySequence(Qt::CTRL | Qt::Key_Right)), QStringList {QStringLiteral("Scenarios/Next step")});
    EXPECT_EQ(
        entriesWith(QKeySequence(Qt::CTRL | Qt::Key_Left)), QStringList {QStringLiteral("Scenarios/Previous step")});
}

TEST(ScenarioController, ThePanelFollowsPresenterModesLargerFonts)
{
    LessonWindow lesson;
    ASSERT_TRUE(lesson.scenarios().choose(QStringLiteral("tiny")));
    const double deskQuestion = test::child<QLabel>(lesson.panel(), "scenarioQuestion")->font().pointSizeF();
    const double deskStep = lesson.panel().stepLabel(2)->font().pointSizeF();
    const int deskWidth = lesson.panel().minimumWidth();
    lesson.window.presenterMode().setOn(true);
    // Widgets take a new application font on the next turn of the event loop.
    QApplication::processEvents();
    EXPECT_NEAR(test::child<QLabel>(lesson.panel(), "scenarioQuestion")->font().pointSizeF(), deskQuestion * 1.6, 0.6);
    EXPECT_NEAR(lesson.panel().stepLabel(2)->font().pointSizeF(), deskStep * 1.6, 0.6);
    EXPECT_GT(lesson.panel().minimumWidth(), deskWidth * 1.3);
    // A title larger than the text, also on the projector.
    EXPECT_GT(test::child<QLabel>(lesson.panel(), "scenarioTitle")->font().pointSizeF(),
        test::child<QLabel>(lesson.panel(), "scenarioQuestion")->font().pointSizeF());
    lesson.window.presenterMode().setOn(false);
    QApplication::processEvents();
    EXPECT_DOUBLE_EQ(test::child<QLabel>(lesson.panel(), "scenarioQuestion")->font().pointSizeF(), deskQuestion);
}

TEST(ScenarioController, ALanguageChangeRetitlesTheMenuAndThePanel)
{
    LessonWindow lesson;
    ASSERT_TRUE(lesson.scenarios().choose(QStringLiteral("tiny")));
    const QLocale saved;
    QLocale::setDefault(QLocale(QLocale::Russian));
    // What the language switch does after setting the default locale: the window passes the event to its children.
    QEvent change(QEvent::LanguageChange);
    QApplication::sendEvent(&lesson.window, &change);
    QStringList titles;
    for (const QAction* action : lesson.scenarios().menu()->actions())
        titles << action->text();
    const QString question = test::child<QLabel>(lesson.panel(), "scenarioQuestion")->text();
    QLocale::setDefault(saved);
    QApplication::sendEvent(&lesson.window, &change);

    EXPECT_TRUE(titles.contains(QStringLiteral("Маленький урок"))) << titles.join(QLatin1Char('|')).toStdString();
    EXPECT_EQ(question, QStringLiteral("Какая модель ждёт лучше?"));
    EXPECT_EQ(
        test::child<QLabel>(lesson.panel(), "scenarioQuestion")->text(), QStringLiteral("Which model waits best?"));
}
