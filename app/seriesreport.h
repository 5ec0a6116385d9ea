#pragma once

#include "core/analysis/scalingplan.h"
#include "core/run/runresult.h"
#include "core/scenario/scenario.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <vector>

namespace conlab {

// What `conlab run --scenario`, `--compare` and `--sweep` print: text for a terminal, or one JSON object. `labels[i]`
// names results[i]'s step; results may be shorter than the plan when the series was cancelled.

// "[2/5] threads + GIL: 1237.8 ms", or the error: one line per finished step while a long series runs.
QString stepProgressLine(int index, int count, const QString& label, const RunSummary& summary);

QString scenarioHeaderText(const Scenario& scenario);
QString scenarioStepText(int index, int count, const QString& label, const RunSummary& summary);
// The steps side by side (wall time, speed-up against the scenario's sequential step if it has one, and the numbers
// the lesson is about: resume latency, round trips, lost updates, start-up, worker memory), then the explanation and
// what to look at.
QString scenarioFooterText(const Scenario& scenario, const QStringList& labels, const std::vector<RunResult>& results);
// {"scenario": id, "runs": [summary, ...]}
QJsonObject scenarioJson(const QString& id, const std::vector<RunResult>& results);

// A table of wall time and speed-up against the first run (sequential); points run several times show their median
// with the range of their repeats.
QString compareText(const QStringList& labels, const std::vector<RunResult>& results);
// {"compare": [{"label", "runs", "wall_ms", "wall_min_ms", "wall_max_ms", "speedup", "speedup_min", "speedup_max",
// "summary"}, ...], "repeat": N}: wall_ms is the median run's, the speed-ups against the baseline's median.
QJsonObject compareJson(const QStringList& labels, const std::vector<RunResult>& results, int repeat);

// Workers, wall time, speed-up, the ideal and Amdahl's prediction, then the fitted parallel fraction.
QString sweepText(const ScalingPlan& plan, const std::vector<RunResult>& results);
// {"sweep": {"model", "repeat", "baseline", "parallel_fraction", "parallel_fraction_error", "parallelism_cap",
// "rms_relative_error", "points": [{"workers", "amdahl", and the spread as compareJson's runs}]}}
QJsonObject sweepJson(const ScalingPlan& plan, const std::vector<RunResult>& results, int repeat);

} // namespace conlab
