#pragma once

#include <QString>
#include <QStringList>

class QTemporaryDir;

namespace conlab {

// The example scripts compiled in from resources/python (":/python/NAME.py"), so that an installed conlab has them.
// Each runs with plain `python3 NAME.py` too; they share conlab_knobs.py, which is not an example itself.
QStringList exampleScriptNames();
// ":/python/NAME.py", or empty when there is no such example.
QString exampleScriptPath(const QString& name);
bool isExampleScriptPath(const QString& path);

// Copies every example (and the module they share) into `dir` and returns the copy of `resourcePath`; empty with
// *error set when the copy fails.
QString extractExampleScripts(const QTemporaryDir& dir, const QString& resourcePath, QString* error);

} // namespace conlab
