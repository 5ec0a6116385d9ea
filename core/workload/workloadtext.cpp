#include "core/workload/workloadtext.h"

#include <QCoreApplication>

namespace conlab {

namespace {

QString translated(const char* text, int n = -1)
{
    return QCoreApplication::translate("conlab::WorkloadText", text, nullptr, n);
}

// `conlab run` installs no translator, so "%n tasks" would print "1 tasks": English is written out for one, and the
// many form stays a plural message for languages with more forms (Russian: 2 задачи, 5 задач, 21 задача).
QString tasksText(int tasks)
{
    return tasks == 1 ? translated(QT_TRANSLATE_NOOP("conlab::WorkloadText", "1 task"))
                      : translated(QT_TRANSLATE_N_NOOP("conlab::WorkloadText", "%n tasks"), tasks);
}

} // namespace

QString parameterText(double value)
{
    return QString::number(value, 'g', 10);
}

QString workloadText(const WorkloadSpec& workload)
{
    QString shape;
    switch (workload.kind) {
    case WorkloadKind::Cpu:
        shape = translated(QT_TRANSLATE_NOOP("conlab::WorkloadText", "%1 ms CPU")).arg(parameterText(workload.cpuMs));
        break;
    case WorkloadKind::Io:
        shape = translated(QT_TRANSLATE_NOOP("conlab::WorkloadText", "%1 ms I/O")).arg(parameterText(workload.ioMs));
        break;
    case WorkloadKind::Sleep:
        shape = translated(QT_TRANSLATE_NOOP("conlab::WorkloadText", "%1 ms sleep")).arg(parameterText(workload.ioMs));
        break;
    case WorkloadKind::Mixed:
        shape = translated(QT_TRANSLATE_NOOP("conlab::WorkloadText", "%1 x (%2 ms CPU + %3 ms I/O)"))
                    .arg(QString::number(workload.phases), parameterText(workload.cpuMs), parameterText(workload.ioMs));
        break;
    case WorkloadKind::Convoy:
        return translated(
            QT_TRANSLATE_NOOP("conlab::WorkloadText", "convoy: %1 ms of CPU beside round trips of %2 ms I/O"))
            .arg(parameterText(workload.cpuMs), parameterText(workload.ioMs));
    case WorkloadKind::Counter: {
        // At most limits::maxIncrements, which an int holds.
        const int increments = int(workload.increments);
        shape = increments == 1 ? translated(QT_TRANSLATE_NOOP("conlab::WorkloadText", "1 increment"))
                                : translated(QT_TRANSLATE_N_NOOP("conlab::WorkloadText", "%n increments"), increments);
        if (workload.lock)
            shape += translated(QT_TRANSLATE_NOOP("conlab::WorkloadText", ", under a lock"));
        if (workload.yieldBetween)
            shape += translated(QT_TRANSLATE_NOOP("conlab::WorkloadText", ", awaiting between read and write"));
        break;
    }
    }
    // The key ("cpu", "mixed") is what `--workload` takes: it stays as it is in every language.
    return translated(QT_TRANSLATE_NOOP("conlab::WorkloadText", "%1: %2 of %3"))
        .arg(workloadKey(workload.kind), tasksText(workload.tasks), shape);
}

} // namespace conlab
