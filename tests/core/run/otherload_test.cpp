#include "core/run/otherload.h"
#include "core/sampling/usablecores.h"
#include "tests/core/testrun.h"

#include <QProcess>
#include <gtest/gtest.h>
#include <memory>
#include <thread>

using namespace conlab;

namespace {

CpuSample sample(std::int64_t ms, std::vector<float> perCore)
{
    return CpuSample {ms * 1'000'000, std::move(perCore)};
}

} // namespace

TEST(OtherLoad, IsTheSystemsBusyTimeLessThisProcesss)
{
    // Two cores, both 75 % busy over one second; this process computed 500 ms of it (25 % of the machine).
    const std::vector<CpuSample> samples {sample(0, {0, 0}), sample(500, {75, 75}), sample(1000, {75, 75})};
    const auto other = otherLoadPercent(samples, 0, 1'000'000'000, 500);
    ASSERT_TRUE(other);
    EXPECT_NEAR(*other, 50.0, 1e-6);
}

TEST(OtherLoad, WeighsOnlyThePartOfEachSampleInsideTheRun)
{
    // The run is [250, 750] ms: half of each sample. Busy 100 % in the first, 0 % in the second.
    const std::vector<CpuSample> samples {sample(0, {0}), sample(500, {100}), sample(1000, {0})};
    const auto other = otherLoadPercent(samples, 250'000'000, 750'000'000, 0);
    ASSERT_TRUE(other);
    EXPECT_NEAR(*other, 50.0, 1e-6);
}

TEST(OtherLoad, CoresWithoutDataAreLeftOutAndNothingMeasuredIsNoAnswer)
{
    const float none = std::numeric_limits<float>::quiet_NaN();
    const std::vector<CpuSample> samples {sample(0, {0, none}), sample(1000, {40, none})};
    EXPECT_NEAR(otherLoadPercent(samples, 0, 1'000'000'000, 100).value_or(-1), 30.0, 1e-6);
    EXPECT_FALSE(otherLoadPercent({}, 0, 1'000'000'000, 0)) << "no sample";
    EXPECT_NEAR(otherLoadPercent({sample(1000, {50})}, 0, 1'000'000'000, 0).value_or(-1), 50.0, 1e-6)
        << "the first sample covers the run from its beginning";
    EXPECT_FALSE(otherLoadPercent(samples, 5, 5, 0)) << "an empty run";
    EXPECT_NEAR(otherLoadPercent(samples, 0, 1'000'000'000, 900).value_or(-1), 0.0, 1e-6)
        << "more own work than the system saw (sampling noise) is no negative load";
}

// A neighbour started by the test busy-loops on every core while a sequential run computes: the run's summary says
// other programs took a large share of the machine. It starts processes, so its name says so: the tsan preset leaves
// such tests out (tests/sanitizers/tsan.supp says why) and ASan runs it.
TEST(OtherLoad, ABusyNeighbourProcessIsReportedInTheSummary)
{
    std::vector<std::unique_ptr<QProcess>> neighbours;
    for (unsigned i = 0; i < std::max(1u, std::thread::hardware_concurrency()); ++i) {
        auto neighbour = std::make_unique<QProcess>();
        neighbour->start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("while :; do :; done")});
        ASSERT_TRUE(neighbour->waitForStarted());
        neighbours.push_back(std::move(neighbour));
    }
    RunConfig config = test::makeConfig(ModelKind::Sequential, WorkloadKind::Cpu, 3, 1, 40, 0);
    config.sampleHz = 100;
    const RunResult result = test::runToCompletion(config);
    for (auto& neighbour : neighbours) {
        neighbour->kill();
        neighbour->waitForFinished();
    }
    ASSERT_TRUE(result.summary.error.isEmpty()) << result.summary.error.toStdString();
    ASSERT_TRUE(result.summary.otherLoadPercent);
    EXPECT_GE(*result.summary.otherLoadPercent, 30.0);
}
