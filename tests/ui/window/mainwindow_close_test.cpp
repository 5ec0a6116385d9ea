#include "core/run/processstats.h"
#include "tests/core/testrun.h"
#include "tests/timingslack.h"
#include "tests/ui/child.h"
#include "tests/ui/spinuntil.h"
#include "ui/plots/timelineplot.h"
#include "ui/timeline/timelinedata.h"
#include "ui/window/mainwindow.h"
#include "ui/window/runsession.h"

#include <QElapsedTimer>
#include <QThreadPool>
#include <gtest/gtest.h>
#include <latch>
#include <memory>

using namespace conlab;
using conlab::test::spinUntil;

// The in-process half of closing the window mid-run (tests/app/window_close_test.cpp closes the real binary): with
// every model, closing and destroying the window in the middle of a long run returns quickly and leaves this process
// with the threads, descriptors and children it had before.
namespace {

struct ModelCase
{
    const char* name;
    ModelKind model;
    bool gil = false;
    OffloadKind offload = OffloadKind::None;
};

class MainWindowClosedMidRunTiming : public ::testing::TestWithParam<ModelCase>
{
protected:
    // The first window and run start threads Qt keeps for the process (the platform's, the sampler's pool): they
    // are no leak, so the baseline is taken after one. Qt's global thread pool (its image conversions) starts
    // threads as its work needs them and keeps each, with an event dispatcher's descriptor, for 30 s: it is filled
    // once here and told to keep them, so that how many a run happens to start does not count.
    static void SetUpTestSuite()
    {
        QThreadPool* pool = QThreadPool::globalInstance();
        pool->setExpiryTimeout(-1);
        // Not waitForDone(): in Qt 6 it also ends the pool's threads. Static: the last task may still be leaving it.
        static std::latch everyThread(pool->maxThreadCount());
        for (int i = 0; i < pool->maxThreadCount(); ++i)
            pool->start([] { everyThread.arrive_and_wait(); });
        everyThread.wait();
        auto window = std::make_unique<MainWindow>();
        window->show();
        window->runCurrent();
        spinUntil([&] { return !window->session().isRunning(); });
        window->close();
    }
};

TEST_P(MainWindowClosedMidRunTiming, ReturnsAtOnceAndLeavesNothingBehind)
{
    const ModelCase& c = GetParam();
    const auto start = test::processCounts();
    ASSERT_TRUE(start) << "/proc/self cannot be read: no leak check without it";
    ASSERT_TRUE(test::settlesTo(*start));
    const auto before = test::processCounts();
    ASSERT_TRUE(before);

    auto window = std::make_unique<MainWindow>();
    RunConfig config = test::makeConfig(c.model, WorkloadKind::Cpu, 64, 2, 2'000, 0);
    config.gil = c.gil;
    config.offload = c.offload;
    window->setRunConfig(config);
    window->show();
    window->runCurrent();
    ASSERT_TRUE(spinUntil([&] { return test::child<TimelinePlot>(*window, "timeline")->data().segmentCount() > 0; },
        test::slack(20'000)));
    EXPECT_GT(processstats::threadCount().value_or(0), before->threads);

    QElapsedTimer clock;
    clock.start();
    window->close();
    window.reset();
    const qint64 closedMs = clock.elapsed();
    std::printf("[ measured ] %s: close and destroy took %lld ms\n", c.name, static_cast<long long>(closedMs));
    EXPECT_LT(closedMs, test::slack(1'000));
    EXPECT_TRUE(test::settlesTo(*before)) << test::countsNowText() << " (" << *before << " before)";
    // Qt reaps a killed worker a moment later, from its own notifier.
    EXPECT_TRUE(spinUntil(
        [] {
            const auto children = processstats::childPids();
            return children && children->empty();
        },
        1'000))
        << test::countsNowText();
}

INSTANTIATE_TEST_SUITE_P(EveryModel, MainWindowClosedMidRunTiming,
    ::testing::Values(ModelCase {"sequential", ModelKind::Sequential}, ModelCase {"processes", ModelKind::Processes},
        ModelCase {"threads", ModelKind::Threads}, ModelCase {"threadsGil", ModelKind::Threads, true},
        ModelCase {"eventloop", ModelKind::EventLoop},
        ModelCase {"eventloopThreadPool", ModelKind::EventLoop, false, OffloadKind::Threads},
        ModelCase {"eventloopProcessPool", ModelKind::EventLoop, false, OffloadKind::Processes}),
    [](const ::testing::TestParamInfo<ModelCase>& instance) { return std::string(instance.param.name); });

} // namespace
