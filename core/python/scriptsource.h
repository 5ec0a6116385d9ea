#pragma once

#include <QString>
#include <optional>

namespace conlab {

// A script's text is shown beside its run and kept in its run file: up to this much of it.
inline constexpr qint64 maxScriptSourceBytes = 1 << 20;

// The text of the script at `path` (a file, or a shipped example's ":/python/NAME.py"), read as UTF-8 and cut at
// maxScriptSourceBytes; nullopt when it cannot be read.
std::optional<QString> readScriptSource(const QString& path);

} // namespace conlab
