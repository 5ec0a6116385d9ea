#include "ui/export/headlessfigure.h"

#include "ui/export/renderedfigure.h"
#include "ui/plots/coreutilisationplot.h"
#include "ui/plots/timelineplot.h"

namespace conlab {

QStringList writeRunFigures(const RunResult& result, const FigureRequest& request)
{
    if (request.isEmpty())
        return {};
    TimelinePlot timeline;
    CoreUtilisationPlot utilisation;
    if (result.trace) {
        timeline.showTrace(*result.trace);
        utilisation.showTrace(*result.trace);
    }
    // A headless run knows no other run of its workload: the caption says the speed-up was not measured.
    return writeFigureFiles(
        runFigure(timeline, utilisation, request.content, runCaptionFacts(result.summary, std::nullopt), false),
        request);
}

QStringList writeFigureFiles(const Figure& figure, const FigureRequest& request)
{
    QStringList errors;
    for (const auto& [format, path] : request.files) {
        QString error;
        if (!writeFigure(figure, format, request.size, request.scale, path, &error))
            errors << error;
    }
    return errors;
}

} // namespace conlab
