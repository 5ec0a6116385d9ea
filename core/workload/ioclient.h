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

// One request on its own connection to 127.0.0.1:port, blocking the calling thread until the reply, the cancel
// token or the timeout (measured from the moment the request is sent; <= 0 waits until cancelled).
IoResult blockingRoundTrip(
    quint16 port, std::uint64_t token, std::int64_t delayUs, const CancelToken& cancel, std::int64_t timeoutNs);

// A TCP_NODELAY, close-on-exec socket connected to 127.0.0.1:port, or -1 with *error set. With nonBlocking the
// connect may still be in progress: wait for the fd to become writable and read SO_ERROR before trusting it.
int openConnectedSocket(quint16 port, bool nonBlocking, QString* error);

// Negative delays are sent as 0.
std::array<char, ioMessageBytes> encodeRequest(std::uint64_t token, std::int64_t delayUs);
// Reads exactly ioMessageBytes bytes.
IoReply decodeReply(const char* bytes);

} // namespace conlab
