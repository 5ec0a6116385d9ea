#include "core/gil/gil.h"
#include "core/gil/gilthread.h"
#include "core/models/cpuphase.h"
#include "core/models/lanewriter.h"
#include "core/run/canceltoken.h"
#include "core/trace/tracerecorder.h"
#include "core/workload/cpukernel.h"
#include "core/workload/workload.h"

#include <atomic>
#include <benchmark/benchmark.h>
#include <chrono>
#include <cmath>
#include <ctime>
#include <thread>

namespace {

using namespace conlab;

// What one hand-over costs: two threads that both want the GIL all the time, with a switch interval of 1 us so the
// timed wait is no part of the figure. per_switch covers drop request, drop, FORCE_SWITCHING wait and the wake-up
// of the new holder: the price CPython pays every switch interval with two CPU-bound threads.
void BM_GilHandOver(benchmark::State& state)
{
    CancelToken cancel;
    Gil gil(1'000, cancel);
    std::atomic<bool> stop {false};
    const auto spin = [&](int lane) {
        GilThread thread(&gil, lane);
        thread.acquire();
        while (!stop.load(std::memory_order_relaxed)) {
            if (thread.dropRequested()) {
                thread.release();
                thread.acquire();
            }
        }
        thread.release();
    };
    std::uint64_t switches = 0;
    for (auto _ : state) {
        stop = false;
        const std::uint64_t before = gil.switchCount();
        std::thread a(spin, 0);
        std::thread b(spin, 1);
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        stop = true;
        cancel.cancel(); // a thread left in a FORCE_SWITCHING wait must not hold the benchmark up
        a.join();
        b.join();
        switches += gil.switchCount() - before;
    }
    state.counters["switches"] = double(switches);
    state.counters["per_switch_us"]
        = benchmark::Counter(double(switches) / 1e6, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_GilHandOver)->Iterations(3)->UseRealTime()->Unit(benchmark::kMillisecond);

// A CPU phase of 20 ms in 50 us slices, without and with the GIL's check between slices (held, never asked: the
// check is one relaxed load). The ratio of the two is the slice-check overhead (goal < 2 %).
void cpuPhase(benchmark::State& state, bool withGil)
{
    CancelToken cancel;
    TraceRecorder recorder({LaneInfo {QStringLiteral("t"), LaneKind::Thread}});
    LaneWriter lane(recorder, 0);
    Gil gil(5'000'000, cancel);
    GilThread thread(withGil ? &gil : nullptr, 0);
    thread.acquire();
    const double perMs = kernelIterationsPerMs();
    const auto slice = std::max<std::int64_t>(1, std::llround(perMs * sliceMicroseconds / 1000.0));
    const auto iterations = std::llround(perMs * 20);
    std::uint64_t value = 1;
    for (auto _ : state) {
        runCpuPhase(lane, value, iterations, 0, cancel, CpuPhaseOptions {slice, 0, &thread});
        benchmark::DoNotOptimize(value);
        recorder.drain();
    }
}
void BM_CpuPhaseNoGil(benchmark::State& state)
{
    cpuPhase(state, false);
}
void BM_CpuPhaseGilHeld(benchmark::State& state)
{
    cpuPhase(state, true);
}
BENCHMARK(BM_CpuPhaseNoGil)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_CpuPhaseGilHeld)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

// The check alone, for the arithmetic: its cost over a 50 us slice is the overhead the phases above can't resolve.
void BM_GilSliceCheck(benchmark::State& state)
{
    CancelToken cancel;
    Gil gil(5'000'000, cancel);
    GilThread thread(&gil, 0);
    thread.acquire();
    for (auto _ : state)
        benchmark::DoNotOptimize(thread.dropRequested());
    state.counters["overhead_pct_of_slice"]
        = benchmark::Counter(double(state.iterations()) * sliceMicroseconds * 1e-6 / 100.0,
            benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_GilSliceCheck);

// What telling running from "ready, not running" costs a CPU phase: a monotonic clock read per 50 us slice and the
// thread's CPU clock at the phase's ends (and at a slice that was preempted). A 20 ms phase against the bare kernel
// on the same iterations, both timed by this thread's CPU clock, alternated so a neighbour's burst hits both alike.
void BM_CpuPhaseTruthOverhead(benchmark::State& state)
{
    const CancelToken cancel;
    TraceRecorder recorder({LaneInfo {QStringLiteral("t"), LaneKind::Thread}});
    LaneWriter lane(recorder, 0);
    const double perMs = kernelIterationsPerMs();
    const auto slice = std::max<std::int64_t>(1, std::llround(perMs * sliceMicroseconds / 1000.0));
    const auto iterations = std::llround(perMs * 20);
    const auto cpuNs = [] {
        timespec now {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return double(now.tv_sec) * 1e9 + double(now.tv_nsec);
    };
    std::uint64_t value = 1;
    double bareNs = 0;
    double phaseNs = 0;
    for (auto _ : state) {
        double begin = cpuNs();
        for (std::int64_t done = 0; done < iterations; done += slice)
            value = cpuKernel(value, std::min<std::int64_t>(slice, iterations - done));
        bareNs += cpuNs() - begin;
        begin = cpuNs();
        runCpuPhase(lane, value, iterations, 0, cancel, CpuPhaseOptions {slice});
        phaseNs += cpuNs() - begin;
        benchmark::DoNotOptimize(value);
        recorder.drain();
    }
    state.counters["overhead_pct"] = bareNs > 0 ? 100.0 * (phaseNs - bareNs) / bareNs : 0.0;
}
BENCHMARK(BM_CpuPhaseTruthOverhead)->Unit(benchmark::kMillisecond);

} // namespace
