#include "core/models/eventloop/executorcall.h"

#include "core/models/eventloop/looprun.h"

namespace conlab {

ExecutorCall::ExecutorCall(LoopRun& run, const CpuExecutor::Job& job)
    : m_run(run)
    , m_job(job)
{
}

void ExecutorCall::await_suspend(std::coroutine_handle<> coroutine)
{
    // The result comes back through the ready queue, like any wake-up: never straight into the coroutine.
    m_run.executor()->submit(m_job, [this, coroutine](const CpuExecutor::Result& result) {
        m_result = result;
        m_run.schedule(coroutine);
    });
}

} // namespace conlab
