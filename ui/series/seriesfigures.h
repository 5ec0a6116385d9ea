#pragma once

#include "core/analysis/scalingplan.h"
#include "core/run/runresult.h"
#include "ui/export/figureoptions.h"

#include <QStringList>
#include <vector>

namespace conlab {

// Compare-all's and the sweep's pictures without a window (`conlab run --compare/--sweep --png/--svg/--pdf`): the
// results are shown in a CompareView or SweepView that is never put on screen, and its figure is written to every
// file of the request, so the command line draws exactly what the window's Export picture does. An invalid
// request.size means the view's own default size (the compare view's stack of timelines is taller than a slide).
// Needs a QApplication unless the request is empty. Returns one sentence per file that could not be written.
QStringList writeCompareFigures(
    const std::vector<RunConfig>& configs, const std::vector<RunResult>& results, const FigureRequest& request);
QStringList writeSweepFigures(
    const ScalingPlan& plan, const std::vector<RunResult>& results, const FigureRequest& request);

} // namespace conlab
