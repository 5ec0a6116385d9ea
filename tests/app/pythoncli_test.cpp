#include "core/import/runfilereader.h"
#include "core/python/processtree.h"
#include "tests/app/childprocesses.h"
#include "tests/app/runconlab.h"
#include "tests/core/python/pythonrun.h"
#include "tests/timingslack.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <csignal>
#include <gtest/gtest.h>

using conlab::test::CliResult;
using conlab::test::runArgs;
using conlab::test::runConlab;

namespace {

QString writeScript(const QTemporaryDir& dir, const QString& source)
{
    const QString path = dir.filePath(QStringLiteral("script.py"));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(source.toUtf8());
    return path;
}

QStringList pythonArgs(const QString& script, const QStringList& extra = {})
{
    return runArgs(
        QStringList {QStringLiteral("--model"), QStringLiteral("python"), QStringLiteral("--script"), script} + extra);
}

void expectOneLineNaming(const CliResult& result, const char* named)
{
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.out.isEmpty()) << result.out.toStdString();
    EXPECT_EQ(result.err.count('\n'), 1) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(named)) << result.err.toStdString();
}

} // namespace

// Every test here starts a real interpreter ("Process" keeps them out of the TSan run).
TEST(PythonProcessCli, AMissingInterpreterIsExit2NamingIt)
{
    QTemporaryDir dir;
    const QString script = writeScript(dir, QStringLiteral("print('hi')\n"));
    expectOneLineNaming(runConlab(pythonArgs(script, {QStringLiteral("--python"), QStringLiteral("/nonexistent/py3")})),
        "/nonexistent/py3");
}

TEST(PythonProcessCli, AMissingOrUnreadableScriptIsExit2)
{
    QTemporaryDir dir;
    expectOneLineNaming(runConlab(pythonArgs(dir.filePath(QStringLiteral("missing.py")))), "missing.py");
    expectOneLineNaming(runConlab(pythonArgs(dir.path())), "--script");
    expectOneLineNaming(runConlab(runArgs({QStringLiteral("--model"), QStringLiteral("python")})), "--script");
    expectOneLineNaming(runConlab(runArgs({QStringLiteral("--model"), QStringLiteral("python"),
                            QStringLiteral("--example"), QStringLiteral("nope")})),
        "--example");
}

TEST(PythonProcessCli, ScriptOptionsNeedThePythonModel)
{
    QTemporaryDir dir;
    const QString script = writeScript(dir, QStringLiteral("print('hi')\n"));
    expectOneLineNaming(runConlab(runArgs({QStringLiteral("--script"), script})), "--model python");
    expectOneLineNaming(
        runConlab(runArgs({QStringLiteral("--tasks"), QStringLiteral("2"), QStringLiteral("--"), QStringLiteral("x")})),
        "--model python");
}

TEST(PythonProcessCli, AnExceptionIsExit1WithTheTracebackAndTheTraceIsKept)
{
    CONLAB_REQUIRE_PYTHON();
    QTemporaryDir dir;
    const QString script = writeScript(dir,
        QStringLiteral("import sys\nprint('args', sys.argv[1:])\n"
                       "raise RuntimeError('no luck')\n"));
    const QString trace = dir.filePath(QStringLiteral("run.json"));
    const CliResult result = runConlab(pythonArgs(script,
        {QStringLiteral("--json"), QStringLiteral("--trace"), trace, QStringLiteral("--"), QStringLiteral("--tasks"),
            QStringLiteral("7")}));
    EXPECT_EQ(result.exitCode, 1) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains("RuntimeError: no luck")) << result.err.toStdString();
    const QJsonObject json = QJsonDocument::fromJson(result.out).object();
    EXPECT_EQ(json[QLatin1String("model")].toString(), QStringLiteral("python"));
    EXPECT_EQ(json[QLatin1String("script_exit_code")].toInt(), 1);
    EXPECT_TRUE(json[QLatin1String("stdout_tail")].toString().contains(QStringLiteral("args ['--tasks', '7']")));
    EXPECT_TRUE(json[QLatin1String("error")].toString().contains(QStringLiteral("no luck")));
    for (const char* key : {"python_version", "observer_mode", "gil_sample_hz", "state_sample_hz", "gil_switches",
             "threads", "processes", "stderr_tail", "wall_ms", "cpu_ms", "state_ms", "peak_rss_mb"})
        EXPECT_TRUE(json.contains(QLatin1String(key))) << key;
    QString error;
    const auto saved = conlab::readRunFile(trace, &error);
    ASSERT_TRUE(saved) << error.toStdString();
    ASSERT_TRUE(saved->summary && saved->summary->python);
    EXPECT_TRUE(saved->summary->python->stderrText.contains(QStringLiteral("RuntimeError: no luck")));
    ASSERT_TRUE(saved->summary->config.python);
    EXPECT_EQ(saved->summary->config.python->arguments, (QStringList {QStringLiteral("--tasks"), QStringLiteral("7")}));
}

// Megabytes on stdout: the run ends as soon as the script does, the summary quotes the last lines and the run file
// keeps the output up to its cap.
TEST(PythonProcessCli, MegabytesOfOutputAreCappedAndNothingHangs)
{
    CONLAB_REQUIRE_PYTHON();
    QTemporaryDir dir;
    const QString script = writeScript(dir,
        QStringLiteral("import sys\nline = 'x' * 99 + '\\n'\nfor i in range(60000): sys.stdout.write(line)\n"
                       "print('the very last line')\n"));
    const QString trace = dir.filePath(QStringLiteral("run.json"));
    QElapsedTimer timer;
    timer.start();
    const CliResult result = runConlab(
        pythonArgs(script, {QStringLiteral("--trace"), trace}), QProcessEnvironment::systemEnvironment(), 60'000);
    EXPECT_LT(timer.elapsed(), conlab::test::slack(20'000));
    EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.out.contains("the very last line")) << result.out.right(2000).toStdString();
    EXPECT_LT(result.out.size(), 20'000) << "the summary should quote a tail, not the output";
    QString error;
    const auto saved = conlab::readRunFile(trace, &error);
    ASSERT_TRUE(saved && saved->summary && saved->summary->python) << error.toStdString();
    const QString kept = saved->summary->python->stdoutText;
    EXPECT_LT(kept.size(), 1'100'000);
    EXPECT_GT(kept.size(), 1'000'000);
    EXPECT_TRUE(kept.endsWith(QStringLiteral("the very last line\n")));
}

TEST(PythonProcessCli, ABuiltInExampleRunsByName)
{
    CONLAB_REQUIRE_PYTHON();
    const CliResult result
        = runConlab(runArgs({QStringLiteral("--model"), QStringLiteral("python"), QStringLiteral("--example"),
            QStringLiteral("cpu_threads"), QStringLiteral("--tasks"), QStringLiteral("2"), QStringLiteral("--workers"),
            QStringLiteral("2"), QStringLiteral("--cpu-ms"), QStringLiteral("20"), QStringLiteral("--json")}));
    EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QJsonObject json = QJsonDocument::fromJson(result.out).object();
    EXPECT_TRUE(json[QLatin1String("stdout_tail")].toString().contains(QStringLiteral("cpu_threads:")))
        << result.out.toStdString();
    EXPECT_TRUE(json[QLatin1String("stdout_tail")].toString().contains(QStringLiteral("tasks=2 workers=2")));
}

// Ctrl+C: conlab ends the script's whole tree (its multiprocessing workers included) within about a second, writes
// what ran, and exits 130.
TEST(PythonProcessCli, InterruptEndsTheWholeTree)
{
    CONLAB_REQUIRE_PYTHON();
    QTemporaryDir dir;
    const QString pids = dir.filePath(QStringLiteral("pids"));
    const QString script = writeScript(dir,
        QStringLiteral("import multiprocessing, os, sys, time\n"
                       "def forever():\n"
                       "    while True: time.sleep(0.05)\n"
                       "if __name__ == '__main__':\n"
                       "    ws = [multiprocessing.Process(target=forever) for _ in range(2)]\n"
                       "    for w in ws: w.start()\n"
                       "    open(sys.argv[1] + '.tmp', 'w').write(' '.join(str(p) for p in [os.getpid()] + "
                       "[w.pid for w in ws]))\n"
                       "    os.rename(sys.argv[1] + '.tmp', sys.argv[1])\n"
                       "    forever()\n"));
    const QString trace = dir.filePath(QStringLiteral("run.json"));
    QProcess conlab;
    conlab.start(QStringLiteral(CONLAB_BINARY),
        pythonArgs(script, {QStringLiteral("--trace"), trace, QStringLiteral("--"), pids}));
    ASSERT_TRUE(conlab.waitForStarted());
    QElapsedTimer timer;
    timer.start();
    while (!QFile::exists(pids) && timer.elapsed() < 20'000)
        QThread::msleep(20);
    ASSERT_TRUE(QFile::exists(pids)) << conlab.readAllStandardError().toStdString();
    QFile file(pids);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    QList<qint64> tree;
    for (const QByteArray& pid : file.readAll().split(' '))
        tree << pid.toLongLong();
    ASSERT_EQ(tree.size(), 3);
    ::kill(pid_t(conlab.processId()), SIGINT);
    EXPECT_TRUE(conlab.waitForFinished(conlab::test::slack(5000)));
    EXPECT_EQ(conlab.exitCode(), 130) << conlab.readAllStandardError().toStdString();
    EXPECT_TRUE(conlab::test::allGoneWithin(tree, 1000));
    EXPECT_TRUE(QFile::exists(trace));
}

// conlab run --compare --with-python: the emulated models, then the real CPython rows of the workload, each with its
// speed-up against the sequential baseline.
TEST(PythonProcessCli, CompareWithPythonHasEmulatedAndRealRows)
{
    CONLAB_REQUIRE_PYTHON();
    const CliResult result = runConlab(runArgs({QStringLiteral("--compare"), QStringLiteral("--with-python"),
        QStringLiteral("--tasks"), QStringLiteral("2"), QStringLiteral("--workers"), QStringLiteral("2"),
        QStringLiteral("--cpu-ms"), QStringLiteral("40"), QStringLiteral("--json")}));
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QJsonArray rows = QJsonDocument::fromJson(result.out).object()[QLatin1String("compare")].toArray();
    ASSERT_EQ(rows.size(), 8) << result.out.toStdString();
    EXPECT_EQ(rows[0].toObject()[QLatin1String("label")].toString(), QStringLiteral("sequential"));
    QStringList real;
    for (qsizetype i = 5; i < rows.size(); ++i) {
        const QJsonObject row = rows[i].toObject();
        real << row[QLatin1String("label")].toString();
        EXPECT_GT(row[QLatin1String("speedup")].toDouble(), 0.0)
            << row[QLatin1String("label")].toString().toStdString();
        EXPECT_EQ(row[QLatin1String("summary")].toObject()[QLatin1String("script_exit_code")].toInt(-1), 0);
    }
    EXPECT_EQ(real,
        (QStringList {QStringLiteral("threads (CPython)"), QStringLiteral("processes (CPython)"),
            QStringLiteral("asyncio (CPython)")}));

    const CliResult alone = runConlab(runArgs({QStringLiteral("--with-python")}));
    EXPECT_EQ(alone.exitCode, 2);
    EXPECT_TRUE(alone.err.contains("add --compare")) << alone.err.toStdString();
}

// The run file of a python run keeps the script's source beside its output.
TEST(PythonProcessCli, TheTraceFileKeepsTheScriptsSource)
{
    CONLAB_REQUIRE_PYTHON();
    QTemporaryDir dir;
    const QString script = writeScript(dir, QStringLiteral("print('from the script')  # kept\n"));
    const QString trace = dir.filePath(QStringLiteral("run.json"));
    const CliResult result = runConlab(pythonArgs(script, {QStringLiteral("--trace"), trace}));
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    QString error;
    const std::optional<conlab::SavedRun> saved = conlab::readRunFile(trace, &error);
    ASSERT_TRUE(saved.has_value()) << error.toStdString();
    ASSERT_TRUE(saved->scriptSource.has_value());
    EXPECT_EQ(*saved->scriptSource, QStringLiteral("print('from the script')  # kept\n"));
    ASSERT_TRUE(saved->summary && saved->summary->python);
    EXPECT_TRUE(saved->summary->python->stdoutText.contains(QStringLiteral("from the script")));
}

// `conlab run --scenario` runs a lesson's real-CPython step with the rest, and its explanation quotes the real and the
// emulated wall times of this run. process-cost: 16 tasks of 3 ms, its real step eight CPython processes.
TEST(PythonProcessCli, AScenarioRunsItsRealCPythonStepAndQuotesBothNumbers)
{
    CONLAB_REQUIRE_PYTHON();
    const CliResult json = runConlab(runArgs({QStringLiteral("--scenario"), QStringLiteral("process-cost"),
        QStringLiteral("--tasks"), QStringLiteral("4"), QStringLiteral("--json")}));
    ASSERT_EQ(json.exitCode, 0) << json.err.toStdString();
    const QJsonArray runs = QJsonDocument::fromJson(json.out).object()[QLatin1String("runs")].toArray();
    ASSERT_EQ(runs.size(), 5) << json.out.toStdString();
    const QJsonObject real = runs[4].toObject();
    EXPECT_EQ(real[QLatin1String("model")].toString(), QStringLiteral("python")) << json.out.toStdString();
    EXPECT_EQ(real[QLatin1String("script_exit_code")].toInt(-1), 0);
    // The command line's --tasks reaches the example as its argument.
    EXPECT_TRUE(real[QLatin1String("stdout_tail")].toString().contains(QStringLiteral("tasks=4")))
        << real[QLatin1String("stdout_tail")].toString().toStdString();

    const CliResult text = runConlab(runArgs({QStringLiteral("--scenario"), QStringLiteral("process-cost")}));
    ASSERT_EQ(text.exitCode, 0) << text.err.toStdString();
    const QString out = QString::fromUtf8(text.out);
    const QRegularExpression quoted(QStringLiteral(
        R"(Real CPython: eight worker processes took ([\d,]+) ms for 48 ms of work\. Emulated processes: ([\d,]+) ms)"));
    EXPECT_TRUE(quoted.match(out).hasMatch()) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("CPython, 8 processes"))) << out.toStdString();
}

// The blocking-the-loop lesson runs real asyncio blocked, then its fix with the computation in a thread pool
// (--offload threads reaches the example), and the fix's explanation quotes both measured lateness. The ticker's worst
// lateness drops from about one computation (150 ms) to a few GIL switch intervals; the bound is generous since the
// machine may be shared. The six-step lesson with three tasks: about 8 s, the two real steps 1.5 s each.
TEST(PythonProcessCliTiming, TheBlockedLoopLessonsRealFixUnblocksTheLoop)
{
    CONLAB_REQUIRE_PYTHON();
    const CliResult result = runConlab(runArgs({QStringLiteral("--scenario"), QStringLiteral("blocking-the-loop"),
        QStringLiteral("--tasks"), QStringLiteral("3")}));
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QString out = QString::fromUtf8(result.out);
    // What each real step's script printed.
    EXPECT_TRUE(out.contains(QStringLiteral("offload=none tasks=3"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("offload=threads tasks=3"))) << out.toStdString();
    const auto quoted = QRegularExpression(QStringLiteral(R"(the ticker came at most ([\d.,]+) ms late, against )"
                                                          R"(([\d.,]+) ms with the computation on the loop)"))
                            .match(out);
    ASSERT_TRUE(quoted.hasMatch()) << out.toStdString();
    const double fixed = QLocale(QLocale::English).toDouble(quoted.captured(1));
    const double blocked = QLocale(QLocale::English).toDouble(quoted.captured(2));
    EXPECT_GT(blocked, 100.0);
    EXPECT_LT(fixed * 3, blocked) << "blocked " << blocked << " ms, fixed " << fixed << " ms";
}
