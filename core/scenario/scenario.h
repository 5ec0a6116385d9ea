#pragma once

#include "core/run/runconfig.h"
#include "core/scenario/localizedtext.h"

#include <QLocale>
#include <QString>
#include <optional>
#include <vector>

namespace conlab {

struct ScenarioStep
{
    RunConfig config; // the scenario's workload with the step's model and overrides, normalized and valid
    // From the file; empty when it has none, and the step is then named by its model (Scenario::stepLabel()).
    LocalizedText label;
    // A real-CPython step (model python, a shipped example): what to say once it ran, with the numbers of this run
    // filled in (realStepText()); the emulated step whose numbers go beside the real ones; the real step whose wall
    // time its speed-up is measured against. Empty and absent on an emulated step.
    LocalizedText explanation;
    std::optional<std::size_t> beside;
    std::optional<std::size_t> baseline;
};

// One lesson: the question to ask before running, the models to click through on one workload, and what to say and
// point at afterwards. Loaded from a JSON file (resources/scenarios/README.md has the schema) by parseScenario().
struct Scenario
{
    enum class Field
    {
        Title,
        Question,
        Explanation,
        LookAt,
    };

    QString id; // the file name's stem: `--scenario NAME`
    QString source; // the file it came from (":/scenarios/..." for the built-in ones)
    int order = 0; // where it goes in a list: lower first, then by id
    LocalizedText title;
    LocalizedText question;
    LocalizedText explanation;
    LocalizedText lookAt;
    RunConfig workload; // the workload and its settings before any step's (model: sequential), valid
    std::vector<ScenarioStep> steps; // at least one

    QString text(Field field, const QLocale& locale = QLocale()) const;
    QString stepLabel(std::size_t index, const QLocale& locale = QLocale()) const;
    std::vector<RunConfig> stepConfigs() const;
};

} // namespace conlab
