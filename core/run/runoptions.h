#pragma once

#include "core/run/runconfig.h"

#include <QCommandLineParser>
#include <QString>
#include <functional>
#include <optional>

namespace conlab {

// The run options shared by `conlab run` and the GUI's command line: --model, --workload, --tasks, --workers,
// --cpu-ms, --io-ms, --phases, --sample-hz, --increments, --lock, --yield-between, --gil, --switch-interval-ms,
// --offload, --calibration.
void addRunOptions(QCommandLineParser& parser);

// Reads the options added by addRunOptions() over `base`: anything unset keeps base's value (RunConfig's defaults,
// a scenario's step, or the GUI's remembered settings). --model picks the whole model choice: without --gil or
// --offload beside it they are off, whatever base had; likewise --workload with --lock and --yield-between. On bad
// input returns nullopt and one line for stderr naming the argument and what was wrong with it.
std::optional<RunConfig> runConfigFromOptions(
    const QCommandLineParser& parser, QString* error, const RunConfig& base = RunConfig());

// A setting given where it means nothing (--lock without the counter workload, a switch interval without the GIL)
// is refused rather than silently ignored. `isSet` says whether an option (by its command-line name) was given.
std::optional<ConfigProblem> misplacedOption(const std::function<bool(const QString&)>& isSet, const RunConfig& config);

} // namespace conlab
