#include "scenario.h"

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
    return index < steps.size() ? steps[index].label.text(locale) : QString();
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
