#include "core/export/atomicwrite.h"

#include "core/export/outputfile.h"

#include <QCoreApplication>
#include <QDir>

namespace conlab {

bool writeTextFileAtomically(
    const QString& path, const char* what, const std::function<void(TextBuffer&)>& write, Problem* error)
{
    OutputFile file(path);
    if (file.open()) {
        TextBuffer out(file.device(), 1024 * 1024);
        write(out);
        if (out.flush() && file.commit())
            return true;
    }

    // Not committed: the temporary file is discarded and the old file at path is untouched.
    if (error)
        *error = Problem(QT_TRANSLATE_NOOP("conlab::Problem", "Could not write the %1 %2: %3."),
            {Problem(what), QDir::toNativeSeparators(path), file.errorReason()});
    return false;
}

} // namespace conlab
