#include "offloadkind.h"

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
    for (OffloadKind kind : allOffloadKinds) {
        if (offloadKey(kind) == key)
            return kind;
    }
    return std::nullopt;
}

} // namespace conlab
