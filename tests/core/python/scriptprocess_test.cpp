#include "core/python/processtree.h"
#include "core/python/scriptprocess.h"
#include "tests/timingslack.h"

#include <QElapsedTimer>
#include <QProcessEnvironment>
#include <QThread>
#include <gtest/gtest.h>
#include <sys/eventfd.h>
#include <unistd.h>

using namespace conlab;

namespace {

QStringList environment()
{
    return QProcessEnvironment::systemEnvironment().toStringList();
}

// A shell that reads its start gate (fd 3) first, as the bootstrap does, then runs `script`.
bool startGated(ScriptProcess& process, const QString& script)
{
    QString error;
    const bool started = process.start(QStringLiteral("/bin/sh"),
        {QStringLiteral("-c"), QStringLiteral("head -c 1 <&3 >/dev/null; exec 3<&-; ") + script}, environment(),
        &error);
    EXPECT_TRUE(started) << error.toStdString();
    return started;
}

class EventFd
{
public:
    EventFd()
        : m_fd(::eventfd(0, EFD_CLOEXEC))
    {
    }
    ~EventFd() { ::close(m_fd); }
    int fd() const { return m_fd; }
    void signal() const
    {
        const std::uint64_t one = 1;
        [[maybe_unused]] auto written = ::write(m_fd, &one, sizeof one);
    }

private:
    int m_fd;
};

bool waitFor(const std::function<bool()>& condition, int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        if (condition())
            return true;
        QThread::msleep(10);
    }
    return condition();
}

} // namespace

TEST(ScriptProcess, WaitsAtItsGateUntilReleasedThenReportsItsExit)
{
    ScriptProcess process;
    ASSERT_TRUE(startGated(process, QStringLiteral("echo out; echo err >&2; exit 3")));
    QThread::msleep(100);
    EXPECT_EQ(process.standardOutput().totalBytes(), 0u) << "ran before its release";
    process.release();
    EventFd never;
    EXPECT_TRUE(process.pumpUntilExit(never.fd()));
    const ScriptProcess::Exit exit = process.reap();
    EXPECT_EQ(exit.code, 3);
    EXPECT_EQ(process.standardOutput().text(), QStringLiteral("out\n"));
    EXPECT_EQ(process.standardError().text(), QStringLiteral("err\n"));
}

TEST(ScriptProcess, LeadsItsOwnProcessGroup)
{
    ScriptProcess process;
    ASSERT_TRUE(startGated(process, QStringLiteral("exit 0")));
    const auto stat = readProcStat(process.pid());
    ASSERT_TRUE(stat.has_value());
    EXPECT_EQ(stat->group, process.pid());
    EXPECT_EQ(stat->parent, ::getpid());
    process.release();
    EventFd never;
    process.pumpUntilExit(never.fd());
    process.reap();
}

// A script that never ends, with children and a grandchild (as multiprocessing makes them): cancelling ends the whole
// tree within about a second, even the process that ignores SIGTERM, and leaves nothing running.
TEST(ScriptProcess, StoppingEndsTheWholeTreeWithinASecondOfGrace)
{
    ScriptProcess process;
    ASSERT_TRUE(startGated(process,
        QStringLiteral("sleep 1000 & sh -c 'trap \"\" TERM; while :; do sleep 0.05; done' & "
                       "sh -c 'sleep 1000 & wait' & wait")));
    process.release();
    ASSERT_TRUE(waitFor([&] { return descendantsOf(process.pid()).size() >= 4; }, 5000))
        << descendantsOf(process.pid()).size() << " descendants";
    const pid_t group = process.pid();
    EventFd cancel;
    cancel.signal();
    EXPECT_FALSE(process.pumpUntilExit(cancel.fd()));
    QElapsedTimer timer;
    timer.start();
    process.stopTree(1000);
    process.reap();
    EXPECT_LT(timer.elapsed(), test::slack(1500));
    EXPECT_TRUE(waitFor([&] { return livingGroupMembers(group).empty(); }, 1000))
        << livingGroupMembers(group).size() << " processes left running";
}

TEST(ScriptProcess, WhatTheProgramLeftRunningEndsWithIt)
{
    ScriptProcess process;
    ASSERT_TRUE(startGated(process, QStringLiteral("sleep 1000 >/dev/null 2>&1 & exit 0")));
    const pid_t group = process.pid();
    process.release();
    EventFd never;
    EXPECT_TRUE(process.pumpUntilExit(never.fd()));
    EXPECT_EQ(process.reap().code, 0);
    EXPECT_TRUE(waitFor([&] { return livingGroupMembers(group).empty(); }, 1000));
}

// Megabytes on both streams: the pipes are drained as the program writes, so it never blocks, and the captures stay
// at their caps.
TEST(ScriptProcess, MegabytesOfOutputNeitherHangNorGrowPastTheCap)
{
    ScriptProcess process;
    ASSERT_TRUE(startGated(process,
        QStringLiteral("head -c 8000000 /dev/zero | tr '\\0' 'x'; head -c 3000000 /dev/zero | tr '\\0' 'y' >&2; "
                       "echo; echo last line")));
    process.release();
    EventFd never;
    QElapsedTimer timer;
    timer.start();
    EXPECT_TRUE(process.pumpUntilExit(never.fd()));
    EXPECT_EQ(process.reap().code, 0);
    EXPECT_LT(timer.elapsed(), test::slack(10'000));
    EXPECT_EQ(process.standardOutput().totalBytes(), 8'000'000u + 1 + 10);
    EXPECT_LE(process.standardOutput().text().size(), qsizetype(OutputCapture::defaultCapBytes + 200));
    EXPECT_TRUE(process.standardOutput().text().endsWith(QStringLiteral("\nlast line\n")));
    EXPECT_EQ(process.standardError().totalBytes(), 3'000'000u);
}

TEST(ScriptProcess, ReleasingAProgramThatIsAlreadyGoneIsHarmless)
{
    ScriptProcess process;
    QString error;
    ASSERT_TRUE(process.start(
        QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("exit 7")}, environment(), &error));
    EventFd never;
    EXPECT_TRUE(process.pumpUntilExit(never.fd()));
    process.release(); // its gate is closed: no SIGPIPE may reach this process
    EXPECT_EQ(process.reap().code, 7);
}

TEST(ScriptProcess, AProgramThatCannotStartIsAnError)
{
    ScriptProcess process;
    QString error;
    EXPECT_FALSE(process.start(QStringLiteral("/nonexistent/python3"), {}, environment(), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("/nonexistent/python3"))) << error.toStdString();
}
