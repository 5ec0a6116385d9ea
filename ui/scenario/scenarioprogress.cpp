#include "ui/scenario/scenarioprogress.h"

#include "ui/window/runsession.h"

#include <algorithm>

namespace conlab {

ScenarioProgress ScenarioProgress::start(const Scenario& scenario)
{
    ScenarioProgress progress;
    progress.wallMs.resize(scenario.steps.size());
    progress.summaries.resize(scenario.steps.size());
    return progress;
}

bool ScenarioProgress::explained() const
{
    return std::any_of(wallMs.begin(), wallMs.end(), [](const std::optional<double>& ms) { return ms.has_value(); });
}

std::optional<std::size_t> matchingStep(const Scenario& scenario, const RunConfig& config, std::size_t preferred)
{
    const QString key = RunSession::settingsKey(config);
    const auto matches
        = [&](std::size_t index) { return RunSession::settingsKey(scenario.steps[index].config) == key; };
    if (preferred < scenario.steps.size() && matches(preferred))
        return preferred;
    for (std::size_t index = 0; index < scenario.steps.size(); ++index) {
        if (matches(index))
            return index;
    }
    return std::nullopt;
}

} // namespace conlab
