#include "atomicwrite.h"

#include "util/fileerror.h"

#include <QDir>
#include <QSaveFile>

namespace conlab {

bool writeTextFileAtomically(
    const QString& path, const QString& what, const std::function<void(TextBuffer&)>& write, QString* error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        TextBuffer out(&file, 1024 * 1024);
        write(out);
        if (out.flush() && file.commit())
            return true;
    }

    // Not committed: QSaveFile discards its temporary file and the old file at path is untouched.
    if (error) {
        *error = QStringLiteral("Could not write the %1 %2: %3.")
                     .arg(what, QDir::toNativeSeparators(path), fileErrorReason(file.errorString()));
    }
    return false;
}

} // namespace conlab
