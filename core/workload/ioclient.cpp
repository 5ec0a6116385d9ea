#include "core/workload/ioclient.h"

#include "core/run/canceltoken.h"
#include "core/trace/monotonicclock.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>

namespace conlab {
namespace {

// Owns a descriptor so every early return of a round trip closes its socket.
class UniqueFd
{
public:
    explicit UniqueFd(int fd)
        : m_fd(fd)
    {
    }
    ~UniqueFd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;

    int get() const { return m_fd; }
    int release() { return std::exchange(m_fd, -1); }
    explicit operator bool() const { return m_fd >= 0; }

private:
    int m_fd;
};

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

IoResult failure(IoStatus status, QString error)
{
    IoResult result;
    result.status = status;
    result.error = std::move(error);
    return result;
}

// A blocking connect interrupted by a signal keeps going in the background; retrying it would fail with
// EALREADY, so wait for it to finish instead.
int finishInterruptedConnect(int fd)
{
    pollfd pfd {fd, POLLOUT, 0};
    while (::poll(&pfd, 1, -1) < 0) {
        if (errno != EINTR)
            return errno;
    }
    int error = 0;
    socklen_t length = sizeof error;
    if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) < 0)
        return errno;
    return error;
}

} // namespace

int openConnectedSocket(quint16 port, bool nonBlocking, QString* error)
{
    const auto fail = [&](const QString& what, int code) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(what, errnoText(code));
        return -1;
    };
    UniqueFd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | (nonBlocking ? SOCK_NONBLOCK : 0), 0));
    if (!fd)
        return fail(QStringLiteral("cannot create a socket"), errno);
    const int one = 1;
    // Only affects latency, never correctness, so a failure is not worth failing the connection for.
    ::setsockopt(fd.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);

    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) < 0) {
        int code = errno;
        if (nonBlocking && (code == EINPROGRESS || code == EINTR))
            return fd.release();
        if (code == EINTR)
            code = finishInterruptedConnect(fd.get());
        if (code != 0)
            return fail(QStringLiteral("cannot connect to the latency server on port %1").arg(port), code);
    }
    return fd.release();
}

std::array<char, ioMessageBytes> encodeRequest(std::uint64_t token, std::int64_t delayUs)
{
    const std::uint64_t delay = delayUs > 0 ? std::uint64_t(delayUs) : 0;
    std::array<char, ioMessageBytes> bytes {};
    std::memcpy(bytes.data(), &token, sizeof token);
    std::memcpy(bytes.data() + 8, &delay, sizeof delay);
    return bytes;
}

IoReply decodeReply(const char* bytes)
{
    IoReply reply;
    std::memcpy(&reply.token, bytes, sizeof reply.token);
    std::memcpy(&reply.sentAtNs, bytes + 8, sizeof reply.sentAtNs);
    return reply;
}

std::int64_t replyTimeoutNs(std::int64_t delayUs)
{
    const std::int64_t delayNs = std::max<std::int64_t>(0, delayUs) * 1000;
    return std::max(replyTimeoutFloorNs, delayNs * replyTimeoutLatencyFactor);
}

QString replyTimeoutError(std::int64_t delayUs)
{
    return QStringLiteral("no answer from the latency server within %1 ms (the timeout is %2 times the %3 ms latency "
                          "asked for, and at least %4 ms)")
        .arg(replyTimeoutNs(delayUs) / 1'000'000)
        .arg(replyTimeoutLatencyFactor)
        .arg(double(std::max<std::int64_t>(0, delayUs)) / 1000.0)
        .arg(replyTimeoutFloorNs / 1'000'000);
}

IoResult blockingRoundTrip(quint16 port, std::uint64_t token, std::int64_t delayUs, const CancelToken& cancel)
{
    if (cancel.isCancelled())
        return failure(IoStatus::Cancelled, {});
    QString error;
    UniqueFd fd(openConnectedSocket(port, false, &error));
    if (!fd)
        return failure(IoStatus::Failed, error);

    const auto request = encodeRequest(token, delayUs);
    for (std::size_t sent = 0; sent < request.size();) {
        const ssize_t n = ::send(fd.get(), request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return failure(IoStatus::Failed, QStringLiteral("cannot send the request: %1").arg(errnoText(errno)));
        }
        sent += std::size_t(n);
    }

    const std::int64_t deadlineNs = monotonicNowNs() + replyTimeoutNs(delayUs);
    std::array<char, ioMessageBytes> reply {};
    std::size_t received = 0;
    for (;;) {
        if (cancel.isCancelled())
            return failure(IoStatus::Cancelled, {});
        // Past the deadline the socket is still looked at once, without waiting: a reply that has arrived counts,
        // however long this thread went unscheduled.
        const std::int64_t remaining = std::max<std::int64_t>(0, deadlineNs - monotonicNowNs());
        const timespec timeout {time_t(remaining / 1'000'000'000), long(remaining % 1'000'000'000)};
        pollfd fds[2] = {{fd.get(), POLLIN, 0}, {cancel.fd(), POLLIN, 0}};
        const int ready = ::ppoll(fds, 2, &timeout, nullptr);
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            return failure(IoStatus::Failed, QStringLiteral("waiting for the reply failed: %1").arg(errnoText(errno)));
        }
        if (fds[1].revents != 0)
            return failure(IoStatus::Cancelled, {});
        if (fds[0].revents == 0) {
            if (remaining == 0)
                return failure(IoStatus::TimedOut, replyTimeoutError(delayUs));
            continue;
        }
        // The reply may arrive in pieces; MSG_DONTWAIT keeps a spurious wakeup from blocking past cancel/timeout.
        const ssize_t n = ::recv(fd.get(), reply.data() + received, reply.size() - received, MSG_DONTWAIT);
        if (n == 0) {
            return failure(
                IoStatus::Failed, QStringLiteral("the latency server closed the connection before replying"));
        }
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)
                continue;
            return failure(IoStatus::Failed, QStringLiteral("reading the reply failed: %1").arg(errnoText(errno)));
        }
        received += std::size_t(n);
        if (received < reply.size())
            continue;
        IoResult result;
        result.reply = decodeReply(reply.data());
        if (result.reply.token != token) {
            return failure(IoStatus::Failed,
                QStringLiteral("the latency server answered token %1 to request %2")
                    .arg(result.reply.token)
                    .arg(token));
        }
        result.status = IoStatus::Ok;
        return result;
    }
}

} // namespace conlab
