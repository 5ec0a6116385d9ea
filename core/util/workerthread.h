#pragma once

#include <QString>
#include <QThread>
#include <memory>
#include <utility>

namespace conlab {

// A thread that runs one function (QThread::create) and whose wait() ThreadSanitizer understands. Qt tells a waiter
// that its thread has finished through its own futex-based mutex, which TSan cannot see in an uninstrumented Qt: to
// it, everything the thread did would race with what the waiter does next, such as freeing what the thread used. So
// the function's return hands off and a wait() that saw the thread finish takes over, on the QThread's address. The
// owner waits before destroying it (~WorkerThread waits too, as a last resort: a QThread destroyed while running aborts
// the process). See tsanhandoff.h.
class WorkerThread
{
public:
    // `name` is the thread's name in /proc, top and gdb.
    template <typename Function>
    WorkerThread(const QString& name, Function function)
        : m_thread(QThread::create([function = std::move(function)]() mutable {
            function();
            releaseToWaiter(QThread::currentThread());
        }))
    {
        m_thread->setObjectName(name);
    }
    ~WorkerThread();
    WorkerThread(const WorkerThread&) = delete;
    WorkerThread& operator=(const WorkerThread&) = delete;

    void start();
    // Blocks until the function has returned; what it did is then visible to the caller.
    void wait();
    // For its finished() signal, which Qt emits from the thread once the function has returned.
    QThread* thread() const { return m_thread.get(); }

private:
    static void releaseToWaiter(QThread* thread);

    std::unique_ptr<QThread> m_thread;
};

} // namespace conlab
