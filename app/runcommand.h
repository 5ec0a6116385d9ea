#pragma once

#include <QStringList>

namespace conlab {

// `conlab run ...`: one headless run, a summary on stdout. Exit codes: 0 done, 1 the run failed, 2 bad input,
// 130 interrupted.
int runCommand(const QStringList& arguments);

} // namespace conlab
