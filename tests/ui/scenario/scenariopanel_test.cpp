#include "tests/ui/child.h"
#include "tests/ui/scenario/tinyscenario.h"
#include "ui/scenario/scenariopanel.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <gtest/gtest.h>

using namespace conlab;

namespace {

// The UI language is the default QLocale; it is put back whatever the test's outcome.
struct DefaultLocale
{
    QLocale saved;

    explicit DefaultLocale(const QLocale& locale) { QLocale::setDefault(locale); }
    ~DefaultLocale() { QLocale::setDefault(saved); }
};

} // namespace

TEST(ScenarioPanel, WithoutAScenarioPointsAtTheMenu)
{
    QAction run;
    QAction next;
    ScenarioPanel panel(&run, &next);
    panel.showScenario(std::nullopt, {});
    EXPECT_FALSE(test::child<QLabel>(panel, "scenarioTitle")->isVisibleTo(&panel));
    EXPECT_EQ(panel.stepCount(), 0u);
}

TEST(ScenarioPanel, TextsComeInTheDefaultLocalesLanguage)
{
    test::TinyLibrary tiny;
    const Scenario& scenario = *tiny.library.find(QStringLiteral("tiny"));
    QAction run;
    QAction next;
    {
        DefaultLocale russian {QLocale(QLocale::Russian)};
        ScenarioPanel panel(&run, &next);
        panel.showScenario(scenario, ScenarioProgress::start(scenario));
        EXPECT_EQ(test::child<QLabel>(panel, "scenarioQuestion")->text(), QStringLiteral("Какая модель ждёт лучше?"));
        EXPECT_EQ(test::child<QLabel>(panel, "scenarioTitle")->text(), QStringLiteral("Маленький урок"));
        EXPECT_TRUE(panel.stepLabel(1)->text().contains(QStringLiteral("Три потока")));
    }
    EXPECT_NE(QLocale().language(), QLocale::Russian);

    // A language switch at run time: the panel derives its texts again from what it shows.
    ScenarioPanel panel(&run, &next);
    ScenarioProgress progress = ScenarioProgress::start(scenario);
    progress.wallMs[0] = 31;
    panel.showScenario(scenario, progress);
    EXPECT_EQ(test::child<QLabel>(panel, "scenarioExplanation")->text(), QStringLiteral("Waiting needs no core."));
    {
        DefaultLocale russian {QLocale(QLocale::Russian)};
        QEvent change(QEvent::LanguageChange);
        QApplication::sendEvent(&panel, &change);
        EXPECT_EQ(test::child<QLabel>(panel, "scenarioExplanation")->text(), QStringLiteral("Ожиданию не нужно ядро."));
        EXPECT_EQ(test::child<QLabel>(panel, "scenarioLookAt")->text(), QStringLiteral("Время выполнения."));
        EXPECT_TRUE(panel.stepLabel(0)->text().contains(QStringLiteral("Один поток")));
    }
    QEvent change(QEvent::LanguageChange);
    QApplication::sendEvent(&panel, &change);
    EXPECT_EQ(test::child<QLabel>(panel, "scenarioExplanation")->text(), QStringLiteral("Waiting needs no core."));
}

TEST(ScenarioPanel, StepsShowTheCurrentOneAndTheWallTimesOfThoseRun)
{
    test::TinyLibrary tiny;
    const Scenario& scenario = *tiny.library.find(QStringLiteral("tiny"));
    QAction run;
    QAction next;
    ScenarioPanel panel(&run, &next);
    ScenarioProgress progress = ScenarioProgress::start(scenario);
    progress.current = 1;
    progress.wallMs[0] = 31.2;
    progress.running = 1;
    panel.showScenario(scenario, progress);
    ASSERT_EQ(panel.stepCount(), 3u);
    EXPECT_EQ(panel.stepMarkerLabel(0)->text(), QStringLiteral("\u2713"));
    EXPECT_TRUE(panel.stepLabel(0)->text().startsWith(QStringLiteral("1. One thread")))
        << panel.stepLabel(0)->text().toStdString();
    EXPECT_TRUE(panel.stepLabel(0)->text().contains(QStringLiteral("31 ms")))
        << panel.stepLabel(0)->text().toStdString();
    EXPECT_EQ(panel.stepMarkerLabel(1)->text(), QStringLiteral("\u25B6"));
    EXPECT_TRUE(panel.stepLabel(1)->text().startsWith(QStringLiteral("2. Three threads")));
    EXPECT_TRUE(panel.stepLabel(1)->text().contains(QStringLiteral("running")));
    EXPECT_TRUE(panel.stepLabel(1)->font().bold());
    EXPECT_FALSE(panel.stepLabel(2)->font().bold());
    EXPECT_NE(panel.stepMarkerLabel(2)->text(), QStringLiteral("\u2713"));
    EXPECT_FALSE(panel.stepLabel(2)->text().contains(QStringLiteral("ms")));
    EXPECT_TRUE(test::child<QLabel>(panel, "scenarioStatus")->text().contains(QStringLiteral("Running step 2 of 3")));
}
