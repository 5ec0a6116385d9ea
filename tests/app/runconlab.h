#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <gtest/gtest.h>

namespace conlab::test {

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs the conlab binary to the end (a minute at most, unless told) and collects what it printed.
inline CliResult runConlab(const QStringList& arguments,
    const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment(), int timeoutMs = 60'000)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(CONLAB_BINARY), arguments);
    EXPECT_TRUE(process.waitForFinished(timeoutMs)) << "conlab did not finish";
    return CliResult {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

inline QStringList runArgs(const QStringList& extra)
{
    return QStringList {QStringLiteral("run")} + extra;
}

} // namespace conlab::test
