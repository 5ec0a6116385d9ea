#include "core/models/counterphase.h"

#include "core/gil/gilthread.h"
#include "core/models/lanewriter.h"
#include "core/models/sharedstate.h"
#include "core/run/canceltoken.h"
#include "core/trace/monotonicclock.h"
#include "core/workload/cpukernel.h"

#include <mutex>

namespace conlab {
namespace {

// A contended lock is usually handed over within a microsecond or two. Shorter blocks than this stay inside the
// running segment: the timeline could not show them, and a busy counter would record millions.
constexpr std::int64_t minRecordedBlockNs = 50'000;

// The running stretch of one counter phase, interrupted by GIL hand-overs and long lock waits.
class Stretch
{
public:
    Stretch(LaneWriter& lane, int task)
        : m_lane(lane)
        , m_task(task)
        , m_beginNs(monotonicNowNs())
    {
    }

    // Closes the running part at `pausedNs`; the caller records what the lane did since, up to resume().
    void pause(std::int64_t pausedNs) { m_lane.record(TaskState::Running, m_beginNs, pausedNs, m_task); }
    void resume(std::int64_t resumedNs) { m_beginNs = resumedNs; }
    void finish() { pause(monotonicNowNs()); }

    LaneWriter& lane() { return m_lane; }
    int task() const { return m_task; }

private:
    LaneWriter& m_lane;
    const int m_task;
    std::int64_t m_beginNs;
};

bool handOverGil(Stretch& stretch, GilThread& gil)
{
    const std::int64_t dropped = monotonicNowNs();
    stretch.pause(dropped);
    gil.release();
    const bool ok = gil.acquire();
    const std::int64_t taken = monotonicNowNs();
    stretch.lane().record(TaskState::WaitingGil, dropped, taken, stretch.task());
    stretch.resume(taken);
    return ok;
}

// threading.Lock.acquire: try first; when contended, block with the GIL released, or its holder (waiting for the
// GIL to finish its write) could never let go of the lock.
bool lockCounter(std::unique_lock<std::mutex>& held, Stretch& stretch, GilThread* gil)
{
    if (held.try_lock())
        return true;
    const std::int64_t blocked = monotonicNowNs();
    if (gil)
        gil->release();
    held.lock();
    const std::int64_t locked = monotonicNowNs();
    const bool ok = !gil || gil->acquire();
    const std::int64_t resumed = monotonicNowNs();
    if (resumed - blocked >= minRecordedBlockNs) {
        stretch.pause(blocked);
        stretch.lane().record(TaskState::BlockedLock, blocked, locked, stretch.task());
        if (resumed > locked)
            stretch.lane().record(TaskState::WaitingGil, locked, resumed, stretch.task());
        stretch.resume(resumed);
    }
    return ok;
}

} // namespace

bool runCounterPhase(LaneWriter& lane, std::uint64_t& state, std::int64_t count, std::int64_t workIterations, int task,
    SharedState& shared, bool lock, GilThread* gil, const CancelToken& cancel)
{
    if (gil && !gil->enabled())
        gil = nullptr;
    Stretch stretch(lane, task);
    bool ok = true;
    for (std::int64_t i = 0; i < count && ok; ++i) {
        if (cancel.isCancelled()) {
            ok = false;
            break;
        }
        std::unique_lock<std::mutex> held(shared.counterLock, std::defer_lock);
        if (lock && !lockCounter(held, stretch, gil)) {
            ok = false;
            break;
        }
        const std::int64_t value = shared.counter.load(std::memory_order_relaxed);
        state = cpuKernel(state, workIterations);
        // A switch here, between the read and the write, is what loses an update under the GIL.
        if (gil && gil->dropRequested() && !handOverGil(stretch, *gil))
            ok = false;
        shared.counter.store(value + 1, std::memory_order_relaxed);
        if (held.owns_lock())
            held.unlock();
        if (ok && gil && gil->dropRequested())
            ok = handOverGil(stretch, *gil);
    }
    stretch.finish();
    return ok && !cancel.isCancelled();
}

} // namespace conlab
