#pragma once

#include "core/export/runfile.h"
#include "core/run/runresult.h"
#include "ui/export/figureoptions.h"

#include <QStringList>

namespace conlab {

// A run's figure without a window (`conlab run --png/--svg/--pdf`): the trace is drawn on a timeline and a
// utilisation plot made for the purpose and never shown, over the whole run, and written to every file of the
// request. Needs a QApplication (an offscreen one will do) unless the request is empty: then nothing is done. Returns
// one sentence per file that could not be written; the others are written all the same.
QStringList writeRunFigures(const RunResult& result, const FigureRequest& request);

// The same for a run or trace read from a file (`conlab open`): its caption names the run as the window does, or the
// file when another tool wrote it.
QStringList writeSavedRunFigures(const SavedRun& run, const QString& fileName, const FigureRequest& request);

// Writes one figure to every file of the request, at its size and scale; the files that fail are named in the
// sentences returned, the others are written all the same.
QStringList writeFigureFiles(const Figure& figure, const FigureRequest& request);

} // namespace conlab
