#pragma once

#include "core/trace/taskstate.h"

#include <QColor>
#include <QString>

namespace conlab {

// Okabe-Ito colours: distinguishable with the common colour-vision deficiencies and on a washed-out projector.
QColor stateColor(TaskState state);
// Darker edge for the states that must stand out even when tiny (a CPU phase blocking the event loop).
QColor stateOutlineColor(TaskState state);
QString stateLegendText(TaskState state);

// One colour per core, cycling past the palette's size (corePenStyle() then tells the cycles apart).
QColor coreColor(int core);
Qt::PenStyle corePenStyle(int core);
QColor averageColor();

} // namespace conlab
