#pragma once

#include "core/models/lanewriter.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>

namespace conlab {

class CancelToken;
class TraceRecorder;

// CPython's global interpreter lock as Python/ceval_gil.c (3.2+) implements it: a flag guarded by a mutex and a
// condition variable. A thread that wants it waits one switch interval at a time; if the interval passes with the
// holder unchanged it sets the drop request, which the holder sees between two CPU slices (the eval loop's
// eval_breaker). The holder then drops it and, FORCE_SWITCHING, waits until another thread has taken it. Beyond that
// there is no fairness: the OS picks the next holder among the waiters.
//
// Threads call it through GilThread, which knows whether its thread holds the GIL. `who` identifies a thread (its
// GilThread); `lane` is the lane the trace shows for it (-1: a thread with no lane of its own, the event loop's).
class Gil
{
public:
    // With a recorder, the GIL lane `gilLane` gets one `running` segment per holding (task = the holder's lane) and
    // every drop request becomes an instant event.
    Gil(std::int64_t switchIntervalNs, const CancelToken& cancel, TraceRecorder* recorder = nullptr, int gilLane = -1);
    Gil(const Gil&) = delete;
    Gil& operator=(const Gil&) = delete;

    // take_gil: blocks until this thread holds the GIL. Returns false, not holding it, when the run is cancelled
    // while waiting. *waited (when given) tells whether another thread held it at first.
    bool take(const void* who, int lane, bool* waited = nullptr);
    // drop_gil, including the FORCE_SWITCHING wait when a drop request is pending.
    void drop(const void* who);

    // The eval breaker: one relaxed load, checked between CPU slices.
    bool dropRequested() const { return m_dropRequest.load(std::memory_order_relaxed); }

    std::int64_t switchIntervalNs() const { return m_intervalNs; }
    std::uint64_t switchCount() const;
    std::uint64_t dropRequestCount() const;

private:
    void recordHolding(std::int64_t endNs);

    const std::int64_t m_intervalNs;
    const CancelToken& m_cancel;
    TraceRecorder* const m_recorder;
    const int m_gilLane;
    // The GIL lane has many writers; they take turns under m_mutex, which keeps its single-producer buffer safe.
    std::optional<LaneWriter> m_lane;

    // One mutex for the flag and for FORCE_SWITCHING: CPython uses two, but one is simpler and every wait here is
    // short; the two condition variables keep the two kinds of waiter apart.
    mutable std::mutex m_mutex;
    std::condition_variable m_dropped; // CPython's gil->cond
    std::condition_variable m_switched; // CPython's gil->switch_cond
    bool m_locked = false;
    const void* m_holder = nullptr; // the last holder; kept after a drop, as CPython's last_holder
    int m_holderLane = -1;
    std::int64_t m_heldSinceNs = 0;
    std::uint64_t m_switchNumber = 0;
    std::uint64_t m_dropRequests = 0;
    std::atomic<bool> m_dropRequest {false};
};

} // namespace conlab
