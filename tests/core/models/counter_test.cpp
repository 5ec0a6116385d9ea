#include "core/sampling/usablecores.h"
#include "tests/core/testrun.h"

#include <cstdio>
#include <gtest/gtest.h>

using namespace conlab;
using conlab::test::makeConfig;
using conlab::test::runToCompletion;

namespace {

RunConfig counter(ModelKind model, int tasks, std::int64_t increments)
{
    RunConfig config = makeConfig(model, WorkloadKind::Counter, tasks, 2, 0, 0);
    config.workload.increments = increments;
    return config;
}

CounterResult runCounter(const RunConfig& config)
{
    const RunResult result = runToCompletion(config);
    EXPECT_TRUE(result.summary.error.isEmpty()) << result.summary.error.toStdString();
    EXPECT_EQ(result.summary.tasksCompleted, config.workload.tasks);
    EXPECT_TRUE(result.summary.counter.has_value());
    const CounterResult got = result.summary.counter.value_or(CounterResult {});
    std::printf("%s%s%s%s: %lld of %lld, %lld lost\n", qPrintable(modelKey(config.model)), config.gil ? " + GIL" : "",
        config.workload.lock ? ", lock" : "", config.workload.yieldBetween ? ", await between" : "",
        static_cast<long long>(got.actual), static_cast<long long>(got.expected), static_cast<long long>(got.lost()));
    return got;
}

} // namespace

TEST(Counter, ThreadsLoseUpdatesWithoutALock)
{
    if (usableCores() < 2)
        GTEST_SKIP() << "one core: two threads rarely interleave between a read and a write";
    // 4 x 200k increments of ~0.5 us: two threads overlap for tens of milliseconds at least.
    const CounterResult got = runCounter(counter(ModelKind::Threads, 4, 200'000));
    EXPECT_EQ(got.expected, 800'000);
    EXPECT_GT(got.lost(), 0);
}

TEST(Counter, ThreadsWithALockLoseNothing)
{
    RunConfig config = counter(ModelKind::Threads, 4, 50'000);
    config.workload.lock = true;
    EXPECT_EQ(runCounter(config).lost(), 0);
    config.gil = true;
    EXPECT_EQ(runCounter(config).lost(), 0);
}

TEST(Counter, GilThreadsStillLoseUpdatesWhenASwitchFallsBetweenReadAndWrite)
{
    RunConfig config = counter(ModelKind::Threads, 4, 100'000);
    config.gil = true;
    config.switchIntervalMs = 1;
    const CounterResult got = runCounter(config);
    EXPECT_GT(got.lost(), 0);
}

TEST(Counter, EventLoopIsExactUnlessItAwaitsBetweenReadAndWrite)
{
    RunConfig config = counter(ModelKind::EventLoop, 8, 20'000);
    config.workers = 0;
    EXPECT_EQ(runCounter(config).lost(), 0);

    config.workload.increments = 500;
    config.workload.yieldBetween = true;
    EXPECT_GT(runCounter(config).lost(), 0);

    config.workload.lock = true; // asyncio.Lock held across the await
    EXPECT_EQ(runCounter(config).lost(), 0);
}

TEST(Counter, SequentialIsExact)
{
    EXPECT_EQ(runCounter(counter(ModelKind::Sequential, 4, 20'000)).lost(), 0);
}

TEST(Counter, ProcessesEachIncrementTheirOwnCopy)
{
    const RunConfig config = counter(ModelKind::Processes, 4, 10'000);
    const RunResult result = runToCompletion(config);
    ASSERT_TRUE(result.summary.error.isEmpty()) << result.summary.error.toStdString();
    ASSERT_TRUE(result.summary.counter.has_value());
    EXPECT_EQ(result.summary.counter->actual, 0);
    EXPECT_EQ(result.summary.counter->expected, 40'000);
    ASSERT_FALSE(result.summary.notes.isEmpty());
    EXPECT_TRUE(result.summary.notes.join(QLatin1Char(' ')).contains(QLatin1String("own copy")));
}

TEST(Counter, ChecksumIsTheSameInEveryModel)
{
    const RunResult reference = runToCompletion(counter(ModelKind::Sequential, 3, 5'000));
    for (ModelKind model : emulatedModelKinds) {
        const RunResult result = runToCompletion(counter(model, 3, 5'000));
        EXPECT_EQ(result.summary.checksum, reference.summary.checksum) << modelKey(model).toStdString();
    }
}
