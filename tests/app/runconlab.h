#pragma once

#include "tests/runprogram.h"

#include <QProcessEnvironment>
#include <QStringList>
#include <functional>

namespace conlab::test {

// Runs the conlab binary to the end (a minute at most, unless told) and collects what it printed.
inline CliResult runConlab(const QStringList& arguments,
    const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment(), int timeoutMs = 60'000,
    const std::function<void()>& childSetup = {})
{
    return runProgram(QStringLiteral(CONLAB_BINARY), arguments, environment, timeoutMs, childSetup);
}

// The window's environment on a display that needs no server, with settings (recent files, the remembered model) and
// Qt's runtime folder in `home`, so nothing of the user's is read or written.
inline QProcessEnvironment offscreenEnvironment(const QString& home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home); // else Qt warns about it on stderr
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home);
    return env;
}

inline QStringList runArgs(const QStringList& extra)
{
    return QStringList {QStringLiteral("run")} + extra;
}

} // namespace conlab::test
