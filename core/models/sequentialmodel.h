#pragma once

#include "executionmodel.h"

namespace conlab {

// The baseline: one thread runs one task after another.
class SequentialModel final : public ExecutionModel
{
public:
    std::vector<LaneInfo> lanes(int workers, int tasks) const override;
    ModelOutcome run(const ExecutionContext& context) override;
};

} // namespace conlab
