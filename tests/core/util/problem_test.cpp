#include "core/run/runconfig.h"
#include "core/util/problem.h"

#include <QLocale>
#include <gtest/gtest.h>

using namespace conlab;

namespace {

// The default locale for one test, put back after it.
class DefaultLocale
{
public:
    explicit DefaultLocale(const QLocale& locale) { QLocale::setDefault(locale); }
    ~DefaultLocale() { QLocale::setDefault(m_saved); }

private:
    QLocale m_saved;
};

} // namespace

// The command line's wording: flags by their names, numbers as C writes them, whatever the window's language.
TEST(Problem, EnglishNamesTheFlagAndWritesPlainNumbers)
{
    const DefaultLocale russian(QLocale(QLocale::Russian, QLocale::Russia));
    RunConfig config;
    config.workload.tasks = 0;
    const auto problem = config.problem();
    ASSERT_TRUE(problem);
    EXPECT_EQ(problem->option, QStringLiteral("tasks"));
    EXPECT_EQ(problem->problem().english(), QStringLiteral("--tasks: must be from 1 to 1000000, got 0"));
    EXPECT_EQ(config.validationError(), QStringLiteral("--tasks: must be from 1 to 1000000, got 0"));
    EXPECT_EQ(problem->message(QStringLiteral("workload.tasks")),
        QStringLiteral("workload.tasks: must be from 1 to 1000000, got 0"));
}

// The window's wording: the setting by its label, numbers in the UI's locale (no translator is installed here, so
// the sentence stays English; the Translations and UiLanguage tests cover the Russian).
TEST(Problem, DescribeNamesTheSettingOnScreenAndFormatsNumbersForTheLocale)
{
    const DefaultLocale russian(QLocale(QLocale::Russian, QLocale::Russia));
    RunConfig config;
    config.switchIntervalMs = 1500.5;
    config.gil = true;
    const auto problem = config.problem();
    ASSERT_TRUE(problem);
    EXPECT_EQ(problem->problem().describe(),
        QStringLiteral("Switch interval: must be above 0 and at most 1") + QChar(0x00A0) + QStringLiteral("000, got 1")
            + QChar(0x00A0) + QStringLiteral("500,5"));
}

// A value is put in as it is: a path with "%1" in it is not taken for a placeholder, and problems nest.
TEST(Problem, ValuesAreNotPlaceholdersAndProblemsNest)
{
    const Problem inner(QT_TRANSLATE_NOOP("conlab::Problem", "Could not write the %1 %2: %3."),
        {Problem(QT_TRANSLATE_NOOP("conlab::Problem", "run file")), QStringLiteral("/tmp/100%1.json"),
            QStringLiteral("No space left on device")});
    EXPECT_EQ(
        inner.english(), QStringLiteral("Could not write the run file /tmp/100%1.json: No space left on device."));
    EXPECT_EQ(inner.describe(), inner.english());
    EXPECT_TRUE(Problem().isEmpty());
    EXPECT_FALSE(inner.isEmpty());
    EXPECT_EQ(Problem::verbatim(QStringLiteral("from an older file")).describe(), QStringLiteral("from an older file"));
}
