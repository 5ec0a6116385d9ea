#include "tests/ui/scenario/tinyscenario.h"
#include "ui/scenario/scenarioprogress.h"

#include <gtest/gtest.h>

using namespace conlab;

TEST(ScenarioProgress, IsExplainedOnceAStepHasRunToItsEnd)
{
    test::TinyLibrary tiny;
    const Scenario& scenario = *tiny.library.find(QStringLiteral("tiny"));
    ScenarioProgress progress = ScenarioProgress::start(scenario);
    EXPECT_EQ(progress.wallMs.size(), 3u);
    EXPECT_EQ(progress.current, 0u);
    EXPECT_FALSE(progress.explained());
    progress.running = 1;
    EXPECT_FALSE(progress.explained());
    progress.wallMs[1] = 12.5;
    EXPECT_TRUE(progress.explained());
}

TEST(ScenarioProgress, ARunIsTheStepThatRunsTheSameThing)
{
    test::TinyLibrary tiny;
    const Scenario& scenario = *tiny.library.find(QStringLiteral("tiny"));
    for (std::size_t i = 0; i < scenario.steps.size(); ++i)
        EXPECT_EQ(matchingStep(scenario, scenario.steps[i].config, 0), i);

    // What the model does not use does not count: the sequential model with other workers is the same run.
    RunConfig sequential = scenario.steps[0].config;
    sequential.workers = 7;
    EXPECT_EQ(matchingStep(scenario, sequential, 2), 0u);

    // Other settings are another run.
    RunConfig longer = scenario.steps[1].config;
    longer.workload.ioMs = 20;
    EXPECT_FALSE(matchingStep(scenario, longer, 1).has_value());
    RunConfig twoThreads = scenario.steps[1].config;
    twoThreads.workers = 2;
    EXPECT_FALSE(matchingStep(scenario, twoThreads, 1).has_value());
}

TEST(ScenarioProgress, TheCurrentStepWinsWhenTwoStepsRunTheSameThing)
{
    test::TinyLibrary tiny;
    Scenario scenario = *tiny.library.find(QStringLiteral("tiny"));
    scenario.steps.push_back(scenario.steps[0]);
    EXPECT_EQ(matchingStep(scenario, scenario.steps[0].config, 3), 3u);
    EXPECT_EQ(matchingStep(scenario, scenario.steps[0].config, 1), 0u);
}
