#pragma once

#include "core/models/eventloop/looprun.h"

#include <coroutine>

namespace conlab {

// Hands the coroutine back to the loop for one turn: asyncio's `await asyncio.sleep(0)`.
struct YieldToLoop
{
    LoopRun& run;

    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> coroutine) const { run.schedule(coroutine); }
    void await_resume() const noexcept { }
};

} // namespace conlab
