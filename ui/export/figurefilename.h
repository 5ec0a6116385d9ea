#pragma once

#include "export/figurecaption.h"
#include "export/figureformat.h"

#include <QString>

namespace conlab {

// A file name that says what the picture shows: "conlab-threads-gil-cpu-2026-12-01.png" for a run (model, workload,
// date), the trace's own base name for a trace opened from another tool ("perf.png"). No folder.
QString figureFileName(const CaptionFacts& facts, FigureFormat format);

// path with its suffix replaced by (or, without one, extended with) format's: the dialog keeps the name in step with
// the format chosen.
QString withFigureSuffix(const QString& path, FigureFormat format);

} // namespace conlab
