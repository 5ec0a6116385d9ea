#pragma once

#include <QString>
#include <QtGlobal>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <thread>

namespace conlab {

// A loopback TCP server that answers each request after the delay the request asks for, so I/O-bound tasks block
// on a real socket instead of a simulated sleep. The reply carries the monotonic time it was sent at, which lets a
// client measure how long it took to resume once its I/O had completed.
//
// Wire protocol (host byte order: client and server are always on the same machine):
//   request: 16 bytes { uint64 token; uint64 delayUs; }
//   reply:   16 bytes { uint64 token; int64 sentAtNs; }   sentAtNs = monotonicNowNs() right before the send
// A connection may pipeline several requests; each is answered at its own receive time + delay, in due order.
//
// One thread runs an epoll loop; a timerfd armed at the earliest absolute due time keeps replies accurate to
// microseconds no matter how many are in flight.
class LatencyServer
{
public:
    LatencyServer();
    ~LatencyServer();
    LatencyServer(const LatencyServer&) = delete;
    LatencyServer& operator=(const LatencyServer&) = delete;

    // Listens on 127.0.0.1 on an ephemeral port and starts the server thread. Fails if already running.
    bool start(QString* error = nullptr);
    // Idempotent; returns within milliseconds and closes every socket, so connected clients see the connection
    // drop rather than wait for a reply that will never come. The server may be started again afterwards.
    void stop();
    bool isRunning() const;

    // 0 until start() succeeds.
    quint16 port() const { return m_port.load(std::memory_order_acquire); }

    // While false, requests are still accepted and read but replies falling due are dropped, never sent: the
    // "server stops answering" fault.
    void setAnswering(bool answering) { m_answering.store(answering, std::memory_order_relaxed); }
    bool isAnswering() const { return m_answering.load(std::memory_order_relaxed); }

    // Counted just before each send, so a client holding its reply always finds it counted.
    std::uint64_t requestsServed() const { return m_requestsServed.load(std::memory_order_relaxed); }
    // Complete requests read from clients, answered or not.
    std::uint64_t requestsReceived() const { return m_requestsReceived.load(std::memory_order_relaxed); }

private:
    void closeDescriptors();

    mutable std::mutex m_lifecycleMutex; // serialises start() and stop()
    std::thread m_thread;
    int m_listenFd = -1;
    int m_epollFd = -1;
    int m_stopFd = -1;
    int m_timerFd = -1;
    std::atomic<quint16> m_port {0};
    std::atomic<bool> m_answering {true};
    std::atomic<std::uint64_t> m_requestsServed {0};
    std::atomic<std::uint64_t> m_requestsReceived {0};
};

} // namespace conlab
