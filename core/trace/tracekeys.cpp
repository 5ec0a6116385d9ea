#include "core/trace/tracekeys.h"

#include "core/util/enumkey.h"

namespace conlab {

QString laneKindKey(LaneKind kind)
{
    switch (kind) {
    case LaneKind::Thread:
        return QStringLiteral("thread");
    case LaneKind::Process:
        return QStringLiteral("process");
    case LaneKind::LoopSlot:
        return QStringLiteral("loop_slot");
    case LaneKind::Gil:
        return QStringLiteral("gil");
    }
    return {};
}

std::optional<LaneKind> laneKindFromKey(const QString& key)
{
    return enumFromKey(allLaneKinds, laneKindKey, key);
}

QString instantKindKey(InstantKind kind)
{
    switch (kind) {
    case InstantKind::GilDropRequest:
        return QStringLiteral("gil_drop_request");
    }
    return {};
}

std::optional<InstantKind> instantKindFromKey(const QString& key)
{
    return enumFromKey(allInstantKinds, instantKindKey, key);
}

} // namespace conlab
