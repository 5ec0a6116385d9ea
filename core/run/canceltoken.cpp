#include "core/run/canceltoken.h"

#include "core/trace/monotonicclock.h"

#include <cerrno>
#include <poll.h>
#include <stdexcept>
#include <sys/eventfd.h>
#include <unistd.h>

namespace conlab {

CancelToken::CancelToken()
    : m_eventFd(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    if (m_eventFd < 0)
        throw std::runtime_error("eventfd failed: out of file descriptors?");
}

CancelToken::~CancelToken()
{
    ::close(m_eventFd);
}

void CancelToken::cancel()
{
    if (m_cancelled.exchange(true))
        return;
    const std::uint64_t one = 1;
    // The counter never reaches its limit with one write; a failure here cannot happen short of a bad fd.
    [[maybe_unused]] auto written = ::write(m_eventFd, &one, sizeof one);
}

bool CancelToken::sleepUntil(std::int64_t deadlineNs) const
{
    for (;;) {
        if (isCancelled())
            return false;
        const std::int64_t remaining = deadlineNs - monotonicNowNs();
        if (remaining <= 0)
            return true;
        pollfd pfd {m_eventFd, POLLIN, 0};
        const timespec timeout {
            static_cast<time_t>(remaining / 1'000'000'000), static_cast<long>(remaining % 1'000'000'000)};
        const int rc = ::ppoll(&pfd, 1, &timeout, nullptr);
        if (rc > 0)
            return false;
        if (rc < 0 && errno != EINTR)
            return !isCancelled();
    }
}

} // namespace conlab
