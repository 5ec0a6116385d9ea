#pragma once

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace conlab {

// One Python thread as the observer saw it over the run.
struct PythonThreadFacts
{
    QString name;
    int pid = 0;
    int tid = 0;
    double gilHoldMs = 0; // time it held its process's GIL
    double gilWaitMs = 0; // time it waited for it
};

// What a python run adds to a run's numbers: the interpreter, how it was watched, and how the script ended.
struct PythonRunFacts
{
    QString executable; // the interpreter that ran, as an absolute path
    QString version; // "3.11.2"; empty when it could not be read
    QString observerMode; // how the observer watched it ("sampling", "os-states"...), from the observer
    double gilSampleHz = 0; // achieved rates, not the requested ones
    double stateSampleHz = 0;
    double observerCpuPercent = 0; // of one core
    std::vector<PythonThreadFacts> threads;
    std::vector<int> processes; // every Python process observed: the script's and its descendants
    std::optional<int> exitCode; // absent when a signal ended it
    int exitSignal = 0; // the signal that ended it, else 0
    // The script's stdout and stderr, each capped (OutputCapture): the head and the tail of what it printed.
    QString stdoutText;
    QString stderrText;
};

// The last `lines` lines of `text` (a trailing newline does not count as an empty last line).
QString lastLines(const QString& text, int lines);

} // namespace conlab
