#pragma once

#include <QStringList>

namespace conlab {

// `conlab open FILE ...`: reads a trace (conlab's own run file, or any Chrome Trace Event JSON) without a window and
// says what it holds; writes its CSV and figures as `conlab run` does. Exit codes: 0 the file opened (even with
// events skipped), 1 it was refused or an output could not be written, 2 bad options.
int openCommand(const QStringList& arguments);

} // namespace conlab
