#pragma once

#include "run/runconfig.h"

#include <QCommandLineParser>
#include <QString>
#include <optional>

namespace conlab {

// The run options shared by `conlab run` and the GUI's command line: --model, --workload, --tasks, --workers,
// --cpu-ms, --io-ms, --phases, --sample-hz, --increments, --lock, --yield-between, --gil, --switch-interval-ms,
// --offload, --calibration.
void addRunOptions(QCommandLineParser& parser);

// Reads the options added by addRunOptions(); anything unset keeps RunConfig's default. On bad input returns
// nullopt and one line for stderr naming the argument and what was wrong with it.
std::optional<RunConfig> runConfigFromOptions(const QCommandLineParser& parser, QString* error);

} // namespace conlab
