#pragma once

#include <QString>
#include <QtGlobal>
#include <array>
#include <cstddef>
#include <cstdint>

namespace conlab {

class CancelToken;

// Client side of the LatencyServer wire protocol (see latencyserver.h).
struct IoReply
{
    std::uint64_t token = 0;
    std::int64_t sentAtNs = 0; // monotonic time the server sent the reply: the moment the I/O completed
};

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
    QString error; // empty unless status is TimedOut or Failed
};

inline constexpr std::size_t ioMessageBytes = 16;

// How long a request asking for delayUs of latency may go unanswered, from the moment it is sent, before it fails:
// ten times its latency, and never under a second. A loaded machine (or a sanitizer build) delivers replies late by
// milliseconds, not seconds, so a reply this late means the server has stopped answering; a run then ends within a
// second or so instead of hanging. A reply that has arrived is always taken, however late the task looks for it.
std::int64_t replyTimeoutNs(std::int64_t delayUs);
inline constexpr int replyTimeoutLatencyFactor = 10;
inline constexpr std::int64_t replyTimeoutFloorNs = 1'000'000'000;
// The error of a request that timed out, saying the rule: "no answer from the latency server within 1000 ms (the
// timeout is 10 times the 20 ms latency asked for, and at least 1000 ms)".
QString replyTimeoutError(std::int64_t delayUs);

// One request on its own connection to 127.0.0.1:port, blocking the calling thread until the reply, the cancel
// token or replyTimeoutNs(delayUs).
IoResult blockingRoundTrip(quint16 port, std::uint64_t token, std::int64_t delayUs, const CancelToken& cancel);

// A TCP_NODELAY, close-on-exec socket connected to 127.0.0.1:port, or -1 with *error set. With nonBlocking the
// connect may still be in progress: wait for the fd to become writable and read SO_ERROR before trusting it.
int openConnectedSocket(quint16 port, bool nonBlocking, QString* error);

// Negative delays are sent as 0.
std::array<char, ioMessageBytes> encodeRequest(std::uint64_t token, std::int64_t delayUs);
// Reads exactly ioMessageBytes bytes.
IoReply decodeReply(const char* bytes);

} // namespace conlab
