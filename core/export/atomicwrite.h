#pragma once

#include "core/export/textbuffer.h"
#include "core/util/problem.h"

#include <QString>
#include <functional>

namespace conlab {

// Streams a text file through an OutputFile in 1 MiB pieces, so a file of a hundred megabytes never exists in memory
// and is replaced only once it is complete: on failure the old file at path, if any, is untouched, false is
// returned and *error (when not null) is "Could not write the <what> <path>: <reason>.", `what` a source text marked
// with QT_TRANSLATE_NOOP("conlab::Problem", ...) so that the window words it in its language.
bool writeTextFileAtomically(
    const QString& path, const char* what, const std::function<void(TextBuffer&)>& write, Problem* error);

} // namespace conlab
