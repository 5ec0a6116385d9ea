#include "core/models/eventloop/looplock.h"

#include "core/models/eventloop/looprun.h"

namespace conlab {

LoopLock::LoopLock(LoopRun& run)
    : m_run(run)
{
}

void LoopLock::release()
{
    if (m_waiters.empty()) {
        m_locked = false;
        return;
    }
    m_run.schedule(m_waiters.front());
    m_waiters.pop_front();
}

} // namespace conlab
