#include "core/analysis/compareplan.h"
#include "core/analysis/speedup.h"
#include "core/run/modellabel.h"
#include "tests/core/python/pythonrun.h"
#include "tests/core/testrun.h"

#include <gtest/gtest.h>
#include <set>

using namespace conlab;

TEST(ComparePlan, OneConfigPerModelOnTheSameWorkload)
{
    RunConfig config = test::makeConfig(ModelKind::Threads, WorkloadKind::Mixed, 6, 3, 12, 7);
    config.workload.phases = 3;
    const std::vector<RunConfig> configs = compareConfigs(config);
    ASSERT_EQ(configs.size(), 5u);
    EXPECT_EQ(configs[0].model, ModelKind::Sequential);
    EXPECT_EQ(configs[1].model, ModelKind::Processes);
    EXPECT_EQ(configs[2].model, ModelKind::Threads);
    EXPECT_EQ(configs[3].model, ModelKind::Threads);
    EXPECT_EQ(configs[4].model, ModelKind::EventLoop);
    std::set<QString> labels;
    for (std::size_t i = 0; i < configs.size(); ++i) {
        EXPECT_EQ(configs[i].gil, i == 3) << i;
        EXPECT_EQ(configs[i].workload.kind, WorkloadKind::Mixed);
        EXPECT_EQ(configs[i].workload.tasks, 6);
        EXPECT_EQ(configs[i].workload.phases, 3);
        EXPECT_EQ(configs[i].workload.cpuMs, 12);
        EXPECT_EQ(configs[i].workload.ioMs, 7);
        EXPECT_TRUE(configs[i].validationError().isEmpty()) << configs[i].validationError().toStdString();
        labels.insert(modelLabel(configs[i]));
    }
    EXPECT_EQ(labels.size(), configs.size()) << "every model once";
    EXPECT_EQ(configs[2].workers, 3); // the workers as given
}

TEST(ComparePlan, TheEventLoopKeepsItsExecutorAndNothingElseHasOne)
{
    RunConfig config = test::makeConfig(ModelKind::EventLoop, WorkloadKind::Mixed, 4, 0, 5, 5);
    config.offload = OffloadKind::Threads;
    config.gil = true;
    const std::vector<RunConfig> configs = compareConfigs(config);
    ASSERT_EQ(configs.size(), 5u);
    for (std::size_t i = 0; i + 1 < configs.size(); ++i) {
        EXPECT_EQ(configs[i].offload, OffloadKind::None);
        EXPECT_TRUE(configs[i].validationError().isEmpty()) << configs[i].validationError().toStdString();
    }
    EXPECT_EQ(configs[4].offload, OffloadKind::Threads);
    EXPECT_TRUE(configs[4].gil); // a thread executor under the GIL is the event loop the user picked
    EXPECT_FALSE(configs[0].gil);

    config.offload = OffloadKind::Processes;
    EXPECT_FALSE(compareConfigs(config)[4].gil); // one process pool worker's GIL contends with nothing here
}

TEST(ComparePlan, CompareAllProducesOneResultPerModel)
{
    const RunConfig workload = test::makeConfig(ModelKind::Threads, WorkloadKind::Cpu, 4, 2, 5, 0);
    const std::vector<RunConfig> configs = compareConfigs(workload);
    const test::SeriesOutcome outcome = test::runSeries(configs);
    ASSERT_EQ(outcome.results.size(), configs.size());
    EXPECT_FALSE(outcome.cancelled);
    for (std::size_t i = 0; i < configs.size(); ++i) {
        const RunSummary& summary = outcome.results[i].summary;
        EXPECT_TRUE(summary.error.isEmpty()) << summary.error.toStdString();
        EXPECT_EQ(summary.config.model, configs[i].model);
        EXPECT_EQ(summary.config.gil, configs[i].gil);
        EXPECT_EQ(summary.tasksCompleted, 4);
        // The same workload under every model: the same checksum.
        EXPECT_EQ(summary.checksum, outcome.results.front().summary.checksum) << modelLabel(configs[i]).toStdString();
        const auto speedup = speedupOver(outcome.results.front().summary, summary);
        ASSERT_TRUE(speedup);
        EXPECT_GT(*speedup, 0.0);
    }
    EXPECT_DOUBLE_EQ(*speedupOver(outcome.results.front().summary, outcome.results.front().summary), 1.0);
}

// With real CPython: after the five emulated rows, the shipped examples that run the same workload, each under the
// python model with the workload's settings as its arguments and a label beside its emulated counterpart.
TEST(ComparePlan, WithPythonAddsTheRealRowsOfTheWorkload)
{
    RunConfig config = test::makeConfig(ModelKind::Threads, WorkloadKind::Cpu, 6, 3, 40, 0);
    EXPECT_EQ(compareConfigs(config, false).size(), 5u);
    const std::vector<RunConfig> cpu = compareConfigs(config, true);
    ASSERT_EQ(cpu.size(), 8u);
    QStringList labels;
    for (std::size_t i = 5; i < cpu.size(); ++i) {
        EXPECT_EQ(cpu[i].model, ModelKind::Python);
        ASSERT_TRUE(cpu[i].python.has_value());
        EXPECT_TRUE(cpu[i].python->arguments.contains(QStringLiteral("--cpu-ms")));
        if (!test::testInterpreter().isEmpty()) { // without one, the refusal says that none is installed
            EXPECT_TRUE(cpu[i].validationError().isEmpty()) << cpu[i].validationError().toStdString();
        }
        labels << modelLabel(cpu[i]);
    }
    EXPECT_EQ(labels,
        (QStringList {QStringLiteral("threads (CPython)"), QStringLiteral("processes (CPython)"),
            QStringLiteral("asyncio (CPython)")}));
    EXPECT_EQ(cpu[5].python->arguments,
        (QStringList {QStringLiteral("--tasks"), QStringLiteral("6"), QStringLiteral("--workers"), QStringLiteral("3"),
            QStringLiteral("--cpu-ms"), QStringLiteral("40")}));
    // The emulated rows carry no script, even when the window's model was Python.
    for (std::size_t i = 0; i < 5; ++i)
        EXPECT_FALSE(cpu[i].python.has_value());

    config.workload.kind = WorkloadKind::Io;
    EXPECT_EQ(compareConfigs(config, true).size(), 7u);
    config.workload.kind = WorkloadKind::Convoy;
    EXPECT_EQ(modelLabel(compareConfigs(config, true).back()), QStringLiteral("threads (CPython)"));
    config.workload.kind = WorkloadKind::Mixed; // no example runs it
    EXPECT_EQ(compareConfigs(config, true).size(), 5u);
}
