#include "core/models/cpuphase.h"
#include "core/models/lanewriter.h"
#include "core/run/canceltoken.h"
#include "core/run/runsummarizer.h"
#include "core/sampling/usablecores.h"
#include "core/trace/monotonicclock.h"
#include "core/trace/tracerecorder.h"
#include "core/workload/cpukernel.h"
#include "tests/core/testrun.h"
#include "tests/pinnedcore.h"

#include <atomic>
#include <chrono>
#include <gtest/gtest.h>
#include <limits>
#include <pthread.h>
#include <sched.h>
#include <set>
#include <sys/resource.h>
#include <thread>

using namespace conlab;

namespace {

double threadCpuMs()
{
    rusage usage {};
    getrusage(RUSAGE_THREAD, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

struct LaneTotals
{
    double runningMs = 0;
    double readyMs = 0;
    double spanMs = 0; // first segment's begin to last one's end
};

LaneTotals totals(const std::vector<Segment>& segments, std::uint16_t lane)
{
    LaneTotals sum;
    std::int64_t first = std::numeric_limits<std::int64_t>::max();
    std::int64_t last = std::numeric_limits<std::int64_t>::min();
    for (const Segment& segment : segments) {
        if (segment.lane != lane)
            continue;
        first = std::min(first, segment.beginNs);
        last = std::max(last, segment.endNs);
        if (segment.state == TaskState::Running)
            sum.runningMs += double(segment.durationNs()) / 1e6;
        if (segment.state == TaskState::Ready)
            sum.readyMs += double(segment.durationNs()) / 1e6;
    }
    sum.spanMs = last > first ? double(last - first) / 1e6 : 0.0;
    return sum;
}

} // namespace

// Three threads pinned to one core must take turns whatever the machine has: each lane's "running" can be no more
// than the CPU time the kernel gave that thread (getrusage, not the clock the phase reads), and the rest of the
// phase is "ready, not running".
TEST(CpuPhase, ThreadsSharingOneCoreAreRunningOnlyForTheirCpuTime)
{
    constexpr int threads = 3;
    TraceRecorder recorder(std::vector<LaneInfo>(threads, LaneInfo {QStringLiteral("t"), LaneKind::Thread}));
    const double perMs = kernelIterationsPerMs();
    const CancelToken cancel;
    const CpuPhaseOptions options {std::max<std::int64_t>(1, std::llround(perMs * 0.05))};
    const int cpu = test::firstAllowedCpu();
    std::vector<double> cpuMs(threads);
    std::vector<double> wallMs(threads);
    std::vector<std::thread> workers;
    for (int i = 0; i < threads; ++i) {
        workers.emplace_back([&, i] {
            const test::PinnedToOneCore pin(cpu);
            LaneWriter lane(recorder, std::uint16_t(i));
            std::uint64_t state = 1;
            const double cpuBefore = threadCpuMs();
            const std::int64_t begin = monotonicNowNs();
            runCpuPhase(lane, state, std::llround(perMs * 150), i, cancel, options);
            wallMs[std::size_t(i)] = double(monotonicNowNs() - begin) / 1e6;
            cpuMs[std::size_t(i)] = threadCpuMs() - cpuBefore;
        });
    }
    for (std::thread& worker : workers)
        worker.join();
    const std::vector<Segment> segments = recorder.drain();
    double runningSum = 0;
    double cpuSum = 0;
    double readySum = 0;
    for (int i = 0; i < threads; ++i) {
        const LaneTotals lane = totals(segments, std::uint16_t(i));
        runningSum += lane.runningMs;
        readySum += lane.readyMs;
        cpuSum += cpuMs[std::size_t(i)];
        EXPECT_NEAR(lane.runningMs + lane.readyMs, lane.spanMs, 0.01) << "lane " << i << ": no gap, no overlap";
        EXPECT_LE(lane.spanMs, wallMs[std::size_t(i)]) << "lane " << i;
    }
    EXPECT_LE(runningSum, 1.05 * cpuSum + 2.0) << "running " << runningSum << " ms, CPU " << cpuSum << " ms";
    EXPECT_GE(runningSum, 0.9 * cpuSum - 2.0) << "running " << runningSum << " ms, CPU " << cpuSum << " ms";
    // Three on one core: each waited for the other two about twice as long as it ran.
    EXPECT_GE(readySum, 0.8 * runningSum) << "ready " << readySum << " ms, running " << runningSum << " ms";
}

// The case: far more CPU-bound threads than cores, through the whole run. Σ running over the lanes stays
// within 5 % of what the process computed (getrusage, every thread of it).
TEST(CpuPhase, OversubscribedThreadsRunNoLongerThanTheProcessComputed)
{
    const RunResult result
        = test::runToCompletion(test::makeConfig(ModelKind::Threads, WorkloadKind::Cpu, 16, 16, 40, 0));
    ASSERT_TRUE(result.summary.error.isEmpty()) << result.summary.error.toStdString();
    const double running = result.summary.stateMs[std::size_t(TaskState::Running)];
    const double ready = result.summary.stateMs[std::size_t(TaskState::Ready)];
    EXPECT_LE(running, 1.05 * result.summary.cpuMs) << "running " << running << " ms, CPU " << result.summary.cpuMs;
    EXPECT_GE(running, 0.5 * result.summary.cpuMs) << "running " << running << " ms, CPU " << result.summary.cpuMs;
    if (usableCores() < 16) {
        EXPECT_GT(ready, running) << "16 threads on " << usableCores() << " cores wait more than they run";
    }
}

// Worker processes measure themselves the same way: their lanes come back with "ready" where they queued for a core.
TEST(CpuPhase, OversubscribedWorkerProcessesRecordReady)
{
    const int workers = 3 * usableCores();
    const RunResult result
        = test::runToCompletion(test::makeConfig(ModelKind::Processes, WorkloadKind::Cpu, workers, workers, 100, 0));
    ASSERT_TRUE(result.summary.error.isEmpty()) << result.summary.error.toStdString();
    const double running = result.summary.stateMs[std::size_t(TaskState::Running)];
    const double ready = result.summary.stateMs[std::size_t(TaskState::Ready)];
    EXPECT_LE(running, 1.05 * result.summary.cpuMs) << "running " << running << " ms, CPU " << result.summary.cpuMs;
    EXPECT_GT(ready, 0.2 * running) << "ready " << ready << " ms, running " << running << " ms";
}

// A thread moved to another core in the middle of a CPU phase (its affinity changed under it, as the scheduler moves
// a thread on its own) ends up with running segments on both cores, and the summary counts the move.
TEST(CpuPhase, SplitsTheRunningSegmentWhenTheThreadMigrates)
{
    cpu_set_t allowed;
    CPU_ZERO(&allowed);
    sched_getaffinity(0, sizeof(allowed), &allowed);
    std::vector<int> cpus;
    for (int cpu = 0; cpu < CPU_SETSIZE && cpus.size() < 2; ++cpu) {
        if (CPU_ISSET(cpu, &allowed))
            cpus.push_back(cpu);
    }
    if (cpus.size() < 2)
        GTEST_SKIP() << "needs two usable cores to move a thread between, this process may use one";

    TraceRecorder recorder({LaneInfo {QStringLiteral("thread 0"), LaneKind::Thread}});
    const double perMs = kernelIterationsPerMs();
    const CancelToken cancel;
    const CpuPhaseOptions options {std::max<std::int64_t>(1, std::llround(perMs * 0.05))};
    std::atomic<bool> started {false};
    std::thread worker([&] {
        const test::PinnedToOneCore pin(cpus[0]);
        LaneWriter lane(recorder, 0);
        std::uint64_t state = 1;
        started = true;
        runCpuPhase(lane, state, std::llround(perMs * 80), 0, cancel, options);
    });
    while (!started)
        std::this_thread::yield();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    cpu_set_t other;
    CPU_ZERO(&other);
    CPU_SET(cpus[1], &other);
    ASSERT_EQ(pthread_setaffinity_np(worker.native_handle(), sizeof(other), &other), 0);
    worker.join();

    Trace trace;
    trace.lanes = {LaneInfo {QStringLiteral("thread 0"), LaneKind::Thread}};
    trace.segments = recorder.drain();
    std::set<int> runningCores;
    for (const Segment& segment : trace.segments) {
        if (segment.state == TaskState::Running)
            runningCores.insert(segment.core);
    }
    EXPECT_TRUE(runningCores.count(cpus[0]) && runningCores.count(cpus[1]))
        << "running on " << runningCores.size() << " distinct cores in " << trace.segments.size() << " segments";
    EXPECT_EQ(runningCores.count(-1), 0u) << "every running segment knows its core";
    EXPECT_GE(coreMigrations(trace), 1);
}
