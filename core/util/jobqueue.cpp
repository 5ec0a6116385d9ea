#include "core/util/jobqueue.h"

#include "core/util/tsanhandoff.h"
#include "core/util/workerthread.h"

#include <QCoreApplication>
#include <QEvent>
#include <QObject>
#include <QPointer>
#include <QThread>

namespace conlab {
namespace {

class DoneEvent final : public QEvent
{
public:
    explicit DoneEvent(std::function<void()> done)
        : QEvent(QEvent::User)
        , m_done(std::move(done))
    {
        tsan::handOff(this);
    }
    // Also when the receiver's thread drops it undelivered.
    ~DoneEvent() override { tsan::takeOver(this); }
    void run() { m_done(); }

private:
    std::function<void()> m_done;
};

} // namespace

// Lives in the receiver's thread; customEvent, not event(), so that only Qt reads an event's type.
class JobQueue::Inbox final : public QObject
{
public:
    explicit Inbox(QObject* receiver)
        : m_receiver(receiver)
    {
        moveToThread(receiver->thread());
    }

protected:
    void customEvent(QEvent* event) override
    {
        tsan::takeOver(event);
        if (m_receiver)
            static_cast<DoneEvent*>(event)->run();
    }

private:
    QPointer<QObject> m_receiver;
};

JobQueue::JobQueue(QObject* receiver)
    : m_inbox(std::make_unique<Inbox>(receiver))
{
}

// Every job posted runs before the queue's thread ends.
JobQueue::~JobQueue()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread)
        m_thread->wait();
}

void JobQueue::start(std::function<void()> job)
{
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
    if (!m_thread) {
        m_thread = std::make_unique<WorkerThread>(QStringLiteral("conlab-jobs"), [this] { runJobs(); });
        m_thread->start();
    }
}

void JobQueue::runJobs()
{
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_jobs.empty())
                return;
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        job();
    }
}

void JobQueue::deliver(std::function<void()> done)
{
    QCoreApplication::postEvent(m_inbox.get(), new DoneEvent(std::move(done)));
}

} // namespace conlab
