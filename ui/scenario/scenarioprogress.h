#pragma once

#include "core/run/runconfig.h"
#include "core/run/runsummary.h"
#include "core/scenario/scenario.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace conlab {

// Where a class is in a lesson: the step on the controls, the step whose run is going, and what each step's last
// complete run took. The explanation is for after a run, so it waits until some step has run to its end.
struct ScenarioProgress
{
    std::size_t current = 0;
    std::optional<std::size_t> running;
    std::vector<std::optional<double>> wallMs; // one per step
    // Each step's last complete run, for the numbers a real-CPython step's explanation quotes (realStepText()).
    std::vector<std::optional<RunSummary>> summaries;

    static ScenarioProgress start(const Scenario& scenario);
    bool explained() const;
};

// The step a run of `config` counts as: `preferred` (the current step) when it runs the same thing, else the first
// step that does, so a teacher who clicks the models out of order still ticks the steps off. Compared the way the
// window compares stored results (RunSession::settingsKey), so "auto" workers match the number they stand for.
std::optional<std::size_t> matchingStep(const Scenario& scenario, const RunConfig& config, std::size_t preferred);

} // namespace conlab
