#pragma once

#include "core/models/executionmodel.h"

namespace conlab {

// The baseline: one thread runs one task after another.
class SequentialModel final : public ExecutionModel
{
public:
    using ExecutionModel::lanes;
    std::vector<LaneInfo> lanes(int workers, int tasks, const ModelOptions& options) const override;
    ModelOutcome run(const ExecutionContext& context) override;
};

} // namespace conlab
