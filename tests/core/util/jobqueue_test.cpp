#include "core/util/jobqueue.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>
#include <atomic>
#include <gtest/gtest.h>
#include <memory>
#include <thread>
#include <vector>

using namespace conlab;

namespace {

bool processEventsUntil(const std::function<bool()>& done, int timeoutMs = 10'000)
{
    QElapsedTimer clock;
    clock.start();
    while (!done() && clock.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return done();
}

} // namespace

TEST(JobQueue, RunsJobsInOrderOffTheCallersThreadAndDeliversInIt)
{
    QObject receiver;
    JobQueue queue(&receiver);
    std::vector<int> delivered;
    std::vector<QThread*> jobThreads(3, nullptr);
    std::vector<QThread*> doneThreads;
    for (int i = 0; i < 3; ++i) {
        queue.post(
            [i, &jobThreads] {
                // The first job is the slowest: a second thread would let the others overtake it.
                if (i == 0)
                    std::this_thread::sleep_for(std::chrono::milliseconds(50));
                jobThreads[std::size_t(i)] = QThread::currentThread();
                return i * 10;
            },
            [&](int result) {
                delivered.push_back(result);
                doneThreads.push_back(QThread::currentThread());
            });
    }
    EXPECT_EQ(queue.pending(), 3);
    EXPECT_TRUE(delivered.empty()) << "results come back as queued calls, never inside post()";
    ASSERT_TRUE(processEventsUntil([&] { return delivered.size() == 3; }));
    EXPECT_EQ(delivered, (std::vector<int> {0, 10, 20}));
    EXPECT_EQ(queue.pending(), 0);
    for (QThread* thread : jobThreads)
        EXPECT_NE(thread, QThread::currentThread());
    for (QThread* thread : doneThreads)
        EXPECT_EQ(thread, QThread::currentThread());
}

TEST(JobQueue, TheDestructorWaitsForEveryJobPosted)
{
    auto finished = std::make_shared<std::atomic<int>>(0);
    bool delivered = false;
    {
        QObject receiver;
        JobQueue queue(&receiver);
        for (int i = 0; i < 2; ++i) {
            queue.post(
                [finished] {
                    std::this_thread::sleep_for(std::chrono::milliseconds(40));
                    return ++*finished;
                },
                [&delivered](int) { delivered = true; });
        }
    }
    EXPECT_EQ(finished->load(), 2);
    // The receiver went before the results could be delivered: they are dropped, not run on a dead object.
    QCoreApplication::processEvents();
    EXPECT_FALSE(delivered);
}
