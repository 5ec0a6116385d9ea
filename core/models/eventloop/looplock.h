#pragma once

#include <coroutine>
#include <deque>
#include <utility>

namespace conlab {

class LoopRun;

// asyncio.Lock: no thread can interrupt a coroutine, so it only matters across an await. Waiters get it in order;
// every holder resumes from the ready queue and releases it, so no waiter is left behind, cancel or not.
class LoopLock
{
public:
    explicit LoopLock(LoopRun& run);

    auto acquire()
    {
        struct Awaiter
        {
            LoopLock& lock;

            bool await_ready() const noexcept { return !std::exchange(lock.m_locked, true); }
            void await_suspend(std::coroutine_handle<> coroutine) const { lock.m_waiters.push_back(coroutine); }
            void await_resume() const noexcept { }
        };
        return Awaiter {*this};
    }

    // Hands the lock straight to the next waiter, if any: it stays locked on its behalf.
    void release();

private:
    LoopRun& m_run;
    bool m_locked = false;
    std::deque<std::coroutine_handle<>> m_waiters;
};

} // namespace conlab
