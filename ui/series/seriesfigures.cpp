#include "ui/series/seriesfigures.h"

#include "ui/compare/compareview.h"
#include "ui/export/headlessfigure.h"
#include "ui/export/pictureactions.h"
#include "ui/sweep/sweepview.h"

namespace conlab {

namespace {

QStringList writeViewFigures(SeriesView& view, FigureRequest request)
{
    if (!request.size.isValid())
        request.size = view.pictures().settings().size;
    return writeFigureFiles(view.figure(), request);
}

} // namespace

QStringList writeCompareFigures(
    const std::vector<RunConfig>& configs, const std::vector<RunResult>& results, const FigureRequest& request)
{
    if (request.isEmpty())
        return {};
    CompareView view;
    view.showResults(configs, results);
    return writeViewFigures(view, request);
}

QStringList writeSweepFigures(
    const ScalingPlan& plan, const std::vector<RunResult>& results, const FigureRequest& request)
{
    if (request.isEmpty())
        return {};
    SweepView view;
    view.showSweep(plan, results);
    return writeViewFigures(view, request);
}

} // namespace conlab
