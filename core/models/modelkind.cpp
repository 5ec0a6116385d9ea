#include "core/models/modelkind.h"

#include "core/util/enumkey.h"

namespace conlab {

QString modelKey(ModelKind kind)
{
    switch (kind) {
    case ModelKind::Sequential:
        return QStringLiteral("sequential");
    case ModelKind::Processes:
        return QStringLiteral("processes");
    case ModelKind::Threads:
        return QStringLiteral("threads");
    case ModelKind::EventLoop:
        return QStringLiteral("eventloop");
    case ModelKind::Python:
        return QStringLiteral("python");
    }
    return {};
}

std::optional<ModelKind> modelFromKey(const QString& key)
{
    return enumFromKey(allModelKinds, modelKey, key);
}

} // namespace conlab
