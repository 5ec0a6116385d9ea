#include "run/runoptions.h"

#include <QCommandLineParser>
#include <gtest/gtest.h>

using namespace conlab;

namespace {

std::optional<RunConfig> parse(const QStringList& arguments, const RunConfig& base, QString* error)
{
    QCommandLineParser parser;
    addRunOptions(parser);
    EXPECT_TRUE(parser.parse(QStringList {QStringLiteral("conlab")} + arguments)) << parser.errorText().toStdString();
    return runConfigFromOptions(parser, error, base);
}

RunConfig counterBase()
{
    RunConfig base;
    base.model = ModelKind::Threads;
    base.gil = true;
    base.workers = 4;
    base.workload.kind = WorkloadKind::Counter;
    base.workload.tasks = 4;
    base.workload.lock = true;
    return base;
}

} // namespace

TEST(RunOptions, UnsetOptionsKeepTheBase)
{
    QString error;
    const auto config = parse({QStringLiteral("--tasks"), QStringLiteral("2")}, counterBase(), &error);
    ASSERT_TRUE(config) << error.toStdString();
    EXPECT_EQ(config->workload.tasks, 2);
    EXPECT_EQ(config->workers, 4);
    EXPECT_EQ(config->model, ModelKind::Threads);
    EXPECT_EQ(config->workload.kind, WorkloadKind::Counter);
    EXPECT_TRUE(config->gil); // an absent flag does not switch the base's off
    EXPECT_TRUE(config->workload.lock);
}

TEST(RunOptions, MisplacedOptionsAreJudgedOnTheBase)
{
    QString error;
    // --increments means something for the base's counter workload...
    EXPECT_TRUE(parse({QStringLiteral("--increments"), QStringLiteral("10")}, counterBase(), &error))
        << error.toStdString();
    // ...and --switch-interval-ms for its GIL.
    EXPECT_TRUE(parse({QStringLiteral("--switch-interval-ms"), QStringLiteral("2")}, counterBase(), &error));
    // Not on the defaults.
    EXPECT_FALSE(parse({QStringLiteral("--increments"), QStringLiteral("10")}, RunConfig(), &error));
    EXPECT_EQ(error, QStringLiteral("--increments: only the counter workload uses it"));
}

TEST(RunOptions, MisplacedOptionNamesTheOption)
{
    RunConfig config;
    const auto given
        = [](const char* name) { return [name](const QString& option) { return option == QLatin1String(name); }; };
    EXPECT_FALSE(misplacedOption(given("tasks"), config));
    EXPECT_EQ(misplacedOption(given("lock"), config)->option, QStringLiteral("lock"));
    EXPECT_EQ(misplacedOption(given("switch-interval-ms"), config)->option, QStringLiteral("switch-interval-ms"));
    config.workload.kind = WorkloadKind::Counter;
    EXPECT_EQ(misplacedOption(given("yield-between"), config)->option, QStringLiteral("yield-between"));
    config.model = ModelKind::EventLoop;
    EXPECT_FALSE(misplacedOption(given("yield-between"), config));
}

TEST(RunConfigProblem, NamesTheSettingApartFromTheText)
{
    RunConfig config;
    EXPECT_FALSE(config.problem());
    config.workload.tasks = 0;
    const auto problem = config.problem();
    ASSERT_TRUE(problem);
    EXPECT_EQ(problem->option, QStringLiteral("tasks"));
    EXPECT_EQ(problem->text, QStringLiteral("must be from 1 to 1000000, got 0"));
    EXPECT_EQ(config.validationError(), QStringLiteral("--tasks: must be from 1 to 1000000, got 0"));
    EXPECT_EQ(problem->message(QStringLiteral("workload.tasks")),
        QStringLiteral("workload.tasks: must be from 1 to 1000000, got 0"));

    config.workload.tasks = 1;
    config.workload.cpuMs = -1;
    EXPECT_EQ(config.validationError(), QStringLiteral("--cpu-ms: must be from 0 to 3600000 (an hour), got -1"));
}
