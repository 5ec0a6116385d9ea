#include "core/scenario/scenario.h"

#include "core/run/modellabel.h"

namespace conlab {

QString Scenario::text(Field field, const QLocale& locale) const
{
    switch (field) {
    case Field::Title:
        return title.text(locale);
    case Field::Question:
        return question.text(locale);
    case Field::Explanation:
        return explanation.text(locale);
    case Field::LookAt:
        return lookAt.text(locale);
    }
    return {};
}

QString Scenario::stepLabel(std::size_t index, const QLocale& locale) const
{
    if (index >= steps.size())
        return {};
    const ScenarioStep& step = steps[index];
    // Asked each time rather than stored at parse time, so that the name follows a language switch.
    return step.label.en.isEmpty() ? modelLabel(step.config) : step.label.text(locale);
}

std::vector<RunConfig> Scenario::stepConfigs() const
{
    std::vector<RunConfig> configs;
    configs.reserve(steps.size());
    for (const ScenarioStep& step : steps)
        configs.push_back(step.config);
    return configs;
}

} // namespace conlab
