#include "core/run/runconfig.h"
#include "core/sampling/cpusampler.h"
#include "core/sampling/usablecores.h"
#include "core/trace/monotonicclock.h"

#include <QFile>
#include <QSaveFile>
#include <QTemporaryDir>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <gtest/gtest.h>
#include <thread>
#include <unistd.h>

namespace conlab {
namespace {

using namespace std::chrono_literals;

QString fixturePath(const char* name)
{
    return QStringLiteral(CONLAB_TEST_DATA_DIR "/core/sampling/fixtures/") + QLatin1String(name);
}

QByteArray loadFixture(const char* name)
{
    QFile file(fixturePath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Replaces the file by rename, so the sampler reads either the old or the new text, never half of one.
bool replaceFile(const QString& path, const QByteArray& text)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size() && file.commit();
}

int configuredCores()
{
    return std::max(1, static_cast<int>(sysconf(_SC_NPROCESSORS_CONF)));
}

// Collects samples until one has data for core 0, or gives up after a generous timeout.
std::optional<CpuSample> waitForSampleWithData(CpuSampler& sampler)
{
    const auto giveUp = std::chrono::steady_clock::now() + 3s;
    while (std::chrono::steady_clock::now() < giveUp) {
        for (CpuSample& sample : sampler.takeSamples()) {
            if (!sample.perCore.empty() && !std::isnan(sample.perCore[0]))
                return std::move(sample);
        }
        std::this_thread::sleep_for(5ms);
    }
    return std::nullopt;
}

template <typename F> std::chrono::nanoseconds timed(F&& f)
{
    const auto begin = std::chrono::steady_clock::now();
    f();
    return std::chrono::steady_clock::now() - begin;
}

} // namespace

TEST(CpuSampler, HzIsClampedIntoRange)
{
    EXPECT_EQ(CpuSampler(0).hz(), 1);
    EXPECT_EQ(CpuSampler(-20).hz(), 1);
    EXPECT_EQ(CpuSampler(1).hz(), 1);
    EXPECT_EQ(CpuSampler(50).hz(), 50);
    EXPECT_EQ(CpuSampler(1000).hz(), 1000);
    EXPECT_EQ(CpuSampler(100000).hz(), 1000);
}

TEST(CpuSampler, CoreCountsArePositive)
{
    EXPECT_GE(usableCores(), 1);
    EXPECT_LE(usableCores(), configuredCores());
    EXPECT_EQ(CpuSampler().coreCount(), configuredCores()) << "before start() only sysconf is known";
}

TEST(CpuSampler, SamplesRealProcStat)
{
    if (!QFile::exists(QStringLiteral("/proc/stat")))
        GTEST_SKIP() << "no /proc/stat";

    CpuSampler sampler(50);
    const std::int64_t startNs = monotonicNowNs();
    sampler.start();
    std::this_thread::sleep_for(300ms);
    sampler.stop();
    const std::vector<CpuSample> samples = sampler.takeSamples();

    EXPECT_GE(sampler.coreCount(), usableCores());
    ASSERT_GE(samples.size(), 5u);
    std::int64_t previousNs = startNs;
    for (const CpuSample& sample : samples) {
        EXPECT_GT(sample.timeNs, previousNs);
        previousNs = sample.timeNs;
        ASSERT_EQ(sample.perCore.size(), static_cast<std::size_t>(sampler.coreCount()));
        for (float value : sample.perCore) {
            if (!std::isnan(value)) {
                EXPECT_GE(value, 0.0f);
                EXPECT_LE(value, 100.0f);
            }
        }
    }
    EXPECT_TRUE(sampler.takeSamples().empty()) << "takeSamples() must clear";
}

TEST(CpuSampler, ReadsAFixturePath)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("stat"));
    ASSERT_TRUE(replaceFile(path, loadFixture("two-core-a.txt")));

    CpuSampler sampler(100, path);
    sampler.start();
    EXPECT_EQ(sampler.coreCount(), std::max(configuredCores(), 2));
    ASSERT_TRUE(replaceFile(path, loadFixture("two-core-b.txt")));
    const std::optional<CpuSample> sample = waitForSampleWithData(sampler);
    sampler.stop();

    // Same deltas as ProcStatParser.TwoCoreUtilisationFromFixtureDeltas: 80 / 101 and 35 / 100.
    ASSERT_TRUE(sample.has_value());
    ASSERT_EQ(sample->perCore.size(), static_cast<std::size_t>(sampler.coreCount()));
    EXPECT_NEAR(sample->perCore[0], 100.0 * 80 / 101, 1e-4);
    EXPECT_NEAR(sample->perCore[1], 35.0, 1e-4);
    for (std::size_t core = 2; core < sample->perCore.size(); ++core)
        EXPECT_TRUE(std::isnan(sample->perCore[core])) << "core " << core << " is not in the fixture";
}

TEST(CpuSampler, FailedReadsAreSkipped)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("stat"));
    ASSERT_TRUE(replaceFile(path, loadFixture("two-core-a.txt")));

    CpuSampler sampler(100, path);
    sampler.start();
    ASSERT_TRUE(replaceFile(path, loadFixture("malformed.txt")));
    std::this_thread::sleep_for(50ms);
    ASSERT_TRUE(QFile::remove(path));
    std::this_thread::sleep_for(50ms);
    // A tick may still have read a again before it was replaced; that interval has no data either.
    for (const CpuSample& sample : sampler.takeSamples())
        EXPECT_TRUE(std::isnan(sample.average())) << "neither a malformed nor a missing file gives data";

    // The next good snapshot is compared with the last good one, a, across the failed ticks.
    ASSERT_TRUE(replaceFile(path, loadFixture("two-core-b.txt")));
    const std::optional<CpuSample> sample = waitForSampleWithData(sampler);
    sampler.stop();

    ASSERT_TRUE(sample.has_value());
    EXPECT_NEAR(sample->perCore[0], 100.0 * 80 / 101, 1e-4);
    EXPECT_NEAR(sample->perCore[1], 35.0, 1e-4);
}

TEST(CpuSampler, MissingFileAtStartGivesNoSamplesAndNoCrash)
{
    CpuSampler sampler(200, QStringLiteral(CONLAB_TEST_DATA_DIR "/core/sampling/fixtures/does-not-exist"));
    sampler.start();
    std::this_thread::sleep_for(50ms);
    sampler.stop();

    EXPECT_TRUE(sampler.takeSamples().empty());
    EXPECT_EQ(sampler.coreCount(), configuredCores());
}

TEST(CpuSampler, CoreCountCoversHighestIndexInFirstSnapshot)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("stat"));
    ASSERT_TRUE(replaceFile(path, QByteArrayLiteral("cpu  2 0 2 20\ncpu0 1 0 1 10\ncpu1023 1 0 1 10\n")));

    CpuSampler sampler(100, path);
    sampler.start();
    EXPECT_EQ(sampler.coreCount(), std::max(configuredCores(), 1024));
    sampler.stop();
}

TEST(CpuSamplerTiming, StopReturnsPromptlyAtOneHz)
{
    CpuSampler sampler(1);
    sampler.start();
    std::this_thread::sleep_for(20ms); // let the thread reach its wait
    const auto took = timed([&] { sampler.stop(); });

    EXPECT_LT(took, 50ms) << std::chrono::duration_cast<std::chrono::microseconds>(took).count() << " us";
    EXPECT_TRUE(sampler.takeSamples().empty()) << "the first 1 Hz tick is still 980 ms away";
}

TEST(CpuSamplerTiming, DestructorStopsPromptly)
{
    const auto took = timed([] {
        CpuSampler sampler(1);
        sampler.start();
        std::this_thread::sleep_for(20ms);
    });
    EXPECT_LT(took, 20ms + 50ms);
}

TEST(CpuSampler, DefaultRateIsTheKernelsTickWithinFiftyToAHundredHz)
{
    const long ticks = sysconf(_SC_CLK_TCK);
    EXPECT_EQ(defaultSampleHz(), int(std::clamp<long>(ticks > 0 ? ticks : 100, 50, 100)));
    EXPECT_GE(defaultSampleHz(), 50);
    EXPECT_EQ(CpuSampler().hz(), defaultSampleHz());
    EXPECT_EQ(RunConfig().sampleHz, defaultSampleHz()) << "a run samples at that rate unless told otherwise";
}

// The achieved rate, not the asked one: at least 50 samples a second over a 300 ms run. Timing: a starved sampler
// thread drops ticks on a loaded machine.
TEST(CpuSamplerTiming, DefaultSamplerTakesAtLeastFiftySamplesASecond)
{
    if (!QFile::exists(QStringLiteral("/proc/stat")))
        GTEST_SKIP() << "no /proc/stat";
    CpuSampler sampler;
    const std::int64_t startNs = monotonicNowNs();
    sampler.start();
    std::this_thread::sleep_for(300ms);
    sampler.stop();
    const double seconds = double(monotonicNowNs() - startNs) / 1e9;
    const std::vector<CpuSample> samples = sampler.takeSamples();
    ASSERT_GE(samples.size(), 2u);
    const double spanSec = double(samples.back().timeNs - startNs) / 1e9;
    EXPECT_GE(double(samples.size()) / spanSec, 50.0) << samples.size() << " samples in " << spanSec << " s";
    EXPECT_GE(double(samples.size()), 50.0 * 0.3 * 0.9) << "over " << seconds << " s";
}

TEST(CpuSampler, StopIsIdempotentAndSafeWithoutStart)
{
    CpuSampler never;
    never.stop();
    never.stop();
    EXPECT_TRUE(never.takeSamples().empty());

    CpuSampler twice(100);
    twice.start();
    twice.start(); // already running: no second thread
    twice.stop();
    twice.stop();
}

TEST(CpuSampler, CanRestartAfterStop)
{
    if (!QFile::exists(QStringLiteral("/proc/stat")))
        GTEST_SKIP() << "no /proc/stat";

    CpuSampler sampler(200);
    for (int round = 0; round < 2; ++round) {
        sampler.start();
        std::this_thread::sleep_for(60ms);
        sampler.stop();
        EXPECT_FALSE(sampler.takeSamples().empty()) << "round " << round;
    }
}

} // namespace conlab
