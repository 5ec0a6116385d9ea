#include "core/python/pythonscript.h"
#include "tests/ui/spinuntil.h"
#include "ui/scenario/scenariocontroller.h"
#include "ui/scenario/scenariopanel.h"
#include "ui/window/mainwindow.h"
#include "ui/window/runsession.h"

#include <QLabel>
#include <gtest/gtest.h>

using namespace conlab;
using conlab::test::spinUntil;

// A lesson's real-CPython step runs from the panel like any step, and afterwards the explanation sets the wall time
// measured in that run beside the emulated step's. process-cost: its real step is eight CPython processes beside
// the emulated eight processes (step 3), a short run.
TEST(PythonLesson, TheRealStepRunsAndTheExplanationShowsTheRealAndTheEmulatedNumbers)
{
    QString missing;
    if (!resolvePythonInterpreter({}, &missing))
        GTEST_SKIP() << "interpreter not installed: " << missing.toStdString();
    MainWindow window;
    std::vector<RunResult> finished;
    QObject::connect(&window, &MainWindow::runFinished, [&](const RunResult& r) { finished.push_back(r); });
    window.show();
    ScenarioController& lesson = window.scenarios();
    ASSERT_TRUE(lesson.choose(QStringLiteral("process-cost")));
    const Scenario& scenario = *lesson.scenario();
    const std::size_t real = scenario.steps.size() - 1;
    ASSERT_EQ(scenario.steps[real].config.model, ModelKind::Python);
    ASSERT_TRUE(scenario.steps[real].beside);
    const std::size_t emulated = *scenario.steps[real].beside;

    auto* explanation = window.findChild<QLabel*>(QStringLiteral("scenarioExplanation"));
    ASSERT_TRUE(explanation);
    const auto runStep = [&](std::size_t step) {
        const std::size_t before = finished.size();
        lesson.goToStep(step);
        lesson.runStep();
        EXPECT_TRUE(spinUntil([&] { return finished.size() > before && !window.session().isRunning(); }));
        return finished.empty() ? RunSummary() : finished.back().summary;
    };
    const RunSummary emulatedRun = runStep(emulated);
    ASSERT_TRUE(emulatedRun.error.isEmpty()) << emulatedRun.error.toStdString();
    // The emulated step alone: the real numbers are not there yet, and no placeholder is left in the text.
    EXPECT_FALSE(explanation->text().contains(QLatin1Char('{'))) << explanation->text().toStdString();

    const RunSummary realRun = runStep(real);
    ASSERT_TRUE(realRun.error.isEmpty()) << realRun.error.toStdString();
    ASSERT_TRUE(realRun.python);
    EXPECT_EQ(lesson.progress().summaries[real].has_value(), true) << "the real run counts as the lesson's step";
    const QString text = explanation->text();
    const QString realWall = QLocale().toString(realRun.wallMs, 'f', 0);
    const QString emulatedWall = QLocale().toString(emulatedRun.wallMs, 'f', 0);
    EXPECT_TRUE(text.contains(realWall + QStringLiteral(" ms")))
        << realWall.toStdString() << " in " << text.toStdString();
    EXPECT_TRUE(text.contains(emulatedWall + QStringLiteral(" ms")))
        << emulatedWall.toStdString() << " in " << text.toStdString();
    EXPECT_TRUE(text.startsWith(scenario.text(Scenario::Field::Explanation)));
    EXPECT_FALSE(text.contains(QLatin1Char('{'))) << text.toStdString();
    EXPECT_TRUE(explanation->isVisibleTo(&window));
}
