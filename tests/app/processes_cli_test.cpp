#include "tests/app/childprocesses.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QThread>
#include <csignal>
#include <gtest/gtest.h>

namespace {

using conlab::test::allGoneWithin;
using conlab::test::childrenOf;
using conlab::test::isGone;

// Starts a long processes run and returns once both workers exist.
QList<qint64> startLongProcessesRun(QProcess& parent)
{
    parent.start(QStringLiteral(CONLAB_BINARY),
        {QStringLiteral("run"), QStringLiteral("--model"), QStringLiteral("processes"), QStringLiteral("--workload"),
            QStringLiteral("cpu"), QStringLiteral("--tasks"), QStringLiteral("100"), QStringLiteral("--workers"),
            QStringLiteral("2"), QStringLiteral("--cpu-ms"), QStringLiteral("10000")});
    EXPECT_TRUE(parent.waitForStarted());
    QElapsedTimer timer;
    timer.start();
    QList<qint64> workers;
    while (timer.elapsed() < 10'000 && workers.size() < 2) {
        QThread::msleep(20);
        workers = childrenOf(parent.processId());
    }
    EXPECT_EQ(workers.size(), 2);
    return workers;
}

} // namespace

TEST(ProcessesCliTiming, WorkersDieWithinASecondWhenTheParentIsKilled)
{
    QProcess parent;
    const QList<qint64> workers = startLongProcessesRun(parent);
    ::kill(pid_t(parent.processId()), SIGKILL);
    parent.waitForFinished(5000);
    EXPECT_TRUE(allGoneWithin(workers, 1000));
}

TEST(ProcessesCliTiming, InterruptCancelsTheRunAndReapsEveryWorker)
{
    QProcess parent;
    const QList<qint64> workers = startLongProcessesRun(parent);
    QElapsedTimer timer;
    timer.start();
    ::kill(pid_t(parent.processId()), SIGINT);
    ASSERT_TRUE(parent.waitForFinished(5000));
    EXPECT_LT(timer.elapsed(), 1000);
    EXPECT_EQ(parent.exitCode(), 130) << parent.readAllStandardError().toStdString();
    EXPECT_TRUE(parent.readAllStandardOutput().contains("cancelled"));
    for (qint64 pid : workers)
        EXPECT_TRUE(isGone(pid)) << "worker " << pid << " still runs";
}
