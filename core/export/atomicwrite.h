#pragma once

#include "core/export/textbuffer.h"

#include <QString>
#include <functional>

namespace conlab {

// Streams a text file through an OutputFile in 1 MiB pieces, so a file of a hundred megabytes never exists in memory
// and is replaced only once it is complete: on failure the old file at path, if any, is untouched, false is
// returned and *error (when not null) is "Could not write the <what> <path>: <reason>.".
bool writeTextFileAtomically(
    const QString& path, const QString& what, const std::function<void(TextBuffer&)>& write, QString* error);

} // namespace conlab
