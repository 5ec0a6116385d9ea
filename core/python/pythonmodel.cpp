#include "core/python/pythonmodel.h"

#include "core/python/examplescripts.h"
#include "core/python/pythonobserver.h"
#include "core/python/pythonscript.h"
#include "core/python/recordersink.h"
#include "core/python/scriptprocess.h"
#include "core/run/canceltoken.h"
#include "core/trace/tracerecorder.h"
#include "core/workload/workload.h"
#include "core/workload/workloadtext.h"

#include <QFile>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <csignal>
#include <cstring>

namespace conlab {

namespace {

// How many lines of a failed script's stderr its error quotes: a traceback's last frames and the exception.
constexpr int tracebackLines = 8;

QString bootstrapSource()
{
    QFile file(QStringLiteral(":/conlab/bootstrap.py"));
    file.open(QIODevice::ReadOnly);
    return QString::fromUtf8(file.readAll());
}

PythonRunFacts factsFrom(const python::ObserverStats& stats)
{
    PythonRunFacts facts;
    facts.version = stats.pythonVersion;
    facts.observerMode = stats.mode;
    facts.gilSampleHz = stats.gilSampleHz;
    facts.stateSampleHz = stats.stateSampleHz;
    facts.observerCpuPercent = stats.observerCpuPercent;
    for (const python::ThreadGilTimes& thread : stats.threads)
        facts.threads.push_back(PythonThreadFacts {thread.name, int(thread.pid), int(thread.tid),
            double(thread.gilHeldNs) / 1e6, double(thread.gilWaitNs) / 1e6});
    for (pid_t pid : stats.processes)
        facts.processes.push_back(int(pid));
    return facts;
}

} // namespace

std::vector<LaneInfo> PythonModel::lanes(int, int, const ModelOptions&) const
{
    return {}; // every lane comes from the observer, as the script starts its threads and processes
}

QStringList pythonScriptEnvironment(const ExecutionContext& context)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const WorkloadSpec& spec = context.workload.spec;
    environment.insert(QStringLiteral("CONLAB_TASKS"), QString::number(spec.tasks));
    environment.insert(QStringLiteral("CONLAB_WORKERS"), QString::number(context.workers));
    environment.insert(QStringLiteral("CONLAB_CPU_MS"), parameterText(spec.cpuMs));
    environment.insert(QStringLiteral("CONLAB_IO_MS"), parameterText(spec.ioMs));
    environment.insert(QStringLiteral("CONLAB_INCREMENTS"), QString::number(spec.increments));
    environment.insert(QStringLiteral("CONLAB_OFFLOAD"), offloadKey(context.offload));
    if (context.ioPort != 0)
        environment.insert(QStringLiteral("CONLAB_LATENCY_SERVER"), QStringLiteral("127.0.0.1:%1").arg(context.ioPort));
    else
        environment.remove(QStringLiteral("CONLAB_LATENCY_SERVER"));
    return environment.toStringList();
}

Problem scriptFailure(std::optional<int> exitCode, int exitSignal, const QString& standardError)
{
    Problem how;
    if (exitCode) {
        if (*exitCode == 0)
            return {};
        how = Problem(QT_TRANSLATE_NOOP("conlab::Problem", "the script exited with code %1"), {*exitCode});
    } else {
        how = Problem(QT_TRANSLATE_NOOP("conlab::Problem", "the script was killed by signal %1 (%2)"),
            {exitSignal, QString::fromLocal8Bit(sigdescr_np(exitSignal))});
    }
    const QString last = lastLines(standardError, tracebackLines);
    return last.isEmpty() ? how : Problem(QT_TRANSLATE_NOOP("conlab::Problem", "%1:\n%2"), {how, last});
}

ModelOutcome PythonModel::run(const ExecutionContext& context)
{
    ModelOutcome outcome;
    if (!context.python) {
        outcome.error = Problem(QT_TRANSLATE_NOOP("conlab::Problem", "the python model needs a script"));
        return outcome;
    }
    const PythonScript& python = *context.python;
    QString error;
    const auto found = resolvePythonInterpreter(python.interpreter, &error);
    if (!found) {
        outcome.error = Problem::verbatim(error);
        return outcome;
    }
    const QString interpreter = interpreterBinary(*found);
    // A built-in example is a resource: it runs from a copy on disk, beside the module it imports.
    QTemporaryDir exampleDir;
    QString script = python.script;
    if (isExampleScriptPath(script)) {
        script = extractExampleScripts(exampleDir, script, &error);
        if (script.isEmpty()) {
            outcome.error = Problem::verbatim(error);
            return outcome;
        }
    }

    ScriptProcess process;
    if (!process.start(interpreter, QStringList {QStringLiteral("-c"), bootstrapSource(), script} + python.arguments,
            pythonScriptEnvironment(context), &error)) {
        outcome.error = Problem::verbatim(error);
        return outcome;
    }
    RecorderSink sink(context.recorder, process.pid());
    python::PythonObserver observer(process.pid(), sink, python.preciseGil, process.threadNamesFd());
    observer.start();
    process.release();
    if (!process.pumpUntilExit(context.cancel.fd()))
        process.stopTree();
    // Stopped before the script is reaped: until then its pid and memory are still the script's.
    observer.stop();
    const ScriptProcess::Exit exit = process.reap();

    const python::ObserverStats stats = observer.stats();
    PythonRunFacts facts = factsFrom(stats);
    facts.executable = interpreter;
    facts.exitCode = exit.code;
    facts.exitSignal = exit.signal;
    facts.stdoutText = process.standardOutput().text();
    facts.stderrText = process.standardError().text();
    outcome.gilSwitches = stats.gilSwitches;
    outcome.notes = stats.notes;
    if (sink.refusedLanes() > 0)
        outcome.notes << QStringLiteral("%1 threads or processes beyond the first %2 lanes are not shown")
                             .arg(sink.refusedLanes())
                             .arg(maxLanes);
    outcome.program = ProgramUsage {exit.cpuMs, exit.peakRssMb};
    if (!context.cancel.isCancelled())
        outcome.error = scriptFailure(exit.code, exit.signal, facts.stderrText);
    outcome.python = std::move(facts);
    return outcome;
}

} // namespace conlab
