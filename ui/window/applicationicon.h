#pragma once

#include <QIcon>

namespace conlab {

// The app's icon (resources/icons/conlab.svg, compiled in): the window icon, and the one conlab.desktop names.
QIcon applicationIcon();

} // namespace conlab
