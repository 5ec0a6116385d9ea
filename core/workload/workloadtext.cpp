#include "workloadtext.h"

namespace conlab {

QString parameterText(double value)
{
    return QString::number(value, 'g', 10);
}

QString workloadText(const WorkloadSpec& workload)
{
    const QString tasks
        = workload.tasks == 1 ? QStringLiteral("1 task") : QStringLiteral("%1 tasks").arg(workload.tasks);
    QString shape;
    switch (workload.kind) {
    case WorkloadKind::Cpu:
        shape = QStringLiteral("%1 ms CPU").arg(parameterText(workload.cpuMs));
        break;
    case WorkloadKind::Io:
        shape = QStringLiteral("%1 ms I/O").arg(parameterText(workload.ioMs));
        break;
    case WorkloadKind::Sleep:
        shape = QStringLiteral("%1 ms sleep").arg(parameterText(workload.ioMs));
        break;
    case WorkloadKind::Mixed:
        shape = QStringLiteral("%1 x (%2 ms CPU + %3 ms I/O)")
                    .arg(QString::number(workload.phases), parameterText(workload.cpuMs), parameterText(workload.ioMs));
        break;
    case WorkloadKind::Convoy:
        return QStringLiteral("convoy: %1 ms of CPU beside round trips of %2 ms I/O")
            .arg(parameterText(workload.cpuMs), parameterText(workload.ioMs));
    case WorkloadKind::Counter: {
        shape = QStringLiteral("%1 increments").arg(workload.increments);
        if (workload.lock)
            shape += QStringLiteral(", under a lock");
        if (workload.yieldBetween)
            shape += QStringLiteral(", awaiting between read and write");
        break;
    }
    }
    return QStringLiteral("%1: %2 of %3").arg(workloadKey(workload.kind), tasks, shape);
}

} // namespace conlab
