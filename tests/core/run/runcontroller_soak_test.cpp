#include "core/run/processstats.h"
#include "core/workload/workloadspec.h"
#include "tests/core/testrun.h"

#include <QElapsedTimer>
#include <gtest/gtest.h>
#include <vector>

using namespace conlab;

// The soak (ctest label `soak`): 500 runs in one process, every model and executor choice with every workload at test
// size, one after another as a class clicking through the app for an hour would. Whatever a run takes (threads,
// descriptors, worker processes, memory) it gives back: after a warm-up cycle, which makes the allocations and threads
// a process keeps for good (the calibration, glibc's arenas, Qt's pools), the counts return to where they were and
// resident memory grows by less than 10 %.
namespace {

struct SoakModel
{
    ModelKind model;
    bool gil = false;
    OffloadKind offload = OffloadKind::None;
};

const std::vector<SoakModel> everyModel {{ModelKind::Sequential}, {ModelKind::Processes}, {ModelKind::Threads},
    {ModelKind::Threads, true}, {ModelKind::EventLoop}, {ModelKind::EventLoop, false, OffloadKind::Threads},
    {ModelKind::EventLoop, false, OffloadKind::Processes}};

// Every model with every workload, each at test size.
std::vector<RunConfig> oneCycle()
{
    std::vector<RunConfig> cycle;
    for (const SoakModel& choice : everyModel) {
        for (WorkloadKind kind : allWorkloadKinds) {
            RunConfig config = test::makeConfig(choice.model, kind, 4, 2, 1, 1);
            config.gil = choice.gil;
            config.offload = choice.offload;
            config.workload.phases = 2;
            config.workload.increments = 200;
            if (kind == WorkloadKind::Convoy) {
                config.workload.cpuMs = 5;
                config.workload.ioMs = 0.1;
            }
            cycle.push_back(config.normalized());
        }
    }
    return cycle;
}

// Tasks completed and worker processes started over the soak: what it really did.
struct SoakTally
{
    int tasks = 0;
    int workerProcesses = 0;
};

bool runsCleanly(const RunConfig& config, int index, SoakTally* tally = nullptr)
{
    const RunResult result = test::runToCompletion(config);
    const RunSummary& summary = result.summary;
    if (tally) {
        tally->tasks += summary.tasksCompleted;
        tally->workerProcesses += int(summary.workerPeakRssMb.size());
    }
    const bool clean = summary.error.isEmpty() && !summary.cancelled && summary.tasksCompleted == config.workload.tasks;
    EXPECT_TRUE(clean) << "run " << index << " (" << qPrintable(modelKey(config.model)) << (config.gil ? "+gil" : "")
                       << ", " << qPrintable(workloadKey(config.workload.kind)) << "): " << summary.tasksCompleted
                       << " of " << config.workload.tasks << " tasks, error '" << qPrintable(summary.error) << "'"
                       << (summary.cancelled ? ", cancelled" : "");
    return clean;
}

} // namespace

TEST(Soak, FiveHundredRunsOfEveryModelAndWorkloadGiveBackWhatTheyTake)
{
    const std::vector<RunConfig> cycle = oneCycle();
    for (std::size_t i = 0; i < cycle.size(); ++i)
        ASSERT_TRUE(runsCleanly(cycle[i], int(i))) << "warm-up";
    const auto start = test::processCounts();
    ASSERT_TRUE(start) << "/proc/self cannot be read: no leak check without it";
    ASSERT_TRUE(test::settlesTo(*start));
    const auto before = test::processCounts();
    const auto rssBefore = processstats::rssMb();
    ASSERT_TRUE(before && rssBefore) << "/proc/self cannot be read: no leak check without it";

    constexpr int runs = 500;
    QElapsedTimer clock;
    clock.start();
    int failures = 0;
    SoakTally tally;
    for (int i = 0; i < runs && failures < 5; ++i)
        failures += !runsCleanly(cycle[std::size_t(i) % cycle.size()], i, &tally);
    ASSERT_EQ(failures, 0);

    EXPECT_TRUE(test::settlesTo(*before)) << test::countsNowText() << " (" << *before << " before)";
    EXPECT_TRUE(test::noChildrenWithin(1000)) << test::countsNowText();
    const auto after = test::processCounts();
    const auto rssAfter = processstats::rssMb();
    ASSERT_TRUE(after && rssAfter) << "/proc/self cannot be read after the runs";
    std::printf("[ measured ] %d runs (%d tasks, %d worker processes) in %.1f s; threads %d -> %d, descriptors %d -> "
                "%d, RSS %.1f -> %.1f MiB (%+.1f %%)\n",
        runs, tally.tasks, tally.workerProcesses, double(clock.elapsed()) / 1000.0, before->threads, after->threads,
        before->fds, after->fds, *rssBefore, *rssAfter, (*rssAfter / *rssBefore - 1) * 100);
    EXPECT_LT(*rssAfter, *rssBefore * 1.10);
}
