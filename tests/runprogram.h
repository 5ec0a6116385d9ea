#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QStringList>
#include <functional>
#include <gtest/gtest.h>

namespace conlab::test {

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs a program to the end (a minute at most, unless told) and collects what it printed; one that does not start or
// finish in time fails the test. childSetup runs in the child between fork and exec
// (a smaller file size limit, another user): only async-signal-safe calls there.
inline CliResult runProgram(const QString& program, const QStringList& arguments,
    const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment(), int timeoutMs = 60'000,
    const std::function<void()>& childSetup = {})
{
    QProcess process;
    process.setProcessEnvironment(environment);
    if (childSetup)
        process.setChildProcessModifier(childSetup);
    process.start(program, arguments);
    EXPECT_TRUE(process.waitForFinished(timeoutMs))
        << program.toStdString() << " did not finish: " << process.errorString().toStdString();
    return CliResult {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

// A tool from the system's PATH (desktop-file-validate, dpkg-deb...), or empty when it is not installed.
inline QString systemTool(const char* name)
{
    return QStandardPaths::findExecutable(QLatin1String(name));
}

} // namespace conlab::test
