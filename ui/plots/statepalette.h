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

// One colour per worker in the Cores view: the Okabe-Ito hues, lighter then darker on each cycle past their number,
// so that neighbouring workers never share a colour.
QColor workerColor(int worker);

} // namespace conlab
