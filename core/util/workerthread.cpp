#include "core/util/workerthread.h"

#include "core/util/tsanhandoff.h"

namespace conlab {

WorkerThread::~WorkerThread()
{
    wait();
}

void WorkerThread::start()
{
    m_thread->start();
}

void WorkerThread::wait()
{
    m_thread->wait();
    if (m_thread->isFinished())
        tsan::takeOver(m_thread.get());
}

void WorkerThread::releaseToWaiter(QThread* thread)
{
    tsan::handOff(thread);
}

} // namespace conlab
