#include "tests/app/childprocesses.h"
#include "tests/app/runconlab.h"
#include "tests/timingslack.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <csignal>
#include <gtest/gtest.h>

// The window closed mid-run, the way a session closes it (SIGTERM; Ctrl+C in a terminal is SIGINT): the real binary,
// with every model, must close its window, cancel the run, reap its workers and exit within a second.
namespace {

using namespace conlab::test;

struct CloseCase
{
    const char* name;
    QStringList model;
    int children; // worker processes the run starts
    int signal = SIGTERM;
};

class WindowClosedMidRunTiming : public ::testing::TestWithParam<CloseCase>
{
};

bool waitUntil(const std::function<bool()>& done, int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > ms)
            return false;
        QThread::msleep(10);
    }
    return true;
}

TEST_P(WindowClosedMidRunTiming, ExitsWithinASecondLeavingNoChild)
{
    const CloseCase& c = GetParam();
    const QTemporaryDir home;
    ASSERT_TRUE(home.isValid());
    QProcess app;
    app.setProcessEnvironment(offscreenEnvironment(home.path()));
    // Long CPU-bound tasks on every core: the run cannot end by itself during the test.
    app.start(QStringLiteral(CONLAB_BINARY),
        c.model
            + QStringList {QStringLiteral("--workload"), QStringLiteral("cpu"), QStringLiteral("--tasks"),
                QStringLiteral("64"), QStringLiteral("--workers"), QStringLiteral("2"), QStringLiteral("--cpu-ms"),
                QStringLiteral("2000"), QStringLiteral("--autorun")});
    ASSERT_TRUE(app.waitForStarted());
    const qint64 pid = app.processId();

    // Under way: the engine thread exists and, for pools of processes, every worker has started.
    ASSERT_TRUE(waitUntil(
        [&] {
            return threadNamesOf(pid).contains(QStringLiteral("conlab-engine")) && childrenOf(pid).size() >= c.children;
        },
        slack(20'000)))
        << "the run did not start; stderr: " << app.readAllStandardError().toStdString();
    QThread::msleep(300); // well into the first tasks
    const QList<qint64> children = childrenOf(pid);
    EXPECT_EQ(children.size(), c.children);

    QElapsedTimer sinceClose;
    sinceClose.start();
    ::kill(pid_t(pid), c.signal);
    const bool exited = app.waitForFinished(slack(5'000));
    const qint64 exitMs = sinceClose.elapsed();
    const QByteArray err = app.readAllStandardError();
    std::printf("[ measured ] %s: exited %lld ms after the signal\n", c.name, static_cast<long long>(exitMs));
    ASSERT_TRUE(exited) << "still running 5 s after the signal";
    EXPECT_LT(exitMs, slack(1'000));
    EXPECT_EQ(app.exitStatus(), QProcess::NormalExit) << "killed by the signal instead of closing";
    EXPECT_EQ(app.exitCode(), 0) << err.toStdString();
    EXPECT_FALSE(err.contains("QThread: Destroyed while thread")) << err.toStdString();
    // Workers were reaped by the app before it exited, not left for init.
    for (qint64 child : children)
        EXPECT_TRUE(isGone(child)) << "worker " << child << " still runs";
}

const QStringList processes {QStringLiteral("--model"), QStringLiteral("processes")};

INSTANTIATE_TEST_SUITE_P(EveryModel, WindowClosedMidRunTiming,
    ::testing::Values(CloseCase {"sequential", {QStringLiteral("--model"), QStringLiteral("sequential")}, 0},
        CloseCase {"processes", processes, 2}, CloseCase {"processesByCtrlC", processes, 2, SIGINT},
        CloseCase {"threads", {QStringLiteral("--model"), QStringLiteral("threads")}, 0},
        CloseCase {"threadsGil", {QStringLiteral("--model"), QStringLiteral("threads"), QStringLiteral("--gil")}, 0},
        CloseCase {"eventloop", {QStringLiteral("--model"), QStringLiteral("eventloop")}, 0},
        CloseCase {"eventloopThreadPool",
            {QStringLiteral("--model"), QStringLiteral("eventloop"), QStringLiteral("--offload"),
                QStringLiteral("threads")},
            0},
        CloseCase {"eventloopProcessPool",
            {QStringLiteral("--model"), QStringLiteral("eventloop"), QStringLiteral("--offload"),
                QStringLiteral("processes")},
            2}),
    [](const ::testing::TestParamInfo<CloseCase>& instance) { return std::string(instance.param.name); });

} // namespace
