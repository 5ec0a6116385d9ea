#include "core/models/offloadkind.h"

#include "core/util/enumkey.h"

namespace conlab {

QString offloadKey(OffloadKind kind)
{
    switch (kind) {
    case OffloadKind::None:
        return QStringLiteral("none");
    case OffloadKind::Threads:
        return QStringLiteral("threads");
    case OffloadKind::Processes:
        return QStringLiteral("processes");
    }
    return {};
}

std::optional<OffloadKind> offloadFromKey(const QString& key)
{
    return enumFromKey(allOffloadKinds, offloadKey, key);
}

} // namespace conlab
