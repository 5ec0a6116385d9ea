#pragma once

#include "core/models/executionmodel.h"
#include "core/models/modelkind.h"

#include <memory>

namespace conlab {

std::unique_ptr<ExecutionModel> createModel(ModelKind kind);

} // namespace conlab
