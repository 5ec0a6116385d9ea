#include "core/scenario/scenario.h"

#include "core/run/modellabel.h"
#include "core/sampling/usablecores.h"

namespace conlab {

QString Scenario::text(Field field, const QLocale& locale) const
{
    const auto withCores = [](QString text) {
        // Computed when shown, never written in: a lesson read on an 8-core laptop or under taskset says what that
        // machine gives this process.
        return text.replace(QLatin1String("{cores}"), QString::number(usableCores()));
    };
    switch (field) {
    case Field::Title:
        return withCores(title.text(locale));
    case Field::Question:
        return withCores(question.text(locale));
    case Field::Explanation:
        return withCores(explanation.text(locale));
    case Field::LookAt:
        return withCores(lookAt.text(locale));
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
