#pragma once

#include "core/trace/trace.h"

#include <QString>
#include <array>
#include <optional>

namespace conlab {

// Stable names of a trace's lane and instant kinds, as run files store them: append, never rename.
inline constexpr std::array allLaneKinds {LaneKind::Thread, LaneKind::Process, LaneKind::LoopSlot, LaneKind::Gil};
inline constexpr std::array allInstantKinds {InstantKind::GilDropRequest};

QString laneKindKey(LaneKind kind);
std::optional<LaneKind> laneKindFromKey(const QString& key);

QString instantKindKey(InstantKind kind);
std::optional<InstantKind> instantKindFromKey(const QString& key);

} // namespace conlab
