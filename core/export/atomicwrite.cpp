#include "core/export/atomicwrite.h"

#include "core/export/outputfile.h"

#include <QDir>

namespace conlab {

bool writeTextFileAtomically(
    const QString& path, const QString& what, const std::function<void(TextBuffer&)>& write, QString* error)
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
        *error = QStringLiteral("Could not write the %1 %2: %3.")
                     .arg(what, QDir::toNativeSeparators(path), file.errorReason());
    return false;
}

} // namespace conlab
