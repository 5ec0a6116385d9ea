#include "ui/export/headlessfigure.h"

#include "ui/export/renderedfigure.h"
#include "ui/plots/coreutilisationplot.h"
#include "ui/plots/timelineplot.h"

namespace conlab {

namespace {

QStringList writeTraceFigures(const std::shared_ptr<const Trace>& trace, const RunSummary* summary,
    const CaptionFacts& facts, const FigureRequest& request)
{
    if (request.isEmpty())
        return {};
    TimelinePlot timeline;
    CoreUtilisationPlot utilisation;
    if (trace) {
        timeline.showTrace(*trace);
        utilisation.showTrace(trace, summary, CoreUtilisationPlot::Wait::ForOwnLines);
    }
    return writeFigureFiles(runFigure(timeline, utilisation, request.content, facts, false), request);
}

} // namespace

QStringList writeRunFigures(const RunResult& result, const FigureRequest& request)
{
    // A headless run knows no other run of its workload: the caption says the speed-up was not measured.
    return writeTraceFigures(result.trace, &result.summary, runCaptionFacts(result.summary, std::nullopt), request);
}

QStringList writeSavedRunFigures(const SavedRun& run, const QString& fileName, const FigureRequest& request)
{
    return writeTraceFigures(
        run.trace, run.summary ? &*run.summary : nullptr, savedRunCaptionFacts(run, fileName), request);
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
