#pragma once

#include "core/util/problem.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace conlab {

// What the python model runs: a script of the user's, unchanged, under a real CPython interpreter.
struct PythonScript
{
    QString script; // the .py file, as an absolute path
    QString interpreter; // --python; empty: python3 on PATH, else /usr/bin/python3
    QStringList arguments; // sys.argv[1:]
    // --precise-gil: the GIL lane from a hardware watchpoint where perf_event_open allows one (exact, but every GIL
    // take and drop then costs the script a trap); sampled otherwise. Not kept in run files: the summary's
    // observer_mode says which ran.
    bool preciseGil = false;
};

// The interpreter a run would start: `requested` when given (a path, or a name looked up on PATH), else python3
// on PATH, else `fallback`. nullopt, with *error naming everything that was looked for, when none is an executable
// file.
std::optional<QString> resolvePythonInterpreter(
    const QString& requested, QString* error, const QString& fallback = QStringLiteral("/usr/bin/python3"));

// The interpreter binary behind `interpreter`: itself, unless it is a script that starts one (a pyenv shim, a
// wrapper), which is then asked for its sys.executable. conlab must start the binary itself: an observer attached to
// a wrapper would watch the wrapper. Starts a process: never on the UI thread.
QString interpreterBinary(const QString& interpreter);

// Empty when the script can be run; otherwise what is wrong with it ("no such file", "not readable"...).
Problem pythonScriptProblem(const QString& script);

} // namespace conlab
