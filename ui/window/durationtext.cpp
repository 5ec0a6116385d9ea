#include "ui/window/durationtext.h"

#include <QCoreApplication>

namespace conlab {

QString durationText(double ms)
{
    if (ms < 10)
        return QCoreApplication::translate("conlab::DurationText", "%1 ms").arg(ms, 0, 'f', 2);
    if (ms < 1000)
        return QCoreApplication::translate("conlab::DurationText", "%1 ms").arg(ms, 0, 'f', 0);
    return QCoreApplication::translate("conlab::DurationText", "%1 s").arg(ms / 1000, 0, 'f', 2);
}

} // namespace conlab
