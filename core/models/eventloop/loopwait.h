#pragma once

#include "core/workload/latencyroundtrip.h"

#include <QSocketNotifier>
#include <QTimer>
#include <coroutine>
#include <cstdint>
#include <optional>

namespace conlab {

class LoopRun;

struct Woken
{
    WaitResult result = WaitResult::Cancelled;
    std::int64_t atNs = 0; // when the coroutine actually ran again: the end of its `ready` time
};

// Suspends the awaiting coroutine until `fd` is ready for `type`, the monotonic deadline passes (0: none) or the
// run is cancelled, whichever comes first; fd -1 waits for the deadline alone. The coroutine is resumed exactly
// once, from the run's ready queue: never from inside the notifier's or timer's own signal, so it may destroy
// this awaiter (and them) as soon as it runs.
class LoopWait
{
public:
    LoopWait(LoopRun& run, int fd, QSocketNotifier::Type type, std::int64_t deadlineNs);
    LoopWait(const LoopWait&) = delete;
    LoopWait& operator=(const LoopWait&) = delete;

    // A small copyable awaiter that points back here: the compiler may copy what co_await is given, and the
    // notifier and timer this wait owns must stay where they are.
    auto operator co_await() noexcept
    {
        struct Awaiter
        {
            LoopWait& wait;

            // After cancel nothing waits: the result is Cancelled straight away.
            bool await_ready() const noexcept { return wait.cancelled(); }
            void await_suspend(std::coroutine_handle<> coroutine) const { wait.suspend(coroutine); }
            Woken await_resume() const noexcept { return wait.woken(); }
        };
        return Awaiter {*this};
    }

    void finish(WaitResult result);

private:
    friend class LoopRun; // keeps the list of pending waits

    bool cancelled() const;
    Woken woken() const;
    void suspend(std::coroutine_handle<> coroutine);
    void onTimer();
    void armTimer();

    LoopRun& m_run;
    const int m_fd;
    const QSocketNotifier::Type m_type;
    const std::int64_t m_deadlineNs;
    std::coroutine_handle<> m_coroutine; // set while suspended
    WaitResult m_result = WaitResult::Cancelled;
    std::optional<QSocketNotifier> m_notifier;
    std::optional<QTimer> m_timer;
    LoopWait* m_previous = nullptr; // the run's list of pending waits
    LoopWait* m_next = nullptr;
};

} // namespace conlab
