#pragma once

#include "core/export/runfile.h"
#include "core/run/runsummary.h"
#include "ui/timeline/timelinemapping.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <optional>

namespace conlab {

// What a figure's caption can say about what it shows. Everything is optional: a finished run has its summary, a
// run still going only its settings, and a trace opened from another tool neither (its file name stands for them).
struct CaptionFacts
{
    std::optional<RunConfig> config; // the run's settings (summary->config once it has ended)
    std::optional<RunSummary> summary; // its numbers, once it has ended
    // A complete sequential run of the same workload: what the speed-up is measured against.
    std::optional<RunSummary> baseline;
    QString traceName; // a trace from another tool: its file name
    int lanes = 0;
    int cores = 0;
    // The time the data cover and, when the picture shows only part of it, that part; seconds from the run's start.
    std::optional<TimeRange> span;
    std::optional<TimeRange> window;
    QDate date; // invalid: unknown
};

// The facts of a finished run of conlab's: settings, numbers, cores and date from the summary.
CaptionFacts runCaptionFacts(const RunSummary& summary, const std::optional<RunSummary>& baseline);

// The facts of a run or trace read from a file, as the window and `conlab open` both caption it: a run of conlab's
// by its summary and baseline; a trace from another tool by `fileName` (the name alone, no folder) and its cores.
CaptionFacts savedRunCaptionFacts(const SavedRun& run, const QString& fileName);

// The lines above a figure: a title (the model in the words of its button, the workload with its parameters), then
// workers, wall time, speed-up, cores and date; then the time window when only part of the data is shown; then the
// error of a failed run. For a trace from another tool: its file name, then lanes, time span and date.
QStringList figureCaption(const CaptionFacts& facts);

// The lines above a result view's figure (compare-all, the scaling sweep): `title`, then `details` with the cores and
// the date after them, on one line as a run's caption has them. cores 0 and an invalid date are left out.
QStringList seriesCaption(const QString& title, QStringList details, int cores, QDate date);

} // namespace conlab
