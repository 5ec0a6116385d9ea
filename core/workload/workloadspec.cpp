#include "core/workload/workloadspec.h"

#include "core/util/enumkey.h"

namespace conlab {

QString workloadKey(WorkloadKind kind)
{
    switch (kind) {
    case WorkloadKind::Cpu:
        return QStringLiteral("cpu");
    case WorkloadKind::Io:
        return QStringLiteral("io");
    case WorkloadKind::Sleep:
        return QStringLiteral("sleep");
    case WorkloadKind::Mixed:
        return QStringLiteral("mixed");
    case WorkloadKind::Convoy:
        return QStringLiteral("convoy");
    case WorkloadKind::Counter:
        return QStringLiteral("counter");
    }
    return {};
}

std::optional<WorkloadKind> workloadFromKey(const QString& key)
{
    return enumFromKey(allWorkloadKinds, workloadKey, key);
}

} // namespace conlab
