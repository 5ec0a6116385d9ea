#pragma once

#include "core/export/runfile.h"
#include "core/import/runfilelimits.h"

#include <QByteArrayView>
#include <QString>
#include <optional>

namespace conlab {

// Reads a run file written by writeRunFile() (or `conlab run --trace`), or any Chrome Trace Event JSON file from
// another tool (X, B/E, C, i and M events; the JSON Object or JSON Array form). On failure returns nullopt and
// *error is one sentence naming the file and the problem with its position ("line 12, column 5"), e.g. a
// malformed, truncated, wrongly typed or too large file. Never crashes, whatever the bytes.
std::optional<SavedRun> readRunFile(const QString& path, QString* error);

// The same on bytes in memory; displayName is the file name used in error messages.
std::optional<SavedRun> parseRunFile(QByteArrayView json, const QString& displayName, QString* error);

// Both with limits other than the defaults (runfilelimits.h).
std::optional<SavedRun> readRunFile(const QString& path, QString* error, const RunFileLimits& limits);
std::optional<SavedRun> parseRunFile(
    QByteArrayView json, const QString& displayName, QString* error, const RunFileLimits& limits);

} // namespace conlab
