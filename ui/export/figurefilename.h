#pragma once

#include "ui/export/figurecaption.h"
#include "ui/export/figureformat.h"

#include <QDate>
#include <QString>
#include <optional>

namespace conlab {

// A file name without suffix that says what is shown: "conlab-threads-gil-cpu-2026-12-01" for a run (model,
// workload, date), the trace's own base name for a trace opened from another tool ("perf"). Pictures, saved runs and
// CSV files are all named from it. No folder.
QString runFileStem(const CaptionFacts& facts);

// A result view's picture: "conlab-compare-cpu-2026-12-01", "conlab-sweep-threads-gil-cpu-2026-12-01". `model` is
// the swept model; compare-all has none.
QString seriesFileStem(const QString& series, const std::optional<RunConfig>& model, WorkloadKind kind, QDate date);

// The picture's name: runFileStem() with format's suffix ("conlab-threads-gil-cpu-2026-12-01.png", "perf.png").
QString figureFileName(const CaptionFacts& facts, FigureFormat format);

// path with its suffix replaced by (or, without one, extended with) format's: the dialog keeps the name in step with
// the format chosen.
QString withFigureSuffix(const QString& path, FigureFormat format);

} // namespace conlab
