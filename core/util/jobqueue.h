#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>

class QObject;

namespace conlab {

class WorkerThread;

// Work that must not hold up the thread that asks for it (the UI thread): each job runs on the queue's own thread
// (started at the first job), one at a time and in the order posted, and its result comes back to the receiver's thread
// as a posted event. The destructor waits for the jobs posted, so a file asked to be written is never half-written or
// lost on quit; results that arrive after the receiver is gone are dropped. Results and jobs are copied between
// threads: they must be copyable values (a shared_ptr<const T> for anything large). Make the queue a member of its
// receiver, so that it is gone (and done waiting) before the receiver is.
class JobQueue
{
public:
    explicit JobQueue(QObject* receiver);
    ~JobQueue();
    JobQueue(const JobQueue&) = delete;
    JobQueue& operator=(const JobQueue&) = delete;

    // job() runs on the queue's thread; then done(result) in the receiver's thread.
    template <typename Job, typename Done> void post(Job job, Done done)
    {
        ++m_pending;
        start([this, job = std::move(job), done = std::move(done)]() mutable {
            auto result = job();
            deliver([this, result = std::move(result), done = std::move(done)]() mutable {
                --m_pending;
                done(std::move(result));
            });
        });
    }

    // Jobs posted whose done() has not been called yet. Read in the receiver's thread.
    int pending() const { return m_pending; }

private:
    class Inbox;

    void start(std::function<void()> job);
    // Called on the queue's thread: runs done in the receiver's thread, unless the receiver is gone by then. The
    // result crosses in an event of ours that Qt only passes on, so that ThreadSanitizer can be told (tsanhandoff.h).
    void deliver(std::function<void()> done);
    void runJobs();

    std::unique_ptr<Inbox> m_inbox;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_jobs; // guarded by m_mutex
    bool m_stopping = false; // guarded by m_mutex
    std::unique_ptr<WorkerThread> m_thread;
    int m_pending = 0; // only touched in the receiver's thread
};

} // namespace conlab
