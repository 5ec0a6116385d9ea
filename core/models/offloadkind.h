#pragma once

#include <QString>
#include <array>
#include <optional>

namespace conlab {

// Where the event loop runs CPU phases: inline (blocking the loop), or awaited in an executor like
// asyncio's loop.run_in_executor with a thread pool or a process pool.
enum class OffloadKind
{
    None,
    Threads,
    Processes,
};

inline constexpr std::array allOffloadKinds {OffloadKind::None, OffloadKind::Threads, OffloadKind::Processes};

QString offloadKey(OffloadKind kind);
std::optional<OffloadKind> offloadFromKey(const QString& key);

} // namespace conlab
