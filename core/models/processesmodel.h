#pragma once

#include "core/models/executionmodel.h"

namespace conlab {

// A pool of real worker processes: this binary re-executed in worker mode, fed tasks over its stdin and reporting
// segments and results on its stdout. Pool start-up is part of the run and shows as `starting up`.
class ProcessesModel final : public ExecutionModel
{
public:
    using ExecutionModel::lanes;
    std::vector<LaneInfo> lanes(int workers, int tasks, const ModelOptions& options) const override;
    ModelOutcome run(const ExecutionContext& context) override;
};

} // namespace conlab
