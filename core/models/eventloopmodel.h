#pragma once

#include "core/models/executionmodel.h"

namespace conlab {

// asyncio's shape: every task is a coroutine on one event loop on one thread. `workers` is the semaphore that limits
// how many tasks are in flight; each in-flight place is a "slot" lane. Waits overlap; CPU work runs inline and
// blocks the whole loop, as it does in Python.
class EventLoopModel final : public ExecutionModel
{
public:
    using ExecutionModel::lanes;
    std::vector<LaneInfo> lanes(int workers, int tasks, const ModelOptions& options) const override;
    ModelOutcome run(const ExecutionContext& context) override;
};

} // namespace conlab
