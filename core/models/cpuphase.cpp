#include "core/models/cpuphase.h"

#include "core/gil/gilthread.h"
#include "core/models/lanewriter.h"
#include "core/run/canceltoken.h"
#include "core/trace/monotonicclock.h"
#include "core/workload/cpukernel.h"

#include <algorithm>
#include <ctime>
#include <limits>
#include <vector>

namespace conlab {

namespace {

// Preemption shorter than this is left inside "running": an interrupt or a clock read costs a few microseconds, and a
// segment that thin says nothing a user could see.
constexpr std::int64_t minReadyNs = 20'000;
// A slice is suspected of having been preempted when its wall time exceeds twice the fastest full slice seen plus
// this: frequency changes and cache misses stay under it, a scheduler's time slice (milliseconds) does not.
constexpr std::int64_t suspectSlackNs = 20'000;

// This thread's CPU time. A real system call on many VMs (~1 us), so it is read at the phase's ends and only at
// slices whose wall time says the thread lost its CPU, never on every slice.
std::int64_t threadCpuNs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return std::int64_t(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// The fastest full slice this thread has run with this slice size: what a slice costs when nothing interrupts it.
// Kept per thread across phases, so that a short phase is judged by what earlier ones measured.
struct FastestSlice
{
    std::int64_t sliceIterations = 0;
    std::int64_t ns = std::numeric_limits<std::int64_t>::max();
};
thread_local FastestSlice t_fastest;

// Splits a CPU phase's wall time into what the thread ran (running) and what it waited for a CPU (ready, not
// running), from the thread's CPU clock read at the segment's ends. The waiting is placed at the end of the slice
// that revealed it: exact in amount, right to within one slice (50 us) in place.
// On an event loop the running pieces are held until flush(): whether they blocked the loop is known only once the
// callback has run past asyncio's threshold, and then every piece of it did.
class TruthfulLane
{
public:
    TruthfulLane(LaneWriter& lane, int task, bool deferRunning)
        : m_lane(lane)
        , m_task(task)
        , m_deferRunning(deferRunning)
        , m_core(currentCore())
    {
        mark(monotonicNowNs());
    }

    std::int64_t segmentBegin() const { return m_segmentBegin; }

    // Closes the segment at `now`: running for the CPU time the thread got since it began, ready for the rest.
    void settle(std::int64_t now)
    {
        const std::int64_t cpuNow = threadCpuNs();
        const std::int64_t notRunning = (now - m_segmentBegin) - (cpuNow - m_cpuMark);
        if (notRunning >= minReadyNs) {
            const std::int64_t readyBegin = now - notRunning;
            if (readyBegin > m_segmentBegin)
                add(true, m_segmentBegin, readyBegin);
            add(false, readyBegin, now);
        } else if (now > m_segmentBegin) {
            add(true, m_segmentBegin, now);
        }
        m_segmentBegin = now;
        m_cpuMark = cpuNow;
        m_core = currentCore();
    }

    // Records what settle() held back, its running pieces as `running`.
    void flush(TaskState running)
    {
        for (const Piece& piece : m_pieces)
            m_lane.record(piece.running ? running : TaskState::Ready, piece.beginNs, piece.endNs, m_task,
                piece.running ? piece.core : -1);
        m_pieces.clear();
    }

    // The thread was off its CPU on purpose from the segment's begin until `now` (handing the GIL over): the clock
    // starts again from here.
    void mark(std::int64_t now)
    {
        m_segmentBegin = now;
        m_cpuMark = threadCpuNs();
        m_core = currentCore();
    }

    // The scheduler may move a thread between slices; a new segment per core keeps "which core" honest.
    void splitOnMigration(std::int64_t now)
    {
        if (currentCore() != m_core)
            settle(now);
    }

private:
    struct Piece
    {
        std::int64_t beginNs;
        std::int64_t endNs;
        int core;
        bool running;
    };

    void add(bool running, std::int64_t beginNs, std::int64_t endNs)
    {
        if (m_deferRunning)
            m_pieces.push_back(Piece {beginNs, endNs, m_core, running});
        else
            m_lane.record(
                running ? TaskState::Running : TaskState::Ready, beginNs, endNs, m_task, running ? m_core : -1);
    }

    LaneWriter& m_lane;
    const int m_task;
    const bool m_deferRunning;
    std::vector<Piece> m_pieces;
    int m_core;
    std::int64_t m_segmentBegin = 0;
    std::int64_t m_cpuMark = 0;
};

} // namespace

bool runCpuPhase(LaneWriter& lane, std::uint64_t& state, std::int64_t iterations, int task, const CancelToken& cancel,
    const CpuPhaseOptions& options)
{
    const bool splitOnMigration = options.blockingThresholdNs == 0;
    TruthfulLane truth(lane, task, !splitOnMigration);
    const std::int64_t phaseBegin = truth.segmentBegin();
    const auto runningState = [&](std::int64_t now) {
        return !splitOnMigration && now - phaseBegin > options.blockingThresholdNs ? TaskState::BlockingLoop
                                                                                   : TaskState::Running;
    };
    if (t_fastest.sliceIterations != options.sliceIterations)
        t_fastest = FastestSlice {options.sliceIterations};
    std::int64_t sliceBegin = phaseBegin;
    for (std::int64_t done = 0; done < iterations;) {
        const std::int64_t step = std::min(options.sliceIterations, iterations - done);
        state = cpuKernel(state, step);
        done += step;
        const std::int64_t now = monotonicNowNs();
        const std::int64_t sliceNs = now - sliceBegin;
        sliceBegin = now;
        if (cancel.isCancelled())
            break;
        // The eval breaker: another thread has waited a whole switch interval for the GIL.
        if (options.gil && options.gil->dropRequested()) [[unlikely]] {
            truth.settle(now);
            truth.flush(runningState(now));
            options.gil->release();
            const bool ok = options.gil->acquire();
            const std::int64_t acquired = monotonicNowNs();
            lane.record(TaskState::WaitingGil, now, acquired, task);
            truth.mark(acquired);
            sliceBegin = acquired;
            if (!ok)
                return false;
            continue;
        }
        if (step == options.sliceIterations)
            t_fastest.ns = std::min(t_fastest.ns, sliceNs);
        if (t_fastest.ns != std::numeric_limits<std::int64_t>::max() && sliceNs > 2 * t_fastest.ns + suspectSlackNs)
            [[unlikely]] {
            truth.settle(now);
            continue;
        }
        if (splitOnMigration)
            truth.splitOnMigration(now);
    }
    const std::int64_t end = monotonicNowNs();
    truth.settle(end);
    truth.flush(runningState(end));
    return !cancel.isCancelled();
}

} // namespace conlab
