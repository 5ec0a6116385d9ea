#pragma once

#include "executionmodel.h"
#include "modelkind.h"

#include <memory>

namespace conlab {

std::unique_ptr<ExecutionModel> createModel(ModelKind kind);

} // namespace conlab
