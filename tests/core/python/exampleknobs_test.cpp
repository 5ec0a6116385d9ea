#include "core/python/exampleknobs.h"
#include "core/python/examplescripts.h"
#include "core/run/runconfig.h"
#include "tests/core/python/pythonrun.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace conlab;

TEST(ExampleKnobs, EveryShippedExampleIsKnown)
{
    for (const QString& name : exampleScriptNames()) {
        const auto knobs = exampleKnobs(exampleScriptPath(name));
        ASSERT_TRUE(knobs.has_value()) << name.toStdString();
        EXPECT_EQ(knobs->name, name);
        EXPECT_NE(knobs->knobs, 0u) << name.toStdString();
    }
}

TEST(ExampleKnobs, OnlyTheKnobsAnExampleReadsBecomeArguments)
{
    RunConfig config;
    config.workload.tasks = 6;
    config.workers = 3;
    config.workload.cpuMs = 12.5;
    config.workload.ioMs = 7;
    config.workload.increments = 1000;
    config.workload.lock = true;
    EXPECT_EQ(exampleArguments(exampleScriptPath(QStringLiteral("cpu_threads")), config),
        (QStringList {QStringLiteral("--tasks"), QStringLiteral("6"), QStringLiteral("--workers"), QStringLiteral("3"),
            QStringLiteral("--cpu-ms"), QStringLiteral("12.5")}));
    EXPECT_EQ(exampleArguments(exampleScriptPath(QStringLiteral("cpu_asyncio")), config),
        (QStringList {
            QStringLiteral("--tasks"), QStringLiteral("6"), QStringLiteral("--cpu-ms"), QStringLiteral("12.5")}));
    EXPECT_EQ(exampleArguments(exampleScriptPath(QStringLiteral("convoy")), config),
        (QStringList {
            QStringLiteral("--cpu-ms"), QStringLiteral("12.5"), QStringLiteral("--io-ms"), QStringLiteral("7")}));
    EXPECT_EQ(exampleArguments(exampleScriptPath(QStringLiteral("counter")), config),
        (QStringList {QStringLiteral("--tasks"), QStringLiteral("6"), QStringLiteral("--increments"),
            QStringLiteral("1000"), QStringLiteral("--lock")}));
    config.workers = 0; // auto: the script's own default, one per core
    EXPECT_EQ(exampleArguments(exampleScriptPath(QStringLiteral("io_threads")), config),
        (QStringList {QStringLiteral("--tasks"), QStringLiteral("6"), QStringLiteral("--io-ms"), QStringLiteral("7")}));
    EXPECT_TRUE(exampleArguments(QStringLiteral("/home/user/mine.py"), config).isEmpty());
    EXPECT_FALSE(exampleKnobs(QStringLiteral("/home/user/cpu_threads.py")).has_value());
}

// The blocked loop takes the executor box as its --offload, as the emulated event loop does: the blocked loop and its
// fix are one choice apart. Only an example that reads it may be given one.
TEST(ExampleKnobs, TheBlockedLoopTakesTheExecutorChoice)
{
    RunConfig config;
    config.model = ModelKind::Python;
    config.workload.tasks = 2;
    config.workload.cpuMs = 150;
    const QString blockedLoop = exampleScriptPath(QStringLiteral("blocked_loop"));
    config.python = PythonScript {blockedLoop, QString(), {}};
    EXPECT_EQ(exampleArguments(blockedLoop, config),
        (QStringList {QStringLiteral("--tasks"), QStringLiteral("2"), QStringLiteral("--cpu-ms"), QStringLiteral("150"),
            QStringLiteral("--offload"), QStringLiteral("none")}));
    config.offload = OffloadKind::Threads;
    EXPECT_EQ(exampleArguments(blockedLoop, config).mid(4),
        (QStringList {QStringLiteral("--offload"), QStringLiteral("threads")}));
    EXPECT_FALSE(config.validationError().contains(QStringLiteral("offload")))
        << config.validationError().toStdString();
    config.python->script = exampleScriptPath(QStringLiteral("cpu_asyncio"));
    EXPECT_FALSE(exampleArguments(config.python->script, config).contains(QStringLiteral("--offload")));
    EXPECT_TRUE(config.validationError().startsWith(QStringLiteral("--offload")))
        << "cpu_asyncio has no executor to offload to: " << config.validationError().toStdString();
}

// Every example accepts exactly the arguments the window gives it: an option it does not know would end it with
// argparse's "unrecognized arguments" (exit code 2).
TEST(ExampleKnobs, EveryExampleRunsWithItsArguments)
{
    CONLAB_REQUIRE_PYTHON();
    RunConfig config;
    config.workload.tasks = 2;
    config.workers = 2;
    config.workload.cpuMs = 1;
    config.workload.ioMs = 1;
    config.workload.increments = 50;
    config.workload.lock = true;
    QTemporaryDir dir;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CONLAB_ITERATIONS_PER_MS"), QStringLiteral("1000"));
    environment.remove(QStringLiteral("CONLAB_LATENCY_SERVER"));
    // One copy of every example (and the module they share) serves them all.
    QString error;
    ASSERT_FALSE(extractExampleScripts(dir, exampleScriptPath(exampleScriptNames().front()), &error).isEmpty())
        << error.toStdString();
    for (const QString& name : exampleScriptNames()) {
        const QString resource = exampleScriptPath(name);
        const QString script = dir.filePath(name + QStringLiteral(".py"));
        QProcess python;
        python.setProcessEnvironment(environment);
        python.start(conlab::test::testInterpreter(), QStringList {script} + exampleArguments(resource, config));
        ASSERT_TRUE(python.waitForFinished(30'000)) << name.toStdString();
        EXPECT_EQ(python.exitCode(), 0) << name.toStdString() << ": " << python.readAllStandardError().toStdString();
    }
}
