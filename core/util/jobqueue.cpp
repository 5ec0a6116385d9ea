#include "jobqueue.h"

#include "tsanhandoff.h"

#include <QCoreApplication>
#include <QEvent>
#include <QObject>
#include <QPointer>
#include <QRunnable>
#include <QThread>

namespace conlab {
namespace {

class JobRunnable final : public QRunnable
{
public:
    explicit JobRunnable(std::function<void()> job)
        : m_job(std::move(job))
    {
        tsan::handOff(this);
    }
    void run() override
    {
        tsan::takeOver(this);
        m_job();
    }

private:
    std::function<void()> m_job;
};

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
    m_pool.setMaxThreadCount(1);
}

JobQueue::~JobQueue()
{
    m_pool.waitForDone();
}

void JobQueue::start(std::function<void()> job)
{
    m_pool.start(new JobRunnable(std::move(job)));
}

void JobQueue::deliver(std::function<void()> done)
{
    QCoreApplication::postEvent(m_inbox.get(), new DoneEvent(std::move(done)));
}

} // namespace conlab
