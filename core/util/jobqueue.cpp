#include "jobqueue.h"

namespace conlab {

JobQueue::JobQueue(QObject* receiver)
    : m_receiver(receiver)
{
    m_pool.setMaxThreadCount(1);
}

JobQueue::~JobQueue()
{
    m_pool.waitForDone();
}

} // namespace conlab
