#include "core/run/canceltoken.h"
#include "core/trace/monotonicclock.h"
#include "core/workload/ioclient.h"
#include "core/workload/latencyserver.h"
#include "tests/timingslack.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <gtest/gtest.h>
#include <latch>
#include <memory>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace conlab {
namespace {

constexpr std::int64_t nsPerMs = 1'000'000;

double toMs(std::int64_t ns)
{
    return double(ns) / double(nsPerMs);
}

std::size_t countEntries(const char* directory)
{
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(directory))
        ++count;
    return count;
}

// Polls rather than sleeps a fixed time, so the tests are quick on an idle machine and still pass on a busy one.
bool waitFor(const std::function<bool()>& condition, std::int64_t timeoutNs)
{
    const std::int64_t deadline = monotonicNowNs() + timeoutNs;
    while (!condition()) {
        if (monotonicNowNs() > deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
}

void startOrFail(LatencyServer& server)
{
    QString error;
    ASSERT_TRUE(server.start(&error)) << error.toStdString();
    ASSERT_NE(server.port(), 0);
}

TEST(LatencyServerTestTiming, RoundTripTakesTheRequestedDelay)
{
    LatencyServer server;
    startOrFail(server);
    CancelToken cancel;

    const std::int64_t begin = monotonicNowNs();
    const IoResult result = blockingRoundTrip(server.port(), 42, 50'000, cancel);
    const std::int64_t end = monotonicNowNs();

    ASSERT_EQ(result.status, IoStatus::Ok) << result.error.english().toStdString();
    EXPECT_TRUE(result.error.isEmpty());
    EXPECT_EQ(result.reply.token, 42u);
    EXPECT_GE(end - begin, 45 * nsPerMs);
    EXPECT_LE(end - begin, 200 * nsPerMs);
    EXPECT_GE(result.reply.sentAtNs, begin);
    EXPECT_LE(result.reply.sentAtNs, end);
    std::printf("[ measured ] 50 ms round trip: %.3f ms, server sent at +%.3f ms, client resumed %.3f ms later\n",
        toMs(end - begin), toMs(result.reply.sentAtNs - begin), toMs(end - result.reply.sentAtNs));
}

TEST(LatencyServerTestTiming, ConcurrentRequestsAreAnsweredInParallel)
{
    LatencyServer server;
    startOrFail(server);
    CancelToken cancel;
    constexpr int clients = 200;
    constexpr std::int64_t delayNs = 50 * nsPerMs;

    std::vector<IoResult> results(clients);
    std::vector<std::int64_t> elapsed(clients);
    std::vector<std::int64_t> finished(clients);
    std::latch ready(clients + 1);
    std::vector<std::thread> threads;
    threads.reserve(clients);
    for (int i = 0; i < clients; ++i) {
        threads.emplace_back([&, i] {
            ready.arrive_and_wait();
            const std::int64_t begin = monotonicNowNs();
            results[i] = blockingRoundTrip(server.port(), std::uint64_t(i), delayNs / 1000, cancel);
            finished[i] = monotonicNowNs();
            elapsed[i] = finished[i] - begin;
        });
    }
    // Thread creation is not what is measured: everyone starts together once all exist.
    ready.arrive_and_wait();
    const std::int64_t release = monotonicNowNs();
    for (auto& thread : threads)
        thread.join();

    for (int i = 0; i < clients; ++i) {
        ASSERT_EQ(results[i].status, IoStatus::Ok) << i << ": " << results[i].error.english().toStdString();
        EXPECT_EQ(results[i].reply.token, std::uint64_t(i));
        EXPECT_GE(elapsed[i], delayNs - 5 * nsPerMs) << i;
    }
    const std::int64_t wall = *std::max_element(finished.begin(), finished.end()) - release;
    EXPECT_LT(wall, 4 * delayNs);
    EXPECT_EQ(server.requestsServed(), std::uint64_t(clients));
    std::sort(elapsed.begin(), elapsed.end());
    std::printf("[ measured ] %d x 50 ms concurrent: wall %.3f ms, round trip min %.3f / median %.3f / p95 %.3f / "
                "max %.3f ms\n",
        clients, toMs(wall), toMs(elapsed.front()), toMs(elapsed[clients / 2]), toMs(elapsed[clients * 95 / 100]),
        toMs(elapsed.back()));
}

TEST(LatencyServerTestTiming, CancelWakesAPendingRoundTrip)
{
    LatencyServer server;
    startOrFail(server);
    CancelToken cancel;

    std::int64_t cancelledAt = 0;
    std::thread canceller([&] {
        waitFor([&] { return server.requestsReceived() == 1; }, 2'000 * nsPerMs);
        cancelledAt = monotonicNowNs();
        cancel.cancel();
    });
    const IoResult result = blockingRoundTrip(server.port(), 1, 10'000'000, cancel);
    const std::int64_t returnedAt = monotonicNowNs();
    canceller.join();

    EXPECT_EQ(result.status, IoStatus::Cancelled);
    EXPECT_LT(returnedAt - cancelledAt, 100 * nsPerMs);
    std::printf("[ measured ] cancel to return: %.3f ms\n", toMs(returnedAt - cancelledAt));

    // An already cancelled token does not even connect.
    EXPECT_EQ(blockingRoundTrip(server.port(), 2, 0, cancel).status, IoStatus::Cancelled);
    EXPECT_EQ(server.requestsReceived(), 1u);
}

TEST(LatencyServerTestTiming, SilentServerLetsTheClientTimeOut)
{
    LatencyServer server;
    startOrFail(server);
    CancelToken cancel;
    server.setAnswering(false);
    EXPECT_FALSE(server.isAnswering());

    // 10 ms asked for: ten times that is under the floor, so the request fails after a second.
    const std::int64_t begin = monotonicNowNs();
    const IoResult result = blockingRoundTrip(server.port(), 7, 10'000, cancel);
    const std::int64_t elapsed = monotonicNowNs() - begin;

    EXPECT_EQ(result.status, IoStatus::TimedOut);
    EXPECT_EQ(result.error.english(),
        QStringLiteral("no answer from the latency server within 1000 ms (the timeout is 10 times the 10 ms latency "
                       "asked for, and at least 1000 ms)"));
    EXPECT_GE(elapsed, 1000 * nsPerMs);
    EXPECT_LT(elapsed, test::slack(1300 * nsPerMs));
    EXPECT_EQ(server.requestsReceived(), 1u);
    EXPECT_EQ(server.requestsServed(), 0u);
    std::printf("[ measured ] 1 s timeout took %.3f ms\n", toMs(elapsed));

    server.setAnswering(true);
    const IoResult answered = blockingRoundTrip(server.port(), 8, 1'000, cancel);
    EXPECT_EQ(answered.status, IoStatus::Ok) << answered.error.english().toStdString();
    EXPECT_EQ(server.requestsServed(), 1u);
}

TEST(LatencyServerTest, ReplyTimeoutIsTenTimesTheLatencyAndAtLeastASecond)
{
    EXPECT_EQ(replyTimeoutNs(0), 1000 * nsPerMs);
    EXPECT_EQ(replyTimeoutNs(-5), 1000 * nsPerMs);
    EXPECT_EQ(replyTimeoutNs(100'000), 1000 * nsPerMs);
    EXPECT_EQ(replyTimeoutNs(250'000), 2500 * nsPerMs);
    EXPECT_EQ(replyTimeoutNs(3'600'000'000), 36'000'000 * nsPerMs); // an hour's latency: ten hours
    EXPECT_EQ(replyTimeoutError(250'000),
        QStringLiteral("no answer from the latency server within 2500 ms (the timeout is 10 times the 250 ms latency "
                       "asked for, and at least 1000 ms)"));
    EXPECT_TRUE(replyTimeoutError(100).contains(QStringLiteral("the 0.1 ms latency")))
        << replyTimeoutError(100).toStdString();
}

TEST(LatencyServerTestTiming, StopWithConnectedClientsIsImmediateAndFailsThem)
{
    auto server = std::make_unique<LatencyServer>();
    startOrFail(*server);
    const quint16 port = server->port();
    CancelToken cancel;
    constexpr int clients = 20;

    std::vector<IoResult> results(clients);
    std::vector<std::int64_t> returnedAt(clients);
    std::vector<std::thread> threads;
    for (int i = 0; i < clients; ++i) {
        threads.emplace_back([&, i] {
            results[i] = blockingRoundTrip(port, std::uint64_t(i), 10'000'000, cancel);
            returnedAt[i] = monotonicNowNs();
        });
    }
    const bool allConnected
        = waitFor([&] { return server->requestsReceived() == std::uint64_t(clients); }, 5'000 * nsPerMs);

    const std::int64_t stopBegin = monotonicNowNs();
    server->stop();
    const std::int64_t stopEnd = monotonicNowNs();
    server->stop(); // idempotent
    for (auto& thread : threads)
        thread.join();

    ASSERT_TRUE(allConnected);
    EXPECT_FALSE(server->isRunning());
    EXPECT_EQ(server->port(), 0);
    EXPECT_LT(stopEnd - stopBegin, 100 * nsPerMs);
    std::int64_t slowest = 0;
    for (int i = 0; i < clients; ++i) {
        EXPECT_EQ(results[i].status, IoStatus::Failed) << i;
        EXPECT_FALSE(results[i].error.isEmpty());
        slowest = std::max(slowest, returnedAt[i] - stopBegin);
    }
    EXPECT_LT(slowest, 1'000 * nsPerMs);
    std::printf("[ measured ] stop() with %d clients: %.3f ms, last client failed %.3f ms after stop began (%s)\n",
        clients, toMs(stopEnd - stopBegin), toMs(slowest), qPrintable(results[0].error.english()));

    // Nothing listens any more.
    const IoResult refused = blockingRoundTrip(port, 1, 0, cancel);
    EXPECT_EQ(refused.status, IoStatus::Failed);
    server.reset();
}

TEST(LatencyServerTest, LeavesNoDescriptorOrThreadBehind)
{
    CancelToken cancel;
    const std::size_t fdsBefore = countEntries("/proc/self/fd");
    // A thread first: under TSan the process's first thread also starts the sanitizer's own, which stays.
    std::thread([] {}).join();
    const std::size_t threadsBefore = countEntries("/proc/self/task");
    {
        LatencyServer server;
        startOrFail(server);
        for (int i = 0; i < 5; ++i)
            EXPECT_EQ(blockingRoundTrip(server.port(), 1, 1'000, cancel).status, IoStatus::Ok);
        // A connection the client abandons halfway through a request, and one still waiting at destruction.
        Problem error;
        const int half = openConnectedSocket(server.port(), false, &error);
        ASSERT_GE(half, 0) << error.english().toStdString();
        ASSERT_EQ(::send(half, "abc", 3, MSG_NOSIGNAL), 3);
        const int waiting = openConnectedSocket(server.port(), false, &error);
        ASSERT_GE(waiting, 0) << error.english().toStdString();
        const auto request = encodeRequest(9, 10'000'000);
        ASSERT_EQ(::send(waiting, request.data(), request.size(), MSG_NOSIGNAL), ssize_t(request.size()));
        ASSERT_TRUE(waitFor([&] { return server.requestsReceived() == 6; }, 2'000 * nsPerMs));
        ::close(half);
        ::close(waiting);
        EXPECT_GT(countEntries("/proc/self/task"), threadsBefore);
    }
    // A joined thread can linger in /proc for a moment after its exit has woken join().
    EXPECT_TRUE(waitFor([&] { return countEntries("/proc/self/task") == threadsBefore; }, 1'000 * nsPerMs))
        << countEntries("/proc/self/task") << " threads, " << threadsBefore << " before";
    EXPECT_EQ(countEntries("/proc/self/fd"), fdsBefore);
}

TEST(LatencyServerTest, RequestsServedCountsReplies)
{
    LatencyServer server;
    startOrFail(server);
    CancelToken cancel;
    EXPECT_EQ(server.requestsServed(), 0u);
    for (std::uint64_t i = 1; i <= 10; ++i) {
        ASSERT_EQ(blockingRoundTrip(server.port(), i, 0, cancel).status, IoStatus::Ok);
        EXPECT_EQ(server.requestsServed(), i);
        EXPECT_EQ(server.requestsReceived(), i);
    }
}

TEST(LatencyServerTest, PipelinedRequestsAreAnsweredInDueOrder)
{
    LatencyServer server;
    startOrFail(server);
    Problem error;
    const int fd = openConnectedSocket(server.port(), false, &error);
    ASSERT_GE(fd, 0) << error.english().toStdString();

    // Three requests in one stream, the second split across writes to exercise partial reads.
    std::vector<char> stream;
    for (const auto& [token, delayUs] :
        {std::pair<std::uint64_t, std::int64_t> {1, 60'000}, {2, 20'000}, {3, 40'000}}) {
        const auto request = encodeRequest(token, delayUs);
        stream.insert(stream.end(), request.begin(), request.end());
    }
    const std::int64_t begin = monotonicNowNs();
    ASSERT_EQ(::send(fd, stream.data(), 21, MSG_NOSIGNAL), 21);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ASSERT_EQ(::send(fd, stream.data() + 21, stream.size() - 21, MSG_NOSIGNAL), ssize_t(stream.size() - 21));
    ::shutdown(fd, SHUT_WR); // a half-closed client still gets its pending replies

    std::vector<char> replies(48);
    std::size_t received = 0;
    while (received < replies.size()) {
        const ssize_t n = ::recv(fd, replies.data() + received, replies.size() - received, 0);
        ASSERT_GT(n, 0);
        received += std::size_t(n);
    }
    char extra = 0;
    EXPECT_EQ(::recv(fd, &extra, 1, 0), 0); // the server closes once everything is answered
    ::close(fd);

    const std::uint64_t expectedOrder[] = {2, 3, 1};
    const std::int64_t expectedDelayMs[] = {20, 40, 60};
    for (int i = 0; i < 3; ++i) {
        const IoReply reply = decodeReply(replies.data() + i * 16);
        EXPECT_EQ(reply.token, expectedOrder[i]);
        // Request 2 only completed after the 5 ms pause, so it is due up to that much later.
        EXPECT_GE(reply.sentAtNs - begin, expectedDelayMs[i] * nsPerMs);
        EXPECT_LT(reply.sentAtNs - begin, (expectedDelayMs[i] + 30) * nsPerMs);
        std::printf("[ measured ] pipelined token %llu (%lld ms): sent at +%.3f ms\n",
            static_cast<unsigned long long>(reply.token), static_cast<long long>(expectedDelayMs[i]),
            toMs(reply.sentAtNs - begin));
    }
    EXPECT_EQ(server.requestsServed(), 3u);
}

TEST(LatencyServerTest, StartsAgainAfterStop)
{
    LatencyServer server;
    startOrFail(server);
    QString error;
    EXPECT_FALSE(server.start(&error));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_TRUE(server.isRunning()); // the failed second start must not have torn the running server down

    CancelToken cancel;
    EXPECT_EQ(blockingRoundTrip(server.port(), 1, 0, cancel).status, IoStatus::Ok);
    server.stop();
    startOrFail(server);
    EXPECT_EQ(blockingRoundTrip(server.port(), 2, 0, cancel).status, IoStatus::Ok);
}

TEST(IoClientTest, RequestAndReplyEncoding)
{
    const auto request = encodeRequest(0x0102030405060708ULL, -5);
    std::uint64_t words[2] = {};
    std::memcpy(words, request.data(), sizeof words);
    EXPECT_EQ(words[0], 0x0102030405060708ULL);
    EXPECT_EQ(words[1], 0u); // negative delays are clamped

    const std::int64_t sentAt = 123'456'789'012;
    words[1] = std::uint64_t(sentAt);
    const IoReply reply = decodeReply(reinterpret_cast<const char*>(words));
    EXPECT_EQ(reply.token, 0x0102030405060708ULL);
    EXPECT_EQ(reply.sentAtNs, sentAt);
}

} // namespace
} // namespace conlab
