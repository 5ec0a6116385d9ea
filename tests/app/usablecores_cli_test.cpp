#include "tests/app/runconlab.h"
#include "tests/pinnedcore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>

using namespace conlab::test;

namespace {

// `conlab run ARGS --json` under `taskset -c FIRST` (the first CPU this test may use), as a user pins it.
QJsonObject runPinned(const QStringList& arguments)
{
    const QString taskset = systemTool("taskset");
    if (taskset.isEmpty())
        return {};
    const int first = firstAllowedCpu();
    const CliResult result = runProgram(taskset,
        QStringList {QStringLiteral("-c"), QString::number(first), QStringLiteral(CONLAB_BINARY)}
            + runArgs(arguments + QStringList {QStringLiteral("--json")}));
    EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
    return QJsonDocument::fromJson(result.out).object();
}

QStringList cpuThreads(int tasks, int cpuMs)
{
    return {QStringLiteral("--model"), QStringLiteral("threads"), QStringLiteral("--workload"), QStringLiteral("cpu"),
        QStringLiteral("--tasks"), QString::number(tasks), QStringLiteral("--cpu-ms"), QString::number(cpuMs)};
}

} // namespace

TEST(UsableCoresCli, TasksetGivesOneCoreAndOneDefaultWorker)
{
    if (systemTool("taskset").isEmpty())
        GTEST_SKIP() << "taskset (util-linux) is not installed";
    const QJsonObject summary = runPinned(cpuThreads(2, 5));
    EXPECT_EQ(summary[QLatin1String("usable_cores")].toInt(), 1);
    EXPECT_EQ(summary[QLatin1String("workers")].toInt(), 1) << "one worker per core this process may use";
    EXPECT_GE(summary[QLatin1String("cores")].toInt(), 1) << "the machine's cores are still all drawn";
}

TEST(UsableCoresCliTiming, CpuBoundThreadsUnderTasksetRunAtOneCore)
{
    if (systemTool("taskset").isEmpty())
        GTEST_SKIP() << "taskset (util-linux) is not installed";
    // Four threads asked for explicitly: the machine may have more cores, the process has one.
    const QJsonObject summary
        = runPinned(cpuThreads(8, 40) + QStringList {QStringLiteral("--workers"), QStringLiteral("4")});
    const double wallMs = summary[QLatin1String("wall_ms")].toDouble();
    const double cpuMs = summary[QLatin1String("cpu_ms")].toDouble();
    ASSERT_GT(wallMs, 0);
    // About 1x: 320 ms of work take at least ~320 ms of wall time on one core, whatever the threads.
    EXPECT_LE(cpuMs / wallMs, 1.15) << "cpu " << cpuMs << " ms in " << wallMs << " ms";
    EXPECT_GE(wallMs, 0.8 * 8 * 40) << "8 x 40 ms of CPU cannot finish sooner on one core";
}
