#include "core/workload/latencyroundtrip.h"

#include "core/run/canceltoken.h"
#include "core/trace/monotonicclock.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <utility>

namespace conlab {
namespace {

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

bool readyNow(int fd, short events)
{
    pollfd pfd {fd, events, 0};
    return ::poll(&pfd, 1, 0) > 0;
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

// Why connecting failed, with the operating system's reason.
Problem cannotConnect(quint16 port, int code)
{
    return Problem(QT_TRANSLATE_NOOP("conlab::Problem", "cannot connect to the latency server on port %1: %2"),
        {int(port), errnoText(code)});
}

std::array<char, ioMessageBytes> encodePair(std::uint64_t first, std::uint64_t second)
{
    std::array<char, ioMessageBytes> bytes {};
    std::memcpy(bytes.data(), &first, sizeof first);
    std::memcpy(bytes.data() + 8, &second, sizeof second);
    return bytes;
}

} // namespace

std::array<char, ioMessageBytes> encodeRequest(std::uint64_t token, std::int64_t delayUs)
{
    return encodePair(token, delayUs > 0 ? std::uint64_t(delayUs) : 0);
}

IoRequest decodeRequest(const char* bytes)
{
    IoRequest request;
    std::memcpy(&request.token, bytes, sizeof request.token);
    std::memcpy(&request.delayUs, bytes + 8, sizeof request.delayUs);
    return request;
}

std::array<char, ioMessageBytes> encodeReply(std::uint64_t token, std::int64_t sentAtNs)
{
    return encodePair(token, std::uint64_t(sentAtNs));
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

Problem replyTimeoutProblem(std::int64_t delayUs)
{
    return Problem(QT_TRANSLATE_NOOP("conlab::Problem",
                       "no answer from the latency server within %1 ms (the timeout is %2 times the %3 ms latency "
                       "asked for, and at least %4 ms)"),
        {qint64(replyTimeoutNs(delayUs) / 1'000'000), replyTimeoutLatencyFactor,
            double(std::max<std::int64_t>(0, delayUs)) / 1000.0, qint64(replyTimeoutFloorNs / 1'000'000)});
}

QString replyTimeoutError(std::int64_t delayUs)
{
    return replyTimeoutProblem(delayUs).english();
}

int openConnectedSocket(quint16 port, bool nonBlocking, Problem* error)
{
    const auto fail = [&](const Problem& problem) {
        if (error)
            *error = problem;
        return -1;
    };
    UniqueFd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | (nonBlocking ? SOCK_NONBLOCK : 0), 0));
    if (!fd)
        return fail(Problem(QT_TRANSLATE_NOOP("conlab::Problem", "cannot create a socket: %1"), {errnoText(errno)}));
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
            return fail(cannotConnect(port, code));
    }
    return fd.release();
}

LatencyRoundTrip::LatencyRoundTrip(
    quint16 port, std::uint64_t token, std::int64_t delayUs, Mode mode, const CancelToken& cancel)
    : m_port(port)
    , m_token(token)
    , m_delayUs(delayUs)
    , m_mode(mode)
    , m_cancel(cancel)
    , m_request(encodeRequest(token, delayUs))
{
}

void LatencyRoundTrip::fail(IoStatus status, Problem error)
{
    m_result.status = status;
    m_result.error = std::move(error);
    m_step = Step::Done;
}

std::optional<SocketWait> LatencyRoundTrip::advance()
{
    switch (m_step) {
    case Step::Start:
        return start();
    case Step::Connecting:
        // Only a wait moves a connecting round trip on.
        return SocketWait {m_fd.get(), true, monotonicNowNs() + connectTimeoutNs};
    case Step::CheckConnected: {
        int connectError = 0;
        socklen_t length = sizeof connectError;
        if (::getsockopt(m_fd.get(), SOL_SOCKET, SO_ERROR, &connectError, &length) < 0)
            connectError = errno;
        if (connectError != 0) {
            fail(IoStatus::Failed, cannotConnect(m_port, connectError));
            return std::nullopt;
        }
        m_step = Step::Sending;
        return send();
    }
    case Step::Sending:
        return send();
    case Step::Receiving:
        return receive();
    case Step::Done:
        break;
    }
    return std::nullopt;
}

std::optional<SocketWait> LatencyRoundTrip::start()
{
    if (m_cancel.isCancelled()) {
        fail(IoStatus::Cancelled, {});
        return std::nullopt;
    }
    Problem error;
    m_fd.reset(openConnectedSocket(m_port, m_mode == Mode::NonBlocking, &error));
    if (!m_fd) {
        fail(IoStatus::Failed, error);
        return std::nullopt;
    }
    if (m_mode == Mode::NonBlocking && !readyNow(m_fd.get(), POLLOUT)) {
        m_step = Step::Connecting;
        return advance();
    }
    m_step = m_mode == Mode::NonBlocking ? Step::CheckConnected : Step::Sending;
    return advance();
}

std::optional<SocketWait> LatencyRoundTrip::send()
{
    const int flags = MSG_NOSIGNAL | (m_mode == Mode::NonBlocking ? MSG_DONTWAIT : 0);
    while (m_sent < m_request.size()) {
        const ssize_t n = ::send(m_fd.get(), m_request.data() + m_sent, m_request.size() - m_sent, flags);
        if (n >= 0) {
            m_sent += std::size_t(n);
            continue;
        }
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) {
            fail(IoStatus::Failed,
                Problem(QT_TRANSLATE_NOOP("conlab::Problem", "cannot send the request: %1"), {errnoText(errno)}));
            return std::nullopt;
        }
        return SocketWait {m_fd.get(), true, monotonicNowNs() + connectTimeoutNs};
    }
    // The reply's timeout runs from the moment the request is out.
    m_replyDeadlineNs = monotonicNowNs() + replyTimeoutNs(m_delayUs);
    m_step = Step::Receiving;
    // A blocking client waits first, as a thread blocked in recv would; a non-blocking one tries first.
    if (m_mode == Mode::Blocking)
        return SocketWait {m_fd.get(), false, m_replyDeadlineNs};
    return receive();
}

std::optional<SocketWait> LatencyRoundTrip::receive()
{
    while (m_received < m_reply.size()) {
        // MSG_DONTWAIT on a blocking socket too: a spurious wake-up must not block past cancel or the timeout.
        const ssize_t n = ::recv(m_fd.get(), m_reply.data() + m_received, m_reply.size() - m_received, MSG_DONTWAIT);
        if (n > 0) {
            m_received += std::size_t(n);
            continue;
        }
        if (n == 0) {
            fail(IoStatus::Failed,
                Problem(
                    QT_TRANSLATE_NOOP("conlab::Problem", "the latency server closed the connection before replying")));
            return std::nullopt;
        }
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) {
            fail(IoStatus::Failed,
                Problem(QT_TRANSLATE_NOOP("conlab::Problem", "reading the reply failed: %1"), {errnoText(errno)}));
            return std::nullopt;
        }
        return SocketWait {m_fd.get(), false, m_replyDeadlineNs};
    }
    m_result.reply = decodeReply(m_reply.data());
    if (m_result.reply.token != m_token) {
        // Tokens are names, not amounts: written as they are, without the locale's grouping.
        fail(IoStatus::Failed,
            Problem(QT_TRANSLATE_NOOP("conlab::Problem", "the latency server answered token %1 to request %2"),
                {QString::number(m_result.reply.token), QString::number(m_token)}));
        return std::nullopt;
    }
    m_result.status = IoStatus::Ok;
    m_step = Step::Done;
    return std::nullopt;
}

void LatencyRoundTrip::waited(WaitResult wait)
{
    if (wait == WaitResult::Cancelled) {
        fail(IoStatus::Cancelled, {});
        return;
    }
    if (wait == WaitResult::Ready) {
        if (m_step == Step::Connecting)
            m_step = Step::CheckConnected;
        return;
    }
    switch (m_step) {
    case Step::Connecting:
        fail(IoStatus::TimedOut,
            Problem(QT_TRANSLATE_NOOP("conlab::Problem", "could not connect to the latency server within %1 ms"),
                {qint64(connectTimeoutNs / 1'000'000)}));
        break;
    case Step::Sending:
        fail(IoStatus::TimedOut,
            Problem(QT_TRANSLATE_NOOP("conlab::Problem", "could not send the request within %1 ms"),
                {qint64(connectTimeoutNs / 1'000'000)}));
        break;
    case Step::Receiving:
        // The deadline and the socket can come due together, and a client kept from looking (a CPU phase holding the
        // loop, an unscheduled thread) makes that likely: a reply that has arrived counts, however late.
        if (!readyNow(m_fd.get(), POLLIN))
            fail(IoStatus::TimedOut, replyTimeoutProblem(m_delayUs));
        break;
    default:
        break;
    }
}

void LatencyRoundTrip::waitFailed(int code)
{
    fail(IoStatus::Failed,
        Problem(QT_TRANSLATE_NOOP("conlab::Problem", "waiting for the reply failed: %1"), {errnoText(code)}));
}

} // namespace conlab
