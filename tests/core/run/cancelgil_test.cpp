#include "tests/core/testrun.h"
#include "tests/timingslack.h"

#include <QElapsedTimer>
#include <gtest/gtest.h>

using namespace conlab;
using conlab::test::makeConfig;

namespace {

struct CancelCase
{
    ModelKind model;
    WorkloadKind workload;
    OffloadKind offload;
    const char* name;
};

class CancelWithGilTiming : public ::testing::TestWithParam<CancelCase>
{
};

} // namespace

// A thread waiting for the GIL, or holding it in a FORCE_SWITCHING wait, must not hold up cancel.
TEST_P(CancelWithGilTiming, EndsWithin200ms)
{
    const CancelCase c = GetParam();
    RunConfig config = makeConfig(c.model, c.workload, 16, 4, 20'000, 20'000);
    config.gil = true;
    config.offload = c.offload;
    if (c.workload == WorkloadKind::Counter)
        config.workload.increments = limits::maxIncrements;

    RunController controller;
    std::optional<RunResult> result;
    QElapsedTimer sinceCancel;
    qint64 cancelToFinishedMs = -1;
    QEventLoop loop;
    QObject::connect(&controller, &RunController::finished, [&](const RunResult& r) {
        cancelToFinishedMs = sinceCancel.elapsed();
        result = r;
        loop.quit();
    });
    ASSERT_TRUE(controller.start(config));
    QTimer::singleShot(400, [&] {
        sinceCancel.start();
        controller.cancel();
    });
    QTimer::singleShot(10'000, &loop, &QEventLoop::quit);
    loop.exec();
    ASSERT_TRUE(result.has_value());
    EXPECT_TRUE(result->summary.cancelled);
    EXPECT_TRUE(result->summary.error.isEmpty()) << result->summary.error.toStdString();
    EXPECT_LT(cancelToFinishedMs, conlab::test::slack(200));
}

INSTANTIATE_TEST_SUITE_P(Models, CancelWithGilTiming,
    ::testing::Values(CancelCase {ModelKind::Sequential, WorkloadKind::Cpu, OffloadKind::None, "sequential_cpu"},
        CancelCase {ModelKind::Threads, WorkloadKind::Cpu, OffloadKind::None, "threads_cpu"},
        CancelCase {ModelKind::Threads, WorkloadKind::Mixed, OffloadKind::None, "threads_mixed"},
        CancelCase {ModelKind::Threads, WorkloadKind::Counter, OffloadKind::None, "threads_counter"},
        CancelCase {ModelKind::Threads, WorkloadKind::Convoy, OffloadKind::None, "threads_convoy"},
        CancelCase {ModelKind::EventLoop, WorkloadKind::Mixed, OffloadKind::None, "eventloop_mixed"},
        CancelCase {ModelKind::EventLoop, WorkloadKind::Mixed, OffloadKind::Threads, "eventloop_offload_threads"},
        CancelCase {ModelKind::EventLoop, WorkloadKind::Mixed, OffloadKind::Processes, "eventloop_offload_processes"}),
    [](const ::testing::TestParamInfo<CancelCase>& instance) { return std::string(instance.param.name); });
