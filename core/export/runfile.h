#pragma once

#include "core/import/importreport.h"
#include "core/run/runsummary.h"
#include "core/trace/trace.h"
#include "core/util/problem.h"

#include <QByteArray>
#include <QString>
#include <memory>
#include <optional>

namespace conlab {

// A run as a file keeps it: the trace always; the numbers when conlab made the run. A file is Chrome Trace Event
// JSON (ui.perfetto.dev and speedscope open it) with conlab's own record beside the events, so opening it in the
// app brings back the timeline, the utilisation and the metrics exactly as they were.
struct SavedRun
{
    std::shared_ptr<const Trace> trace;
    std::optional<RunSummary> summary; // absent for traces written by other tools
    std::optional<RunSummary> baseline; // the sequential run the speed-up was measured against, if there was one
    ImportReport import {}; // traces written by other tools: what reading them left out
    // A Python run: the script's text as it ran, so that the file shows the code behind the picture. Absent in files
    // written before it was kept, and for every other model.
    std::optional<QString> scriptSource {};
};

// Writes atomically (OutputFile): on failure the old file at path is untouched, false is returned and *error gets a
// sentence naming the file and the reason, as a value (english() for the command line, describe() for the window).
bool writeRunFile(const SavedRun& saved, const QString& path, Problem* error);

// The same text in memory, byte for byte what writeRunFile() writes.
QByteArray runFileJson(const SavedRun& saved);

} // namespace conlab
