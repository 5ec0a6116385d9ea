#include "core/workload/latencyserver.h"

#include "core/trace/monotonicclock.h"
#include "core/workload/latencyroundtrip.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <limits>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <queue>
#include <string>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <system_error>
#include <unistd.h>
#include <unordered_map>
#include <utility>
#include <vector>

namespace conlab {
namespace {

constexpr int listenBacklog = 1024;
// After running out of descriptors, how long to leave pending connections in the backlog before retrying.
constexpr std::int64_t acceptRetryNs = 10'000'000;

// epoll keys: connections get ids that are never reused, so a reply scheduled for a connection that has since
// closed cannot reach an unrelated one that happens to get the same fd number.
constexpr std::uint64_t listenKey = 0;
constexpr std::uint64_t stopKey = 1;
constexpr std::uint64_t timerKey = 2;
constexpr std::uint64_t firstConnectionKey = 3;

QString systemError(const char* what)
{
    return QStringLiteral("%1 failed: %2").arg(QLatin1String(what), QString::fromLocal8Bit(std::strerror(errno)));
}

std::int64_t saturatingDue(std::int64_t nowNs, std::uint64_t delayUs)
{
    constexpr std::int64_t maxNs = std::numeric_limits<std::int64_t>::max();
    if (delayUs > std::uint64_t(maxNs - nowNs) / 1000)
        return maxNs;
    return nowNs + std::int64_t(delayUs) * 1000;
}

struct PendingReply
{
    std::int64_t dueNs;
    std::uint64_t sequence; // ties on dueNs keep arrival order
    std::uint64_t connection;
    std::uint64_t token;
};

struct DueLater
{
    bool operator()(const PendingReply& a, const PendingReply& b) const
    {
        return a.dueNs != b.dueNs ? a.dueNs > b.dueNs : a.sequence > b.sequence;
    }
};

struct Connection
{
    int fd = -1;
    std::string input; // a partial request waiting for the rest of its bytes
    std::string output; // replies the socket could not take yet
    std::size_t pendingReplies = 0;
    bool peerDoneSending = false;
    std::uint32_t interest = EPOLLIN;
};

// Everything only the server thread touches. Its destructor closes the connections, so every exit path of the
// loop leaves no socket behind.
class ServerLoop
{
public:
    ServerLoop(int listenFd, int epollFd, int timerFd, const std::atomic<bool>& answering,
        std::atomic<std::uint64_t>& served, std::atomic<std::uint64_t>& received)
        : m_listenFd(listenFd)
        , m_epollFd(epollFd)
        , m_timerFd(timerFd)
        , m_answering(answering)
        , m_served(served)
        , m_received(received)
    {
    }

    ~ServerLoop()
    {
        for (auto& [id, connection] : m_connections)
            ::close(connection.fd);
    }

    ServerLoop(const ServerLoop&) = delete;
    ServerLoop& operator=(const ServerLoop&) = delete;

    void run()
    {
        std::array<epoll_event, 64> events {};
        for (;;) {
            const int count = ::epoll_wait(m_epollFd, events.data(), int(events.size()), -1);
            if (count < 0) {
                if (errno == EINTR)
                    continue;
                return; // the epoll fd itself is broken: nothing left to wait on
            }
            for (int i = 0; i < count; ++i) {
                const std::uint64_t key = events[i].data.u64;
                if (key == stopKey)
                    return;
                if (key == listenKey)
                    acceptAll();
                else if (key == timerKey)
                    drainTimer();
                else
                    handleConnection(key, events[i].events);
            }
            sendDueReplies();
            armTimer();
        }
    }

private:
    void acceptAll()
    {
        for (;;) {
            const int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0) {
                if (errno == EINTR || errno == ECONNABORTED || errno == EPROTO)
                    continue;
                if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM)
                    pauseAccepting(); // level-triggered: the backlog would otherwise spin the loop
                return;
            }
            const int one = 1;
            ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            const std::uint64_t id = m_nextConnection++;
            epoll_event event {};
            event.events = EPOLLIN;
            event.data.u64 = id;
            if (::epoll_ctl(m_epollFd, EPOLL_CTL_ADD, fd, &event) < 0) {
                ::close(fd);
                continue;
            }
            m_connections[id].fd = fd;
        }
    }

    void pauseAccepting()
    {
        if (m_acceptRetryAtNs != 0)
            return;
        epoll_event event {};
        event.data.u64 = listenKey;
        ::epoll_ctl(m_epollFd, EPOLL_CTL_MOD, m_listenFd, &event);
        m_acceptRetryAtNs = monotonicNowNs() + acceptRetryNs;
    }

    void resumeAccepting()
    {
        if (m_acceptRetryAtNs == 0)
            return;
        epoll_event event {};
        event.events = EPOLLIN;
        event.data.u64 = listenKey;
        ::epoll_ctl(m_epollFd, EPOLL_CTL_MOD, m_listenFd, &event);
        m_acceptRetryAtNs = 0;
    }

    void drainTimer()
    {
        std::uint64_t expirations = 0;
        [[maybe_unused]] auto bytes = ::read(m_timerFd, &expirations, sizeof expirations);
        m_armedNs = 0; // fired: the next armTimer() must set it again even for the same deadline
    }

    void handleConnection(std::uint64_t id, std::uint32_t events)
    {
        const auto it = m_connections.find(id);
        if (it == m_connections.end())
            return;
        Connection& connection = it->second;
        // HUP means neither direction works any more, so nothing pending could be delivered.
        if ((events & (EPOLLERR | EPOLLHUP)) != 0) {
            closeConnection(it);
            return;
        }
        if ((events & EPOLLIN) != 0 && !readRequests(id, connection)) {
            closeConnection(it);
            return;
        }
        if ((events & EPOLLOUT) != 0 && !flushOutput(connection)) {
            closeConnection(it);
            return;
        }
        settle(it);
    }

    bool readRequests(std::uint64_t id, Connection& connection)
    {
        std::array<char, 4096> buffer;
        // Bounded so one chatty client cannot starve the others; level triggering brings us back for the rest.
        for (int round = 0; round < 16; ++round) {
            const ssize_t n = ::recv(connection.fd, buffer.data(), buffer.size(), 0);
            if (n == 0) {
                connection.peerDoneSending = true;
                return true;
            }
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                return errno == EAGAIN || errno == EWOULDBLOCK;
            }
            const std::int64_t receivedNs = monotonicNowNs();
            connection.input.append(buffer.data(), std::size_t(n));
            std::size_t offset = 0;
            for (; connection.input.size() - offset >= ioMessageBytes; offset += ioMessageBytes) {
                const IoRequest request = decodeRequest(connection.input.data() + offset);
                m_pending.push({saturatingDue(receivedNs, request.delayUs), m_nextSequence++, id, request.token});
                ++connection.pendingReplies;
                m_received.fetch_add(1, std::memory_order_relaxed);
            }
            connection.input.erase(0, offset);
            if (std::size_t(n) < buffer.size())
                return true;
        }
        return true;
    }

    void sendDueReplies()
    {
        std::int64_t now = monotonicNowNs();
        while (!m_pending.empty()) {
            const PendingReply reply = m_pending.top();
            if (reply.dueNs > now) {
                now = monotonicNowNs(); // sending a burst takes time; do not leave a reply that fell due meanwhile
                if (reply.dueNs > now)
                    break;
            }
            m_pending.pop();
            const auto it = m_connections.find(reply.connection);
            if (it == m_connections.end())
                continue;
            --it->second.pendingReplies;
            if (m_answering.load(std::memory_order_relaxed) && !sendReply(it->second, reply.token)) {
                closeConnection(it);
                continue;
            }
            settle(it);
        }
    }

    bool sendReply(Connection& connection, std::uint64_t token)
    {
        m_served.fetch_add(1, std::memory_order_relaxed);
        const auto bytes = encodeReply(token, monotonicNowNs());
        // Earlier replies still queued must go first. A 16-byte reply only queues when the client stopped
        // reading, so its sentAtNs being a little early is of no consequence.
        if (!connection.output.empty()) {
            connection.output.append(bytes.data(), bytes.size());
            return true;
        }
        ssize_t n = 0;
        do
            n = ::send(connection.fd, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        while (n < 0 && errno == EINTR);
        if (n < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK) {
                m_served.fetch_sub(1, std::memory_order_relaxed);
                return false;
            }
            n = 0;
        }
        connection.output.append(bytes.data() + n, bytes.size() - std::size_t(n));
        return true;
    }

    bool flushOutput(Connection& connection)
    {
        while (!connection.output.empty()) {
            const ssize_t n = ::send(
                connection.fd, connection.output.data(), connection.output.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                return errno == EAGAIN || errno == EWOULDBLOCK;
            }
            connection.output.erase(0, std::size_t(n));
        }
        return true;
    }

    using ConnectionIt = std::unordered_map<std::uint64_t, Connection>::iterator;

    // Closes a connection with nothing left to do, otherwise matches its epoll interest to its state (a peer
    // that finished sending must not keep the level-triggered EOF firing).
    void settle(ConnectionIt it)
    {
        Connection& connection = it->second;
        if (connection.peerDoneSending && connection.pendingReplies == 0 && connection.output.empty()) {
            closeConnection(it);
            return;
        }
        const std::uint32_t interest
            = (connection.peerDoneSending ? 0u : std::uint32_t(EPOLLIN)) | (connection.output.empty() ? 0u : EPOLLOUT);
        if (interest == connection.interest)
            return;
        epoll_event event {};
        event.events = interest;
        event.data.u64 = it->first;
        ::epoll_ctl(m_epollFd, EPOLL_CTL_MOD, connection.fd, &event);
        connection.interest = interest;
    }

    void closeConnection(ConnectionIt it)
    {
        // Replies still in the heap for it are skipped when they fall due.
        ::close(it->second.fd);
        m_connections.erase(it);
        resumeAccepting();
    }

    void armTimer()
    {
        if (m_acceptRetryAtNs != 0 && monotonicNowNs() >= m_acceptRetryAtNs)
            resumeAccepting();
        std::int64_t deadline = 0;
        if (!m_pending.empty())
            deadline = m_pending.top().dueNs;
        if (m_acceptRetryAtNs != 0)
            deadline = deadline == 0 ? m_acceptRetryAtNs : std::min(deadline, m_acceptRetryAtNs);
        if (deadline == m_armedNs)
            return;
        // An all-zero it_value disarms, so a real deadline must never be 0.
        const std::int64_t value = deadline == 0 ? 0 : std::max<std::int64_t>(deadline, 1);
        itimerspec spec {};
        spec.it_value.tv_sec = time_t(value / 1'000'000'000);
        spec.it_value.tv_nsec = long(value % 1'000'000'000);
        ::timerfd_settime(m_timerFd, TFD_TIMER_ABSTIME, &spec, nullptr);
        m_armedNs = deadline;
    }

    const int m_listenFd;
    const int m_epollFd;
    const int m_timerFd;
    const std::atomic<bool>& m_answering;
    std::atomic<std::uint64_t>& m_served;
    std::atomic<std::uint64_t>& m_received;
    std::unordered_map<std::uint64_t, Connection> m_connections;
    std::priority_queue<PendingReply, std::vector<PendingReply>, DueLater> m_pending;
    std::uint64_t m_nextConnection = firstConnectionKey;
    std::uint64_t m_nextSequence = 0;
    std::int64_t m_armedNs = 0; // 0: disarmed
    std::int64_t m_acceptRetryAtNs = 0; // 0: accepting normally
};

} // namespace

LatencyServer::LatencyServer() = default;

LatencyServer::~LatencyServer()
{
    stop();
}

bool LatencyServer::start(QString* error)
{
    std::lock_guard lock(m_lifecycleMutex);
    if (m_thread.joinable()) {
        if (error)
            *error = QStringLiteral("the latency server is already running");
        return false;
    }
    const auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        closeDescriptors();
        return false;
    };

    m_listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_listenFd < 0)
        return fail(systemError("socket"));
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = 0;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(m_listenFd, reinterpret_cast<const sockaddr*>(&address), sizeof address) < 0)
        return fail(systemError("bind"));
    if (::listen(m_listenFd, listenBacklog) < 0)
        return fail(systemError("listen"));
    socklen_t length = sizeof address;
    if (::getsockname(m_listenFd, reinterpret_cast<sockaddr*>(&address), &length) < 0)
        return fail(systemError("getsockname"));

    m_epollFd = ::epoll_create1(EPOLL_CLOEXEC);
    if (m_epollFd < 0)
        return fail(systemError("epoll_create1"));
    m_stopFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_stopFd < 0)
        return fail(systemError("eventfd"));
    m_timerFd = ::timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
    if (m_timerFd < 0)
        return fail(systemError("timerfd_create"));
    for (const auto& [fd, key] : {std::pair {m_listenFd, listenKey}, {m_stopFd, stopKey}, {m_timerFd, timerKey}}) {
        epoll_event event {};
        event.events = EPOLLIN;
        event.data.u64 = key;
        if (::epoll_ctl(m_epollFd, EPOLL_CTL_ADD, fd, &event) < 0)
            return fail(systemError("epoll_ctl"));
    }

    try {
        m_thread = std::thread([this, listenFd = m_listenFd, epollFd = m_epollFd, timerFd = m_timerFd] {
            pthread_setname_np(pthread_self(), "conlab-latency");
            ServerLoop loop(listenFd, epollFd, timerFd, m_answering, m_requestsServed, m_requestsReceived);
            loop.run();
        });
    } catch (const std::system_error& e) {
        return fail(QStringLiteral("cannot start the latency server thread: %1").arg(QString::fromLocal8Bit(e.what())));
    }
    m_port.store(ntohs(address.sin_port), std::memory_order_release);
    return true;
}

void LatencyServer::stop()
{
    std::lock_guard lock(m_lifecycleMutex);
    if (m_thread.joinable()) {
        const std::uint64_t one = 1;
        // An eventfd write only fails on counter overflow, which one write cannot cause.
        [[maybe_unused]] auto written = ::write(m_stopFd, &one, sizeof one);
        m_thread.join();
    }
    closeDescriptors();
}

bool LatencyServer::isRunning() const
{
    std::lock_guard lock(m_lifecycleMutex);
    return m_thread.joinable();
}

void LatencyServer::closeDescriptors()
{
    for (int* fd : {&m_listenFd, &m_epollFd, &m_stopFd, &m_timerFd}) {
        if (*fd >= 0)
            ::close(*fd);
        *fd = -1;
    }
    m_port.store(0, std::memory_order_release);
}

} // namespace conlab
