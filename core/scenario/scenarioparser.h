#pragma once

#include "core/scenario/scenario.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace conlab {

// Reads one scenario file. `fileName` is the file's name ("io-vs-eventloop.json"): its stem is the scenario's id, and
// every error names it and the offending field in one line, e.g.
// "scenario io-vs-eventloop.json: steps[2].model: unknown model 'thread' (choose sequential|processes|...)".
// Validation is strict: unknown keys, wrong types and missing texts are errors, and every step's configuration
// must pass the same checks as the command line's (RunConfig::problem(), misplacedOption()).
std::optional<Scenario> parseScenario(const QString& fileName, const QByteArray& json, QString* error);

} // namespace conlab
