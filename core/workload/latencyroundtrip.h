#pragma once

#include "core/util/problem.h"
#include "core/util/uniquefd.h"

#include <QString>
#include <QtGlobal>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>

namespace conlab {

class CancelToken;

// The LatencyServer's wire protocol, in one place for both of its clients (the blocking one of ioclient.h, the
// event loop's non-blocking one) and the server: the framing, the checks on a reply, the timeouts and the words of
// every failure. See latencyserver.h for the messages.
inline constexpr std::size_t ioMessageBytes = 16;

struct IoRequest
{
    std::uint64_t token = 0;
    std::uint64_t delayUs = 0;
};

struct IoReply
{
    std::uint64_t token = 0;
    std::int64_t sentAtNs = 0; // monotonic time the server sent the reply: the moment the I/O completed
};

// Negative delays are sent as 0.
std::array<char, ioMessageBytes> encodeRequest(std::uint64_t token, std::int64_t delayUs);
// Each reads exactly ioMessageBytes bytes.
IoRequest decodeRequest(const char* bytes);
std::array<char, ioMessageBytes> encodeReply(std::uint64_t token, std::int64_t sentAtNs);
IoReply decodeReply(const char* bytes);

enum class IoStatus
{
    Ok,
    Cancelled,
    TimedOut,
    Failed
};

struct IoResult
{
    IoStatus status = IoStatus::Failed;
    IoReply reply;
    Problem error; // empty unless status is TimedOut or Failed
};

// How long a request asking for delayUs of latency may go unanswered, from the moment it is sent, before it fails:
// ten times its latency, and never under a second. A loaded machine (or a sanitizer build) delivers replies late by
// milliseconds, not seconds, so a reply this late means the server has stopped answering; a run then ends within a
// second or so instead of hanging. A reply that has arrived is always taken, however late the task looks for it.
std::int64_t replyTimeoutNs(std::int64_t delayUs);
inline constexpr int replyTimeoutLatencyFactor = 10;
inline constexpr std::int64_t replyTimeoutFloorNs = 1'000'000'000;
// The error of a request that timed out, saying the rule: "no answer from the latency server within 1000 ms (the
// timeout is 10 times the 20 ms latency asked for, and at least 1000 ms)".
Problem replyTimeoutProblem(std::int64_t delayUs);
QString replyTimeoutError(std::int64_t delayUs); // its English

// A non-blocking client's limit for connecting and sending. Generous, unlike the reply's timeout: a listen backlog
// that overflows under thousands of simultaneous connects costs the kernel's one-second SYN retries, not a silent
// server.
inline constexpr std::int64_t connectTimeoutNs = 10'000'000'000;

// A TCP_NODELAY, close-on-exec socket connected to 127.0.0.1:port, or -1 with *error set. With nonBlocking the
// connect may still be in progress: wait for the fd to become writable and read SO_ERROR before trusting it.
int openConnectedSocket(quint16 port, bool nonBlocking, Problem* error);

// For a wait on a socket, TimedOut is a failure; for a pure timer wait (a sleep) it is the normal end.
enum class WaitResult
{
    Ready,
    TimedOut,
    Cancelled
};

// What a round trip waits for before it can go on: `fd` readable (or writable), until the monotonic deadline.
struct SocketWait
{
    int fd = -1;
    bool writable = false;
    std::int64_t deadlineNs = 0;
};

// One request on its own connection to 127.0.0.1:port, as a sequence of steps that never wait: the client does the
// waiting, each in its own way (a blocking poll, or a suspended coroutine), and reports how the wait ended. A
// blocking round trip connects and sends on a blocking socket and waits only for the reply; a non-blocking one,
// like asyncio's sock_connect/sock_sendall/sock_recv, tries each call first and waits only when it would block.
class LatencyRoundTrip
{
public:
    enum class Mode
    {
        Blocking,
        NonBlocking
    };

    LatencyRoundTrip(quint16 port, std::uint64_t token, std::int64_t delayUs, Mode mode, const CancelToken& cancel);
    LatencyRoundTrip(const LatencyRoundTrip&) = delete;
    LatencyRoundTrip& operator=(const LatencyRoundTrip&) = delete;

    // Goes as far as the socket allows. Returns what to wait for before calling again, or nothing once the round
    // trip is over: result() is then its outcome.
    std::optional<SocketWait> advance();
    // How the wait advance() asked for ended.
    void waited(WaitResult wait);
    // The wait itself failed (errno `code`).
    void waitFailed(int code);

    const IoResult& result() const { return m_result; }

private:
    enum class Step
    {
        Start,
        Connecting,
        CheckConnected,
        Sending,
        Receiving,
        Done
    };

    void fail(IoStatus status, Problem error);
    std::optional<SocketWait> start();
    std::optional<SocketWait> send();
    std::optional<SocketWait> receive();

    const quint16 m_port;
    const std::uint64_t m_token;
    const std::int64_t m_delayUs;
    const Mode m_mode;
    const CancelToken& m_cancel;
    Step m_step = Step::Start;
    UniqueFd m_fd;
    std::array<char, ioMessageBytes> m_request {};
    std::array<char, ioMessageBytes> m_reply {};
    std::size_t m_sent = 0;
    std::size_t m_received = 0;
    std::int64_t m_replyDeadlineNs = 0; // from the moment the request is out
    IoResult m_result;
};

} // namespace conlab
