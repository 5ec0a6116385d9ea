#include "core/trace/laneprocess.h"

namespace conlab {

namespace {

const QString prefix = QStringLiteral(" [pid ");

} // namespace

QString processLaneSuffix(int pid)
{
    return prefix + QString::number(pid) + QLatin1Char(']');
}

int laneProcess(const QString& name)
{
    if (!name.endsWith(QLatin1Char(']')))
        return 0;
    const qsizetype at = name.lastIndexOf(prefix);
    if (at < 0)
        return 0;
    bool ok = false;
    const int pid = QStringView(name).mid(at + prefix.size(), name.size() - 1 - at - prefix.size()).toInt(&ok);
    return ok && pid > 0 ? pid : 0;
}

} // namespace conlab
