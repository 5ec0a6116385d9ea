#pragma once

#include <QString>

namespace conlab {

// One command's help as QCommandLineParser::helpText() prints it.
struct CommandHelp
{
    QString command; // "conlab", "conlab run"
    QString helpText;
};

// The manual page conlab.1 (roff), rendered from the --help texts of the window and of `conlab run`, so that the two
// cannot drift: the build writes it with `conlab --man` (app/CMakeLists.txt).
QString manPage(const CommandHelp& window, const CommandHelp& run, const QString& version);

} // namespace conlab
