#pragma once

#include <atomic>
#include <cstdint>

namespace conlab {

// Shared by every worker of a run. CPU loops poll isCancelled() between slices; blocking waits (sockets, sleeps)
// poll fd() beside their own descriptor, so cancel() wakes them at once instead of after a timeout.
class CancelToken
{
public:
    CancelToken();
    ~CancelToken();
    CancelToken(const CancelToken&) = delete;
    CancelToken& operator=(const CancelToken&) = delete;

    void cancel();
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }

    // An eventfd that becomes readable (and stays so) once cancel() is called.
    int fd() const { return m_eventFd; }

    // Waits until the monotonic deadline or until cancelled; returns false when cancelled.
    bool sleepUntil(std::int64_t deadlineNs) const;

private:
    std::atomic<bool> m_cancelled {false};
    int m_eventFd = -1;
};

} // namespace conlab
