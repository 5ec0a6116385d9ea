#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QThread>
#include <csignal>
#include <gtest/gtest.h>

namespace {

// Children of `pid`: /proc/PID/task/TID/children lists them per thread (QProcess forks from the engine thread).
QList<qint64> childrenOf(qint64 pid)
{
    QList<qint64> children;
    const QString taskDir = QStringLiteral("/proc/%1/task").arg(pid);
    for (const QString& tid : QDir(taskDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile file(QStringLiteral("%1/%2/children").arg(taskDir, tid));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray& child : file.readAll().simplified().split(' ')) {
            if (!child.isEmpty())
                children << child.toLongLong();
        }
    }
    return children;
}

// Gone, or a zombie waiting for init to reap it: either way it no longer runs.
bool isGone(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray line = stat.readAll();
    return line.mid(line.lastIndexOf(')') + 2, 1) == "Z";
}

bool allGoneWithin(const QList<qint64>& pids, int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        if (std::all_of(pids.begin(), pids.end(), isGone))
            return true;
        QThread::msleep(10);
    }
    return std::all_of(pids.begin(), pids.end(), isGone);
}

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

TEST(ProcessesCli, WorkersDieWithinASecondWhenTheParentIsKilled)
{
    QProcess parent;
    const QList<qint64> workers = startLongProcessesRun(parent);
    ::kill(pid_t(parent.processId()), SIGKILL);
    parent.waitForFinished(5000);
    EXPECT_TRUE(allGoneWithin(workers, 1000));
}

TEST(ProcessesCli, InterruptCancelsTheRunAndReapsEveryWorker)
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
