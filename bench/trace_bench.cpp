#include "core/trace/lanebuffer.h"
#include "core/trace/monotonicclock.h"

#include <benchmark/benchmark.h>

namespace {

using namespace conlab;

// The hot-path cost a worker pays per recorded state change (goal: under 20 ns).
void BM_TraceRecord(benchmark::State& state)
{
    LaneBuffer buffer;
    std::vector<Segment> drained;
    std::int64_t t = 0;
    std::int64_t recorded = 0;
    for (auto _ : state) {
        buffer.record(Segment {t, t + 10, 1, 0, TaskState::Running, 0});
        t += 10;
        // A consumer drains as the controller would; rarely, so its cost hardly shows in the per-event figure.
        if (++recorded % (1 << 20) == 0) {
            buffer.drainTo(drained);
            drained.clear();
        }
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TraceRecord);

// Recording including the two clock reads a real segment needs.
void BM_TraceRecordWithClock(benchmark::State& state)
{
    LaneBuffer buffer;
    std::vector<Segment> drained;
    std::int64_t recorded = 0;
    for (auto _ : state) {
        const std::int64_t begin = monotonicNowNs();
        buffer.record(Segment {begin, monotonicNowNs(), 1, 0, TaskState::Running, 0});
        if (++recorded % (1 << 20) == 0) {
            buffer.drainTo(drained);
            drained.clear();
        }
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TraceRecordWithClock);

} // namespace
