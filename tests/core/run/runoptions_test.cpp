#include "core/run/runoptions.h"

#include <QCommandLineParser>
#include <gtest/gtest.h>

using namespace conlab;

namespace {

std::optional<RunConfig> parse(
    const QStringList& options, const RunConfig& base = RunConfig(), QString* error = nullptr)
{
    QCommandLineParser parser;
    addRunOptions(parser);
    if (!parser.parse(QStringList {QStringLiteral("conlab")} + options))
        return std::nullopt;
    QString ignored;
    return runConfigFromOptions(parser, error ? error : &ignored, base);
}

RunConfig rememberedCounter()
{
    RunConfig base;
    base.model = ModelKind::EventLoop;
    base.gil = true;
    base.offload = OffloadKind::Threads;
    base.workers = 4;
    base.workload.kind = WorkloadKind::Counter;
    base.workload.tasks = 6;
    base.workload.increments = 500;
    base.workload.lock = true;
    base.workload.yieldBetween = true;
    return base;
}

} // namespace

TEST(RunOptions, WithoutABaseUnsetOptionsKeepTheDefaults)
{
    const auto config = parse({QStringLiteral("--tasks"), QStringLiteral("3")});
    ASSERT_TRUE(config.has_value());
    const RunConfig defaults;
    EXPECT_EQ(config->workload.tasks, 3);
    EXPECT_EQ(config->model, defaults.model);
    EXPECT_FALSE(config->gil);
    EXPECT_DOUBLE_EQ(config->workload.cpuMs, defaults.workload.cpuMs);
}

TEST(RunOptions, UnsetOptionsKeepTheBasesValues)
{
    const auto config = parse({QStringLiteral("--tasks"), QStringLiteral("9")}, rememberedCounter());
    ASSERT_TRUE(config.has_value());
    EXPECT_EQ(config->workload.tasks, 9);
    EXPECT_EQ(config->model, ModelKind::EventLoop);
    EXPECT_TRUE(config->gil);
    EXPECT_EQ(config->offload, OffloadKind::Threads);
    EXPECT_EQ(config->workers, 4);
    EXPECT_EQ(config->workload.kind, WorkloadKind::Counter);
    EXPECT_EQ(config->workload.increments, 500);
    EXPECT_TRUE(config->workload.lock);
    EXPECT_TRUE(config->workload.yieldBetween);

    // Options that belong to the base's settings are accepted: the switch interval of a remembered GIL.
    const auto interval = parse({QStringLiteral("--switch-interval-ms"), QStringLiteral("1")}, rememberedCounter());
    ASSERT_TRUE(interval.has_value());
    EXPECT_DOUBLE_EQ(interval->switchIntervalMs, 1.0);
}

TEST(RunOptions, NamingAModelOrAWorkloadReplacesTheWholeChoice)
{
    const auto model = parse({QStringLiteral("--model"), QStringLiteral("threads")}, rememberedCounter());
    ASSERT_TRUE(model.has_value());
    EXPECT_EQ(model->model, ModelKind::Threads);
    EXPECT_FALSE(model->gil) << "the remembered GIL is not asked for";
    EXPECT_EQ(model->offload, OffloadKind::None);
    EXPECT_FALSE(model->workload.yieldBetween) << "only a coroutine awaits between read and write";

    const auto withGil
        = parse({QStringLiteral("--model"), QStringLiteral("threads"), QStringLiteral("--gil")}, rememberedCounter());
    ASSERT_TRUE(withGil.has_value());
    EXPECT_TRUE(withGil->gil);

    const auto workload = parse({QStringLiteral("--workload"), QStringLiteral("counter")}, rememberedCounter());
    ASSERT_TRUE(workload.has_value());
    EXPECT_FALSE(workload->workload.lock);
    EXPECT_FALSE(workload->workload.yieldBetween);
    EXPECT_EQ(workload->workload.increments, 500);
}

TEST(RunOptions, TheMergedSettingsAreCheckedAsAWhole)
{
    QString error;
    // --increments needs the counter workload; the base has it, the defaults do not.
    EXPECT_TRUE(parse({QStringLiteral("--increments"), QStringLiteral("7")}, rememberedCounter(), &error));
    EXPECT_FALSE(parse({QStringLiteral("--increments"), QStringLiteral("7")}, RunConfig(), &error));
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
    EXPECT_EQ(problem->text.english(), QStringLiteral("must be from 1 to 1000000, got 0"));
    EXPECT_EQ(config.validationError(), QStringLiteral("--tasks: must be from 1 to 1000000, got 0"));
    EXPECT_EQ(problem->message(QStringLiteral("workload.tasks")),
        QStringLiteral("workload.tasks: must be from 1 to 1000000, got 0"));

    config.workload.tasks = 1;
    config.workload.cpuMs = -1;
    EXPECT_EQ(config.validationError(), QStringLiteral("--cpu-ms: must be from 0 to 3600000 (an hour), got -1"));
}
