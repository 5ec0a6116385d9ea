#include "core/python/processtree.h"
#include "core/python/pythonmodel.h"
#include "tests/core/python/pythonchild.h"
#include "tests/core/python/pythonrun.h"
#include "tests/core/testrun.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <cmath>
#include <csignal>
#include <gtest/gtest.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace conlab;
using conlab::test::pythonConfig;
using conlab::test::runToCompletion;

namespace {

// The number a script printed after `key` ("own_ms 123.4"), or NaN when it printed none.
double printedNumber(const RunSummary& summary, const QString& key)
{
    const QRegularExpressionMatch printed
        = QRegularExpression(QRegularExpression::escape(key) + QStringLiteral(R"( ([\d.]+))"))
              .match(summary.python->stdoutText);
    return printed.hasMatch() ? printed.captured(1).toDouble() : std::nan("");
}

} // namespace

// Every test here starts a real interpreter: "Process" in the suite's name keeps them out of the TSan run.
TEST(PythonModelProcess, RunsTheScriptUnchangedWithItsArgumentsAndTheKnobs)
{
    CONLAB_REQUIRE_PYTHON();
    QTemporaryDir dir;
    const RunResult result = runToCompletion(pythonConfig(dir,
        QStringLiteral("import os, sys\n"
                       "print('argv', sys.argv[1:])\n"
                       "print('name', __name__, os.path.basename(sys.argv[0]))\n"
                       "print('path0', sys.path[0] == os.path.dirname(os.path.abspath(__file__)))\n"
                       "print('tasks', os.environ['CONLAB_TASKS'], 'workers', os.environ['CONLAB_WORKERS'])\n"
                       "print('server', 'CONLAB_LATENCY_SERVER' in os.environ)\n"
                       "print('gate', os.path.exists('/proc/self/fd/3'))\n"),
        {QStringLiteral("--flag"), QStringLiteral("two words")}));
    const RunSummary& summary = result.summary;
    EXPECT_TRUE(summary.error.isEmpty()) << summary.error.toStdString();
    ASSERT_TRUE(summary.python.has_value());
    const QString out = summary.python->stdoutText;
    EXPECT_TRUE(out.contains(QStringLiteral("argv ['--flag', 'two words']"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("name __main__ script.py"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("path0 True"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("tasks 3 workers 2"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("server True"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("gate False"))) << "the start gate leaked into the script";
    EXPECT_EQ(summary.python->exitCode, 0);
    EXPECT_FALSE(summary.python->executable.isEmpty());
    EXPECT_GT(summary.wallMs, 0);
    EXPECT_GT(summary.cpuMs, 0);
    EXPECT_GT(summary.peakRssMb, 1);
}

// The bootstrap names each native thread after its Python thread, so /proc (and the lanes) show the names.
TEST(PythonModelProcess, NativeThreadsCarryTheirPythonNames)
{
    CONLAB_REQUIRE_PYTHON();
    QTemporaryDir dir;
    const RunResult result = runToCompletion(pythonConfig(dir,
        QStringLiteral("import threading\n"
                       "def report():\n"
                       "    tid = threading.get_native_id()\n"
                       "    print('comm', open(f'/proc/self/task/{tid}/comm').read().strip(), flush=True)\n"
                       "t = threading.Thread(target=report, name='downloader')\n"
                       "t.start(); t.join()\n"
                       "report()\n")));
    ASSERT_TRUE(result.summary.python.has_value());
    const QString out = result.summary.python->stdoutText;
    EXPECT_TRUE(out.contains(QStringLiteral("comm downloader\n"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("comm MainThread\n"))) << out.toStdString();
}

TEST(PythonModelProcess, AnUncaughtExceptionFailsTheRunWithTheScriptsTraceback)
{
    CONLAB_REQUIRE_PYTHON();
    QTemporaryDir dir;
    const RunResult result = runToCompletion(pythonConfig(dir,
        QStringLiteral("print('before')\n"
                       "def deep():\n"
                       "    raise ValueError('the answer was 41')\n"
                       "deep()\n")));
    const RunSummary& summary = result.summary;
    EXPECT_TRUE(summary.error.startsWith(QStringLiteral("the script exited with code 1")))
        << summary.error.toStdString();
    EXPECT_TRUE(summary.error.contains(QStringLiteral("ValueError: the answer was 41"))) << summary.error.toStdString();
    EXPECT_TRUE(summary.error.contains(QStringLiteral("in deep"))) << summary.error.toStdString();
    EXPECT_FALSE(summary.python->stderrText.contains(QStringLiteral("runpy"))) << "conlab's frames in the traceback";
    EXPECT_TRUE(summary.python->stdoutText.contains(QStringLiteral("before")));
    EXPECT_FALSE(summary.cancelled);
    ASSERT_TRUE(result.trace);
}

TEST(PythonModelProcess, ASyntaxErrorFailsTheRunAndSaysWhere)
{
    CONLAB_REQUIRE_PYTHON();
    QTemporaryDir dir;
    const RunResult result = runToCompletion(pythonConfig(dir, QStringLiteral("x = 1\nif x\n    print(x)\n")));
    EXPECT_TRUE(result.summary.error.contains(QStringLiteral("SyntaxError"))) << result.summary.error.toStdString();
    EXPECT_TRUE(result.summary.error.contains(QStringLiteral("line 2"))) << result.summary.error.toStdString();
}

TEST(PythonModelProcess, SysExitCodeIsTheScriptsExitCode)
{
    CONLAB_REQUIRE_PYTHON();
    QTemporaryDir dir;
    const RunResult result = runToCompletion(pythonConfig(dir, QStringLiteral("import sys\nsys.exit(4)\n")));
    ASSERT_TRUE(result.summary.python.has_value());
    EXPECT_EQ(result.summary.python->exitCode, 4);
    EXPECT_EQ(result.summary.error, QStringLiteral("the script exited with code 4"));
}

// A script that never ends, with multiprocessing workers that never end either: cancelling ends all of them within
// about a second and leaves no process of the tree running.
TEST(PythonModelProcess, CancelEndsTheScriptAndEveryProcessItStarted)
{
    CONLAB_REQUIRE_PYTHON();
    QTemporaryDir dir;
    const QString pids = dir.filePath(QStringLiteral("pids"));
    const RunConfig config = pythonConfig(dir,
        QStringLiteral("import multiprocessing, os, sys, time\n"
                       "def forever():\n"
                       "    while True: time.sleep(0.05)\n"
                       "if __name__ == '__main__':\n"
                       "    workers = [multiprocessing.Process(target=forever) for _ in range(2)]\n"
                       "    for w in workers: w.start()\n"
                       "    with open(sys.argv[1], 'w') as f:\n"
                       "        f.write(' '.join(str(p) for p in [os.getpid()] + [w.pid for w in workers]))\n"
                       "    forever()\n"),
        {pids});
    QElapsedTimer sinceCancel;
    const auto result = conlab::test::runWhile(config, 300, [&](RunController& controller) {
        // Cancel only once the workers exist, however slowly the interpreter started.
        for (int i = 0; i < 500 && !QFile::exists(pids); ++i)
            QThread::msleep(10);
        sinceCancel.start();
        controller.cancel();
    });
    const qint64 cancelToFinishedMs = sinceCancel.elapsed();
    ASSERT_TRUE(result.has_value());
    EXPECT_TRUE(result->summary.cancelled);
    EXPECT_TRUE(result->summary.error.isEmpty()) << result->summary.error.toStdString();
    EXPECT_LT(cancelToFinishedMs, test::slack(1500));
    QFile file(pids);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> started = file.readAll().split(' ');
    ASSERT_EQ(started.size(), 3);
    for (const QByteArray& pid : started) {
        const auto stat = readProcStat(pid_t(pid.toInt()));
        EXPECT_TRUE(!stat || stat->state == 'Z') << "process " << pid.toStdString() << " still runs";
    }
    EXPECT_TRUE(livingGroupMembers(pid_t(started[0].toInt())).empty());
}

// Living descendants of this process (zombies left out: they no longer run).
std::vector<pid_t> livingDescendants()
{
    std::vector<pid_t> living;
    for (pid_t pid : descendantsOf(::getpid())) {
        const auto stat = readProcStat(pid);
        if (stat && stat->state != 'Z' && stat->state != 'X')
            living.push_back(pid);
    }
    return living;
}

// Nothing is left behind, counted as every descendant of this test process: a grandchild that left the script's
// process group (a session of its own, as a daemon makes) counts too. This process is the subreaper for the test, so
// an orphan stays its descendant instead of moving to init, where it would no longer be counted.
TEST(PythonModelProcess, CancelLeavesNoDescendantBehind)
{
    CONLAB_REQUIRE_PYTHON();
    ASSERT_TRUE(livingDescendants().empty()) << "a process left over from before this test";
    ASSERT_EQ(::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0), 0);
    QTemporaryDir dir;
    const QString ready = dir.filePath(QStringLiteral("ready"));
    const RunConfig config = pythonConfig(dir,
        QStringLiteral("import multiprocessing, os, subprocess, sys, time\n"
                       "def worker(ready):\n"
                       "    subprocess.Popen(['sleep', '1000'], start_new_session=True)\n"
                       "    open(ready, 'w').close()\n"
                       "    while True: time.sleep(0.05)\n"
                       "if __name__ == '__main__':\n"
                       "    multiprocessing.Process(target=worker, args=(sys.argv[1],)).start()\n"
                       "    while True: time.sleep(0.05)\n"),
        {ready});
    std::vector<pid_t> during;
    const auto result = conlab::test::runWhile(config, 300, [&](RunController& controller) {
        for (int i = 0; i < 500 && !QFile::exists(ready); ++i)
            QThread::msleep(10);
        during = descendantsOf(::getpid());
        controller.cancel();
    });
    ASSERT_TRUE(result.has_value());
    EXPECT_TRUE(result->summary.cancelled);
    EXPECT_GE(during.size(), 3u) << "the script, its worker and the worker's sleep";
    const std::vector<pid_t> left = livingDescendants();
    std::string names;
    for (pid_t pid : left) {
        QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
        names += std::to_string(pid) + " "
            + (comm.open(QIODevice::ReadOnly) ? comm.readAll().trimmed().toStdString() : std::string("?")) + "; ";
    }
    EXPECT_TRUE(left.empty()) << left.size() << " descendants left: " << names;
    ::prctl(PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0);
    for (pid_t pid : left)
        ::kill(pid, SIGKILL);
    // Orphans of the tree that ended are this process's children now: reaped here, not left as zombies.
    for (pid_t pid : descendantsOf(::getpid())) {
        const auto stat = readProcStat(pid);
        if (stat && stat->parent == ::getpid())
            ::waitpid(pid, nullptr, 0);
    }
}

TEST(PythonModelProcess, ScriptFailureQuotesTheLastLinesOfStderr)
{
    QString stderrText;
    for (int i = 1; i <= 20; ++i)
        stderrText += QStringLiteral("line %1\n").arg(i);
    const QString error = scriptFailure(1, 0, stderrText).english();
    EXPECT_TRUE(error.startsWith(QStringLiteral("the script exited with code 1:\n")));
    EXPECT_TRUE(error.endsWith(QStringLiteral("line 20")));
    EXPECT_FALSE(error.contains(QStringLiteral("line 12\n")));
    EXPECT_TRUE(scriptFailure(0, 0, stderrText).isEmpty());
    EXPECT_TRUE(scriptFailure(std::nullopt, 9, QString()).english().contains(QStringLiteral("signal 9")));
}

// The summary's CPU time of a Python run is the script's: its interpreter's threads and the processes it started and
// waited for, as the script itself counts them (os.times() at its end), not conlab's own CPU (the observer's) alone
// nor added to it. The work is spun on each thread's CPU clock, so the bounds hold however busy the machine is.
TEST(PythonModelProcess, CpuTimeIsTheScriptsAndItsChildren)
{
    CONLAB_REQUIRE_PYTHON();
    QTemporaryDir dir;
    const RunResult result = runToCompletion(pythonConfig(dir,
        QStringLiteral("import multiprocessing, os, resource, threading, time\n"
                       "def spin(ms):\n"
                       "    end = time.thread_time() + ms / 1000\n"
                       "    while time.thread_time() < end: pass\n"
                       "if __name__ == '__main__':\n"
                       "    threads = [threading.Thread(target=spin, args=(150,)) for _ in range(2)]\n"
                       "    for t in threads: t.start()\n"
                       "    for t in threads: t.join()\n"
                       "    pool = multiprocessing.Pool(2)\n"
                       "    pool.map(spin, [150, 150])\n"
                       "    pool.close(); pool.join()\n"
                       "    own = resource.getrusage(resource.RUSAGE_SELF)\n"
                       "    waited = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
                       "    print('cpu_ms', (own.ru_utime + own.ru_stime + waited.ru_utime + waited.ru_stime) * 1000,\n"
                       "          flush=True)\n"
                       "    os._exit(0)\n")));
    const RunSummary& summary = result.summary;
    ASSERT_TRUE(summary.error.isEmpty()) << summary.error.toStdString();
    const double scriptMs = printedNumber(summary, QStringLiteral("cpu_ms"));
    ASSERT_FALSE(std::isnan(scriptMs)) << summary.python->stdoutText.toStdString();
    std::printf("CPU: the summary %.0f ms, the script's own count %.0f ms, 600 ms of work, wall %.0f ms\n",
        summary.cpuMs, scriptMs, summary.wallMs);
    EXPECT_GE(summary.cpuMs, 0.8 * 600) << "not the script's CPU time, threads and workers";
    // The script counts by getrusage (os.times() counts in 10 ms ticks) and ends with os._exit, as the interpreter's
    // shutdown after its count took 80-120 ms of CPU on a slow VM; what is left after it is the exit itself. The
    // observer (reading the interpreter's memory from conlab) takes 5-7 % of one core, 40-60 ms of this run.
    EXPECT_GE(summary.cpuMs, scriptMs - 5);
    EXPECT_LE(summary.cpuMs, 1.02 * scriptMs + 10) << "conlab's own CPU time is counted in";
}

// Children the script never waited for count too: one that ended and was left a zombie, and one still there at the
// script's end (ended with the run), after each spun on its own CPU clock (300 and 200 ms). wait4 on the interpreter
// sees neither; conlab reaps them as the tree's subreaper. One that was waited for (500 ms) is counted once, not twice.
// The script's own time comes from getrusage (os.times() counts in 10 ms ticks and came out 25 ms short here), and it
// ends with os._exit: the interpreter's shutdown after its count took 80-120 ms of CPU on a slow VM. What remains
// beyond the children's spinning is each fork and exit (page tables, copy-on-write faults: 5-30 ms each under load);
// 250 ms covers that with room and stays clear of the 500 ms a second count of the waited child would add.
TEST(PythonModelProcess, CpuTimeCountsTheChildrenItNeverWaitedFor)
{
    CONLAB_REQUIRE_PYTHON();
    QTemporaryDir dir;
    const RunResult result = runToCompletion(pythonConfig(dir,
        QStringLiteral("import os, resource, time\n"
                       "def spin(ms):\n"
                       "    end = time.process_time() + ms / 1000\n"
                       "    while time.process_time() < end: pass\n"
                       "def stat(pid):\n"
                       "    return open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()\n"
                       "waited = os.fork()\n"
                       "if waited == 0:\n"
                       "    spin(500); os._exit(0)\n"
                       "os.waitpid(waited, 0)\n"
                       "zombie = os.fork()\n"
                       "if zombie == 0:\n"
                       "    spin(300); os._exit(0)\n"
                       "spun, done = os.pipe()\n"
                       "if os.fork() == 0:\n"
                       "    spin(200); os.write(done, b'x'); time.sleep(60); os._exit(0)\n"
                       "while stat(zombie)[0] != 'Z': time.sleep(0.01)\n"
                       "os.read(spun, 1)\n"
                       "own = resource.getrusage(resource.RUSAGE_SELF)\n"
                       "print('own_ms', (own.ru_utime + own.ru_stime) * 1000, flush=True)\n"
                       "os._exit(0)\n")));
    const RunSummary& summary = result.summary;
    ASSERT_TRUE(summary.error.isEmpty()) << summary.error.toStdString();
    const double ownMs = printedNumber(summary, QStringLiteral("own_ms"));
    ASSERT_FALSE(std::isnan(ownMs)) << summary.python->stdoutText.toStdString();
    constexpr double childrenMs = 500 + 300 + 200;
    std::printf("CPU: the summary %.0f ms, the script's own %.0f ms, %.0f ms in its children\n", summary.cpuMs, ownMs,
        childrenMs);
    EXPECT_GE(summary.cpuMs, ownMs + childrenMs - 10) << "a child the script never waited for is missing";
    EXPECT_LE(summary.cpuMs, ownMs + childrenMs + 250) << "a child is counted twice";
}

// The kernel keeps 15 bytes of a thread's name ("ThreadPoolExecu"); each lane and each thread of the summary carries
// the whole Python name, reported by the bootstrap, on every interpreter the observer supports.
TEST(PythonModelProcess, LanesCarryTheFullPythonThreadNames)
{
    int ran = 0;
    for (const test::Interpreter& interpreter : test::testedInterpreters()) {
        if (!QFileInfo(interpreter.path).isExecutable())
            continue;
        ++ran;
        QTemporaryDir dir;
        RunConfig config = pythonConfig(dir,
            QStringLiteral("import threading, time\n"
                           "from concurrent.futures import ThreadPoolExecutor\n"
                           "def spin(_=None):\n"
                           "    end = time.perf_counter() + 0.05\n"
                           "    while time.perf_counter() < end: pass\n"
                           "t = threading.Thread(target=spin, name='a thread with a long name')\n"
                           "t.start(); t.join()\n"
                           "with ThreadPoolExecutor(max_workers=2) as pool:\n"
                           "    list(pool.map(spin, range(4)))\n"));
        config.python->interpreter = interpreter.path;
        const RunResult result = runToCompletion(config);
        ASSERT_TRUE(result.summary.error.isEmpty()) << interpreter.label << ": " << result.summary.error.toStdString();
        ASSERT_TRUE(result.trace && result.summary.python);
        QStringList lanes;
        for (const LaneInfo& lane : result.trace->lanes)
            lanes << lane.name;
        QStringList threads;
        for (const PythonThreadFacts& thread : result.summary.python->threads)
            threads << thread.name;
        for (const char* name : {"MainThread", "a thread with a long name", "ThreadPoolExecutor-0_0"}) {
            EXPECT_TRUE(lanes.contains(QLatin1String(name))) << interpreter.label << ": no lane " << name << " in "
                                                             << lanes.join(QStringLiteral(", ")).toStdString();
            EXPECT_TRUE(threads.contains(QLatin1String(name))) << interpreter.label << ": no thread " << name;
        }
    }
    if (ran == 0)
        GTEST_SKIP() << "none of the tested interpreters is installed";
}
