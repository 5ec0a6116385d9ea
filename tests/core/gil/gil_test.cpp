#include "core/gil/gil.h"
#include "core/gil/gilthread.h"
#include "core/models/cpuphase.h"
#include "core/models/lanewriter.h"
#include "core/run/canceltoken.h"
#include "core/trace/monotonicclock.h"
#include "core/trace/tracerecorder.h"
#include "core/workload/cpukernel.h"

#include <algorithm>
#include <atomic>
#include <gtest/gtest.h>
#include <thread>
#include <vector>

using namespace conlab;

namespace {

constexpr std::int64_t msNs = 1'000'000;

std::vector<Segment> laneSegments(const std::vector<Segment>& segments, int lane)
{
    std::vector<Segment> out;
    std::copy_if(
        segments.begin(), segments.end(), std::back_inserter(out), [&](const Segment& s) { return s.lane == lane; });
    std::sort(out.begin(), out.end(), [](const Segment& a, const Segment& b) { return a.beginNs < b.beginNs; });
    return out;
}

} // namespace

TEST(Gil, UncontendedTakeIsImmediateAndAsksNothing)
{
    CancelToken cancel;
    Gil gil(5 * msNs, cancel);
    GilThread thread(&gil, 0);
    bool waited = true;
    ASSERT_TRUE(thread.acquire(&waited));
    EXPECT_FALSE(waited);
    EXPECT_TRUE(thread.holds());
    EXPECT_FALSE(thread.dropRequested());
    thread.release();
    EXPECT_FALSE(thread.holds());
    EXPECT_EQ(gil.switchCount(), 1u);
    EXPECT_EQ(gil.dropRequestCount(), 0u);
}

TEST(Gil, NoGilMakesEveryCallANoOp)
{
    GilThread thread(nullptr, 0);
    EXPECT_FALSE(thread.enabled());
    EXPECT_TRUE(thread.acquire());
    EXPECT_FALSE(thread.dropRequested());
    thread.release();
}

TEST(Gil, WaiterAsksAfterOneIntervalAndHolderHandsOverForcibly)
{
    CancelToken cancel;
    TraceRecorder recorder({LaneInfo {QStringLiteral("a"), LaneKind::Thread},
        LaneInfo {QStringLiteral("b"), LaneKind::Thread}, LaneInfo {QStringLiteral("GIL"), LaneKind::Gil}});
    Gil gil(5 * msNs, cancel, &recorder, 2);
    GilThread holder(&gil, 0);
    ASSERT_TRUE(holder.acquire());

    std::atomic<std::int64_t> takenNs {0};
    const std::int64_t waitBegin = monotonicNowNs();
    std::thread waiter([&] {
        GilThread thread(&gil, 1);
        bool waited = false;
        EXPECT_TRUE(thread.acquire(&waited));
        EXPECT_TRUE(waited);
        takenNs = monotonicNowNs();
    });
    // The holder runs "bytecodes" until the eval breaker says someone asked.
    while (!holder.dropRequested())
        std::this_thread::yield();
    const std::int64_t askedAfter = monotonicNowNs() - waitBegin;
    EXPECT_GE(askedAfter, 4 * msNs) << "asked before one switch interval";
    holder.release(); // FORCE_SWITCHING: returns only once the waiter has it
    EXPECT_EQ(gil.switchCount(), 2u) << "drop returned before the waiter took the GIL";
    waiter.join();
    EXPECT_GE(takenNs.load() - waitBegin, askedAfter);

    EXPECT_EQ(gil.dropRequestCount(), 1u);
    const std::vector<InstantEvent> instants = recorder.drainInstants();
    ASSERT_EQ(instants.size(), 1u);
    EXPECT_EQ(instants[0].lane, 1);
    EXPECT_EQ(instants[0].kind, InstantKind::GilDropRequest);
    const std::vector<Segment> held = laneSegments(recorder.drain(), 2);
    ASSERT_EQ(held.size(), 2u);
    EXPECT_EQ(held[0].task, 0);
    EXPECT_EQ(held[1].task, 1);
    EXPECT_LE(held[0].endNs, held[1].beginNs);
}

TEST(GilTiming, CancelWakesAWaiterPromptly)
{
    CancelToken cancel;
    Gil gil(1000 * msNs, cancel);
    GilThread holder(&gil, 0);
    ASSERT_TRUE(holder.acquire());
    std::atomic<bool> returned {false};
    std::atomic<bool> got {true};
    std::thread waiter([&] {
        GilThread thread(&gil, 1);
        got = thread.acquire();
        returned = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_FALSE(returned.load());
    const std::int64_t cancelledAt = monotonicNowNs();
    cancel.cancel();
    waiter.join();
    EXPECT_LT(monotonicNowNs() - cancelledAt, 100 * msNs);
    EXPECT_FALSE(got.load());
}

// Three threads of CPU phases under one GIL: the GIL lane shows one holder at a time, each holding about an interval.
TEST(Gil, CpuThreadsTakeTurnsAndTheGilLaneNeverOverlaps)
{
    CancelToken cancel;
    std::vector<LaneInfo> lanes;
    for (int i = 0; i < 3; ++i)
        lanes.push_back(LaneInfo {QStringLiteral("t%1").arg(i), LaneKind::Thread});
    lanes.push_back(LaneInfo {QStringLiteral("GIL"), LaneKind::Gil});
    TraceRecorder recorder(lanes);
    Gil gil(2 * msNs, cancel, &recorder, 3);
    const std::int64_t iterations = std::llround(kernelIterationsPerMs() * 60);
    const std::int64_t slice = std::max<std::int64_t>(1, std::llround(kernelIterationsPerMs() * 0.05));
    std::vector<std::thread> threads;
    for (int i = 0; i < 3; ++i) {
        threads.emplace_back([&, i] {
            LaneWriter lane(recorder, std::uint16_t(i));
            GilThread thread(&gil, i);
            ASSERT_TRUE(thread.acquire());
            std::uint64_t state = std::uint64_t(i);
            EXPECT_TRUE(runCpuPhase(lane, state, iterations, i, cancel, CpuPhaseOptions {slice, 0, &thread}));
        });
    }
    for (auto& thread : threads)
        thread.join();
    const std::vector<Segment> segments = recorder.drain();
    const std::vector<Segment> held = laneSegments(segments, 3);
    EXPECT_GE(held.size(), 6u) << "three 60 ms threads on a 2 ms interval must switch often";
    for (std::size_t i = 1; i < held.size(); ++i)
        ASSERT_LE(held[i - 1].endNs, held[i].beginNs) << "two holders at once at " << i;
    for (const Segment& s : held) {
        EXPECT_GE(s.task, 0);
        EXPECT_LT(s.task, 3);
    }
    EXPECT_GT(gil.dropRequestCount(), 3u);
    EXPECT_FALSE(recorder.drainInstants().empty());
    // Every worker lane also shows its turns waiting.
    for (int lane = 0; lane < 3; ++lane) {
        const auto own = laneSegments(segments, lane);
        EXPECT_TRUE(
            std::any_of(own.begin(), own.end(), [](const Segment& s) { return s.state == TaskState::WaitingGil; }))
            << "lane " << lane;
    }
}
