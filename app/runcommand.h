#pragma once

#include <QStringList>

class QCommandLineParser;

namespace conlab {

// The options of `conlab run` and its --help text (also read by the manual page, app/manpage.h).
void setUpRunParser(QCommandLineParser& parser);

// `conlab run ...`: one headless run, a summary on stdout. Exit codes: 0 done, 1 the run failed, 2 bad input,
// 130 interrupted.
int runCommand(const QStringList& arguments);

} // namespace conlab
