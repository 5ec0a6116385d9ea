#include "core/workload/ioclient.h"

#include "core/run/canceltoken.h"
#include "core/trace/monotonicclock.h"

#include <algorithm>
#include <cerrno>
#include <ctime>
#include <poll.h>

namespace conlab {
namespace {

// Blocks until `wait` is over or the run is cancelled, and tells the round trip how it ended. Past the deadline the
// socket is still looked at once, without waiting: a reply that has arrived counts, however long this thread went
// unscheduled.
void blockFor(LatencyRoundTrip& roundTrip, const SocketWait& wait, const CancelToken& cancel)
{
    for (;;) {
        if (cancel.isCancelled())
            return roundTrip.waited(WaitResult::Cancelled);
        const std::int64_t remaining = std::max<std::int64_t>(0, wait.deadlineNs - monotonicNowNs());
        const timespec timeout {time_t(remaining / 1'000'000'000), long(remaining % 1'000'000'000)};
        pollfd fds[2] = {{wait.fd, short(wait.writable ? POLLOUT : POLLIN), 0}, {cancel.fd(), POLLIN, 0}};
        const int ready = ::ppoll(fds, 2, &timeout, nullptr);
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            return roundTrip.waitFailed(errno);
        }
        if (fds[1].revents != 0)
            return roundTrip.waited(WaitResult::Cancelled);
        if (fds[0].revents != 0)
            return roundTrip.waited(WaitResult::Ready);
        if (remaining == 0)
            return roundTrip.waited(WaitResult::TimedOut);
    }
}

} // namespace

IoResult blockingRoundTrip(quint16 port, std::uint64_t token, std::int64_t delayUs, const CancelToken& cancel)
{
    LatencyRoundTrip roundTrip(port, token, delayUs, LatencyRoundTrip::Mode::Blocking, cancel);
    while (const std::optional<SocketWait> wait = roundTrip.advance())
        blockFor(roundTrip, *wait, cancel);
    return roundTrip.result();
}

} // namespace conlab
