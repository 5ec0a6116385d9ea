#include "core/python/examplescripts.h"
#include "core/python/pythonscript.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <unistd.h>

using namespace conlab;

namespace {

// PATH set to `path` for the test's scope.
class ScopedPath
{
public:
    explicit ScopedPath(const QByteArray& path)
        : m_old(qgetenv("PATH"))
    {
        qputenv("PATH", path);
    }
    ~ScopedPath() { qputenv("PATH", m_old); }

private:
    QByteArray m_old;
};

} // namespace

TEST(PythonScript, NoInterpreterAnywhereNamesWhatWasLookedFor)
{
    QTemporaryDir empty;
    ScopedPath path(empty.path().toLocal8Bit());
    QString error;
    EXPECT_EQ(resolvePythonInterpreter(QString(), &error, empty.filePath(QStringLiteral("python3"))), std::nullopt);
    EXPECT_TRUE(error.contains(QStringLiteral("python3 on PATH"))) << error.toStdString();
    EXPECT_TRUE(error.contains(empty.filePath(QStringLiteral("python3")))) << error.toStdString();
    EXPECT_FALSE(error.contains(QLatin1Char('\n')));
}

TEST(PythonScript, FindsPython3OnThePathBeforeTheFallback)
{
    QTemporaryDir dir;
    const QString fake = dir.filePath(QStringLiteral("python3"));
    QFile file(fake);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\n");
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::ExeOwner);
    ScopedPath path(dir.path().toLocal8Bit());
    QString error;
    EXPECT_EQ(resolvePythonInterpreter(QString(), &error, QStringLiteral("/nonexistent")), fake);
    EXPECT_EQ(resolvePythonInterpreter(QStringLiteral("python3"), &error), fake);
}

TEST(PythonScript, ARequestedInterpreterThatIsNotThereIsRefused)
{
    QString error;
    EXPECT_EQ(resolvePythonInterpreter(QStringLiteral("/nonexistent/python3.99"), &error), std::nullopt);
    EXPECT_TRUE(error.contains(QStringLiteral("/nonexistent/python3.99"))) << error.toStdString();
}

TEST(PythonScript, AScriptMustBeAReadableFile)
{
    QTemporaryDir dir;
    EXPECT_TRUE(pythonScriptProblem(QString()).english().contains(QStringLiteral("--script")));
    EXPECT_TRUE(pythonScriptProblem(dir.filePath(QStringLiteral("missing.py")))
                    .english()
                    .contains(QStringLiteral("no such file")));
    EXPECT_TRUE(pythonScriptProblem(dir.path()).english().contains(QStringLiteral("not a file")));
    const QString locked = dir.filePath(QStringLiteral("locked.py"));
    QFile file(locked);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.close();
    file.setPermissions(QFileDevice::WriteOwner);
    if (::geteuid() != 0) { // root reads it anyway
        EXPECT_TRUE(pythonScriptProblem(locked).english().contains(QStringLiteral("cannot be read")));
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    EXPECT_TRUE(pythonScriptProblem(locked).isEmpty());
}

TEST(PythonScript, EveryExampleIsCompiledInAndCopiedBesideItsSharedModule)
{
    const QStringList names = exampleScriptNames();
    for (const char* name : {"cpu_threads", "cpu_processes", "cpu_asyncio", "io_threads", "io_asyncio", "convoy",
             "counter", "blocked_loop"})
        EXPECT_TRUE(names.contains(QLatin1String(name))) << name;
    EXPECT_FALSE(names.contains(QStringLiteral("conlab_knobs")));
    EXPECT_TRUE(exampleScriptPath(QStringLiteral("nope")).isEmpty());
    QTemporaryDir dir;
    QString error;
    const QString copy = extractExampleScripts(dir, exampleScriptPath(QStringLiteral("convoy")), &error);
    EXPECT_EQ(copy, dir.filePath(QStringLiteral("convoy.py"))) << error.toStdString();
    EXPECT_TRUE(QFile::exists(copy));
    EXPECT_TRUE(QFile::exists(dir.filePath(QStringLiteral("conlab_knobs.py"))));
}

// Every example runs unchanged with plain python3 too, its knobs given as options, without conlab's latency server
// (the I/O examples sleep instead): "Process" in the suite's name keeps it out of the TSan run. It takes several
// seconds: eight interpreters, two of which start process pools.
TEST(PythonExampleProcess, EveryExampleRunsWithPlainPython3)
{
    QString error;
    const std::optional<QString> python = resolvePythonInterpreter(QString(), &error);
    if (!python)
        GTEST_SKIP() << error.toStdString();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("CONLAB_LATENCY_SERVER"));
    for (const QString& name : exampleScriptNames()) {
        QTemporaryDir dir;
        const QString script = extractExampleScripts(dir, exampleScriptPath(name), &error);
        ASSERT_FALSE(script.isEmpty()) << error.toStdString();
        QProcess run;
        run.setProcessEnvironment(environment);
        run.start(*python,
            {script, QStringLiteral("--tasks"), QStringLiteral("2"), QStringLiteral("--workers"), QStringLiteral("2"),
                QStringLiteral("--cpu-ms"), QStringLiteral("5"), QStringLiteral("--io-ms"), QStringLiteral("5")});
        ASSERT_TRUE(run.waitForFinished(60'000)) << name.toStdString();
        EXPECT_EQ(run.exitStatus(), QProcess::NormalExit) << name.toStdString();
        EXPECT_EQ(run.exitCode(), 0) << name.toStdString() << ": " << run.readAllStandardError().toStdString();
        EXPECT_FALSE(run.readAllStandardOutput().isEmpty()) << name.toStdString() << " printed nothing";
    }
}
