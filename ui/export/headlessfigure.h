#pragma once

#include "export/figureoptions.h"
#include "run/runresult.h"

#include <QStringList>

namespace conlab {

// A run's figure without a window (`conlab run --png/--svg/--pdf`): the trace is drawn on a timeline and a
// utilisation plot made for the purpose and never shown, over the whole run, and written to every file of the
// request. Needs a QApplication (an offscreen one will do) unless the request is empty: then nothing is done. Returns
// one sentence per file that could not be written; the others are written all the same.
QStringList writeRunFigures(const RunResult& result, const FigureRequest& request);

} // namespace conlab
