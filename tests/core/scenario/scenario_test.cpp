#include "core/sampling/usablecores.h"
#include "core/scenario/scenario.h"
#include "core/scenario/scenariolibrary.h"
#include "tests/pinnedcore.h"

#include <gtest/gtest.h>

using namespace conlab;

TEST(Scenario, TextsSayTheCoresThisProcessMayUse)
{
    Scenario scenario;
    scenario.explanation = LocalizedText {QStringLiteral("on your {cores} cores"), QStringLiteral("на ядрах: {cores}")};
    EXPECT_EQ(scenario.text(Scenario::Field::Explanation, QLocale(QLocale::English)),
        QStringLiteral("on your %1 cores").arg(usableCores()));
    EXPECT_EQ(scenario.text(Scenario::Field::Explanation, QLocale(QLocale::Russian)),
        QStringLiteral("на ядрах: %1").arg(usableCores()));

    // Computed when shown: pinned to one core, the same lesson says 1.
    const test::PinnedToOneCore pin;
    ASSERT_TRUE(pin.pinned());
    EXPECT_EQ(
        scenario.text(Scenario::Field::Explanation, QLocale(QLocale::English)), QStringLiteral("on your 1 cores"));
}

TEST(Scenario, BuiltInLessonsLeaveNoPlaceholderUnfilled)
{
    ScenarioLibrary library;
    library.addDirectory(ScenarioLibrary::builtInDirectory());
    int filled = 0;
    for (const Scenario& scenario : library.scenarios()) {
        for (const auto field : {Scenario::Field::Title, Scenario::Field::Question, Scenario::Field::Explanation,
                 Scenario::Field::LookAt}) {
            for (const QLocale& locale : {QLocale(QLocale::English), QLocale(QLocale::Russian)}) {
                const QString text = scenario.text(field, locale);
                EXPECT_FALSE(text.contains(QLatin1Char('{'))) << scenario.id.toStdString();
                filled += text.contains(QStringLiteral("= %1)").arg(usableCores()))
                    + text.contains(QStringLiteral(": %1)").arg(usableCores()));
            }
        }
    }
    EXPECT_GE(filled, 4) << "cpu-bound and too-many-threads name the cores in both languages";
}
