#include "core/analysis/ownutilisation.h"
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
    const auto other = otherLoadPercent(samples, {}, 0, 1'000'000'000, 500);
    ASSERT_TRUE(other);
    EXPECT_NEAR(*other, 50.0, 1e-6);
}

TEST(OtherLoad, WeighsOnlyThePartOfEachSampleInsideTheRun)
{
    // The run is [250, 750] ms: half of each sample. Busy 100 % in the first, 0 % in the second.
    const std::vector<CpuSample> samples {sample(0, {0}), sample(500, {100}), sample(1000, {0})};
    const auto other = otherLoadPercent(samples, {}, 250'000'000, 750'000'000, 0);
    ASSERT_TRUE(other);
    EXPECT_NEAR(*other, 50.0, 1e-6);
}

TEST(OtherLoad, CoresWithoutDataAreLeftOutAndNothingMeasuredIsNoAnswer)
{
    const float none = std::numeric_limits<float>::quiet_NaN();
    const std::vector<CpuSample> samples {sample(0, {0, none}), sample(1000, {40, none})};
    EXPECT_NEAR(otherLoadPercent(samples, {}, 0, 1'000'000'000, 100).value_or(-1), 30.0, 1e-6);
    EXPECT_FALSE(otherLoadPercent({}, {}, 0, 1'000'000'000, 0)) << "no sample";
    EXPECT_NEAR(otherLoadPercent({sample(1000, {50})}, {}, 0, 1'000'000'000, 0).value_or(-1), 50.0, 1e-6)
        << "the first sample covers the run from its beginning";
    EXPECT_FALSE(otherLoadPercent(samples, {}, 5, 5, 0)) << "an empty run";
    EXPECT_NEAR(otherLoadPercent(samples, {}, 0, 1'000'000'000, 900).value_or(-1), 0.0, 1e-6)
        << "more own work than the system saw (sampling noise) is no negative load";
}

Segment running(std::int64_t fromMs, std::int64_t toMs, int core)
{
    Segment segment;
    segment.beginNs = fromMs * 1'000'000;
    segment.endNs = toMs * 1'000'000;
    segment.state = TaskState::Running;
    segment.core = std::int8_t(core);
    return segment;
}

TEST(OtherLoad, EachSampleIsTheSystemLessTheRunsOwnSegments)
{
    // Two cores sampled every 100 ms. The run's lanes ran core 0 for all of [0, 100) and core 1 for half of
    // [100, 200); /proc/stat saw both cores busy throughout: other programs took the rest.
    const std::vector<CpuSample> samples {sample(100, {100, 100}), sample(200, {100, 100}), sample(300, {50, 50})};
    const OwnUtilisation own
        = OwnUtilisation::fromSegments(std::vector<Segment> {running(0, 100, 0), running(100, 150, 1)});
    const OtherLoad other = otherLoad(samples, own, 0, 300'000'000, 0);
    ASSERT_EQ(other.perSample.size(), 3u);
    EXPECT_FLOAT_EQ(other.perSample[0], 50.0f);
    EXPECT_FLOAT_EQ(other.perSample[1], 75.0f);
    EXPECT_FLOAT_EQ(other.perSample[2], 50.0f);
    ASSERT_TRUE(other.percent);
    EXPECT_NEAR(*other.percent, (50.0 + 75.0 + 50.0) / 3, 1e-9) << "the mean of the samples: one piece of code";
    EXPECT_NEAR(otherLoadPercent(samples, own, 0, 300'000'000, 0).value_or(-1), *other.percent, 1e-12);

    // The process's CPU time beyond its segments (150 ms: the window, the recorder) is spread over the run evenly:
    // 50 core-ms per sample, 25 % of a 2-core sample.
    const OtherLoad withOverhead = otherLoad(samples, own, 0, 300'000'000, 150 + 150);
    EXPECT_FLOAT_EQ(withOverhead.perSample[0], 25.0f);
    EXPECT_FLOAT_EQ(withOverhead.perSample[1], 50.0f);
    EXPECT_FLOAT_EQ(withOverhead.perSample[2], 25.0f);

    // A live view recomputes from a sample on: the earlier ones are left out.
    const OtherLoad tail = otherLoad(samples, own, 0, 300'000'000, 0, 2);
    ASSERT_EQ(tail.perSample.size(), 1u);
    EXPECT_FLOAT_EQ(tail.perSample[0], 50.0f);
}

TEST(OtherLoad, SegmentsBeyondWhatTheSystemSawShowNoLoadNotANegativeOne)
{
    // /proc/stat's ticks are coarse: a sample may count less than the segments held. That sample shows 0; the run's
    // percent is the mean of the unclamped values, so the next sample's excess is not counted twice.
    const std::vector<CpuSample> samples {sample(100, {0}), sample(200, {100})};
    const OwnUtilisation own = OwnUtilisation::fromSegments(std::vector<Segment> {running(50, 100, 0)});
    const OtherLoad other = otherLoad(samples, own, 0, 200'000'000, 0);
    EXPECT_FLOAT_EQ(other.perSample[0], 0.0f);
    EXPECT_FLOAT_EQ(other.perSample[1], 100.0f);
    EXPECT_NEAR(other.percent.value_or(-1), 25.0, 1e-9);
}

Segment startingUp(std::int64_t fromMs, std::int64_t toMs)
{
    Segment segment;
    segment.beginNs = fromMs * 1'000'000;
    segment.endNs = toMs * 1'000'000;
    segment.state = TaskState::StartingUp;
    return segment;
}

// Two worker processes start up in the first 100 ms, a core each, then run on both cores to the end; /proc/stat saw
// both cores busy all along and nothing else ran. Their start-up is in no running segment (it has no core), but it is
// the run's own CPU time: other programs took nothing, at the start as anywhere.
TEST(OtherLoad, WorkerStartUpIsTheRunsOwnLoad)
{
    std::vector<CpuSample> samples;
    for (std::int64_t t = 100; t <= 1000; t += 100)
        samples.push_back(sample(t, {100, 100}));
    const std::vector<Segment> segments {
        startingUp(0, 100), startingUp(0, 100), running(100, 1000, 0), running(100, 1000, 1)};
    const OwnUtilisation own = OwnUtilisation::fromSegments(segments);
    EXPECT_EQ(own.startingUpNs(0, 1'000'000'000), 200'000'000) << "each lane's start-up counts";
    // The process tree's CPU time: the running segments, 2 x 900 ms, and the start-up, 2 x 100 ms.
    const OtherLoad other = otherLoad(samples, own, 0, 1'000'000'000, 1800 + 200);
    ASSERT_EQ(other.perSample.size(), 10u);
    for (float value : other.perSample)
        EXPECT_FLOAT_EQ(value, 0.0f);
    EXPECT_NEAR(other.percent.value_or(-1), 0.0, 1e-9);

    // Live, the CPU time is not known yet: a starting lane counts as a busy core.
    EXPECT_FLOAT_EQ(otherLoad(samples, own, 0, 1'000'000'000, 0).perSample[0], 0.0f);

    // A start-up that took less CPU than its span (it waited for the disk): only what the CPU time says is own, and
    // nothing is left to spread over the rest of the run. Here 50 ms of the 200: 150 core-ms of 200 other.
    const OtherLoad waited = otherLoad(samples, own, 0, 1'000'000'000, 1800 + 50);
    EXPECT_FLOAT_EQ(waited.perSample[0], 75.0f);
    EXPECT_FLOAT_EQ(waited.perSample[1], 0.0f);

    // Built live, batch by batch, the index knows the start-up spans too.
    OwnUtilisation live;
    live.add(segments);
    EXPECT_EQ(live.startingUpNs(50'000'000, 1'000'000'000), 100'000'000);
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
