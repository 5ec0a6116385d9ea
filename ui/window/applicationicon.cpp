#include "ui/window/applicationicon.h"

namespace conlab {

QIcon applicationIcon()
{
    return QIcon(QStringLiteral(":/icons/conlab.svg"));
}

} // namespace conlab
