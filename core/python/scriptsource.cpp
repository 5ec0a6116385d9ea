#include "core/python/scriptsource.h"

#include <QFile>

namespace conlab {

std::optional<QString> readScriptSource(const QString& path)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return QString::fromUtf8(file.read(maxScriptSourceBytes));
}

} // namespace conlab
