#pragma once

#include "core/models/executionmodel.h"

namespace conlab {

// A pool of real threads sharing one task queue; I/O blocks only the thread that waits.
class ThreadsModel final : public ExecutionModel
{
public:
    using ExecutionModel::lanes;
    std::vector<LaneInfo> lanes(int workers, int tasks, const ModelOptions& options) const override;
    ModelOutcome run(const ExecutionContext& context) override;
};

} // namespace conlab
