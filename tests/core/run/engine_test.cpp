#include "core/workload/ioclient.h"
#include "core/workload/latencyserver.h"
#include "tests/core/testrun.h"
#include "tests/timingslack.h"

#include <QElapsedTimer>
#include <gtest/gtest.h>

using namespace conlab;
using conlab::test::makeConfig;

namespace {

struct SilentServerCase
{
    const char* name;
    ModelKind model;
    bool gil = false;
    WorkloadKind workload = WorkloadKind::Io;
};

class SilentServerTiming : public ::testing::TestWithParam<SilentServerCase>
{
};

// The fault: the latency server keeps accepting and reading requests, but after a few replies it sends no more.
// Every model's I/O waits must give up on their own (the blocking client's and the event loop's awaiter's timeout),
// the first one names the task and the timeout, and the run ends with the tasks completed before it.
TEST_P(SilentServerTiming, IoTasksTimeOutAndTheRunEnds)
{
    const SilentServerCase& c = GetParam();
    RunConfig config = makeConfig(c.model, c.workload, 40, 4, 2, 20);
    config.gil = c.gil;
    LatencyServer server;
    QString error;
    ASSERT_TRUE(server.start(&error)) << error.toStdString();

    constexpr std::uint64_t repliesBeforeSilence = 6;
    QElapsedTimer sinceSilence;
    const auto result = test::runEngineAgainst(
        config, server,
        [&] {
            if (server.isAnswering() && server.requestsServed() >= repliesBeforeSilence) {
                server.setAnswering(false);
                sinceSilence.start();
            }
        },
        test::slack(30'000));

    ASSERT_TRUE(result.has_value()) << "the run hung: it did not end within 30 s";
    ASSERT_TRUE(sinceSilence.isValid()) << "the run ended before the server stopped answering";
    const qint64 endedAfterMs = sinceSilence.elapsed();
    std::printf("[ measured ] run ended %lld ms after the server went silent; error: %s\n",
        static_cast<long long>(endedAfterMs), qPrintable(result->outcome.error.english()));

    const QString message = result->outcome.error.english();
    EXPECT_TRUE(message.startsWith(QStringLiteral("task "))) << message.toStdString();
    EXPECT_TRUE(message.contains(replyTimeoutError(20'000))) << message.toStdString();
    EXPECT_FALSE(result->cancelled);
    EXPECT_GE(result->outcome.tasksCompleted, 1);
    EXPECT_LT(result->outcome.tasksCompleted, 40);
    // A request times out a second after it was sent; the requests in flight go at once, and nothing new starts.
    EXPECT_GE(endedAfterMs, 900);
    EXPECT_LT(endedAfterMs, test::slack(3'000));
    EXPECT_GT(server.requestsReceived(), server.requestsServed());

    // The server was the fault, not the engine: once it answers again, the same run works.
    server.setAnswering(true);
    const auto again = test::runEngineAgainst(
        config, server, [] {}, test::slack(30'000));
    ASSERT_TRUE(again.has_value());
    EXPECT_TRUE(again->outcome.error.isEmpty()) << again->outcome.error.english().toStdString();
    EXPECT_EQ(again->outcome.tasksCompleted, 40);
}

INSTANTIATE_TEST_SUITE_P(EveryModel, SilentServerTiming,
    ::testing::Values(SilentServerCase {"sequential", ModelKind::Sequential},
        SilentServerCase {"threads", ModelKind::Threads}, SilentServerCase {"threadsGil", ModelKind::Threads, true},
        SilentServerCase {"processes", ModelKind::Processes}, SilentServerCase {"eventloop", ModelKind::EventLoop},
        SilentServerCase {"eventloopGil", ModelKind::EventLoop, true},
        SilentServerCase {"eventloopMixed", ModelKind::EventLoop, false, WorkloadKind::Mixed}),
    [](const ::testing::TestParamInfo<SilentServerCase>& instance) { return std::string(instance.param.name); });

} // namespace
