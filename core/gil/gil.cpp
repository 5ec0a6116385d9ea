#include "core/gil/gil.h"

#include "core/run/canceltoken.h"
#include "core/trace/monotonicclock.h"
#include "core/trace/tracerecorder.h"

#include <algorithm>
#include <chrono>

namespace conlab {
namespace {

// How often a waiter looks at the cancel token: a cancelled run ends within 200 ms whatever the interval.
constexpr std::chrono::nanoseconds cancelPoll {10'000'000};

using Clock = std::chrono::steady_clock;

} // namespace

Gil::Gil(std::int64_t switchIntervalNs, const CancelToken& cancel, TraceRecorder* recorder, int gilLane)
    : m_intervalNs(std::max<std::int64_t>(switchIntervalNs, 1))
    , m_cancel(cancel)
    , m_recorder(recorder)
    , m_gilLane(gilLane)
{
    if (recorder && gilLane >= 0)
        m_lane.emplace(*recorder, std::uint16_t(gilLane));
}

bool Gil::take(const void* who, int lane, bool* waited)
{
    std::unique_lock lock(m_mutex);
    if (waited)
        *waited = m_locked;
    while (m_locked) {
        if (m_cancel.isCancelled())
            return false;
        const std::uint64_t saved = m_switchNumber;
        const auto deadline = Clock::now() + std::chrono::nanoseconds(m_intervalNs);
        bool timedOut = false;
        // One timed wait of the switch interval, in pieces so that cancel is seen. A drop or a switch to another
        // thread ends it early, as the signalled condition variable does in CPython.
        while (m_locked && m_switchNumber == saved) {
            if (m_cancel.isCancelled())
                return false;
            const auto now = Clock::now();
            if (now >= deadline) {
                timedOut = true;
                break;
            }
            m_dropped.wait_until(lock, std::min(deadline, now + cancelPoll));
        }
        // The holder kept the GIL a whole interval while we waited: ask it to let go.
        if (timedOut && m_locked && m_switchNumber == saved && !m_dropRequest.load(std::memory_order_relaxed)) {
            m_dropRequest.store(true, std::memory_order_relaxed);
            ++m_dropRequests;
            if (m_recorder) {
                const int requester = lane >= 0 ? lane : m_gilLane;
                m_recorder->recordInstant(InstantEvent {
                    monotonicNowNs(), std::uint16_t(std::max(requester, 0)), InstantKind::GilDropRequest});
            }
        }
    }
    m_locked = true;
    m_holder = who;
    m_holderLane = lane;
    m_heldSinceNs = monotonicNowNs();
    ++m_switchNumber;
    m_switched.notify_all();
    m_dropRequest.store(false, std::memory_order_relaxed);
    return true;
}

void Gil::drop(const void* who)
{
    std::unique_lock lock(m_mutex);
    if (!m_locked || m_holder != who)
        return;
    recordHolding(monotonicNowNs());
    m_locked = false;
    m_dropped.notify_one();
    if (!m_dropRequest.load(std::memory_order_relaxed))
        return;
    // FORCE_SWITCHING: asked to drop, so do not race the requester for the GIL we just let go of; wait until another
    // thread has it. Without this the holder usually wins it straight back on a multi-core machine.
    m_dropRequest.store(false, std::memory_order_relaxed);
    while (m_holder == who && !m_cancel.isCancelled())
        m_switched.wait_for(lock, cancelPoll);
}

std::uint64_t Gil::switchCount() const
{
    std::lock_guard lock(m_mutex);
    return m_switchNumber;
}

std::uint64_t Gil::dropRequestCount() const
{
    std::lock_guard lock(m_mutex);
    return m_dropRequests;
}

void Gil::recordHolding(std::int64_t endNs)
{
    if (m_lane)
        m_lane->record(TaskState::Running, m_heldSinceNs, endNs, m_holderLane);
}

} // namespace conlab
