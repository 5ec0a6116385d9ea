#pragma once

#include "core/models/cpuexecutor.h"

#include <coroutine>

namespace conlab {

class LoopRun;

// Awaits a CPU phase run by the loop's executor: `await loop.run_in_executor(pool, work)`.
class ExecutorCall
{
public:
    ExecutorCall(LoopRun& run, const CpuExecutor::Job& job);

    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> coroutine);
    CpuExecutor::Result await_resume() const { return m_result; }

private:
    LoopRun& m_run;
    CpuExecutor::Job m_job;
    CpuExecutor::Result m_result;
};

} // namespace conlab
