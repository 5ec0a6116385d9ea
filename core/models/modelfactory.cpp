#include "core/models/modelfactory.h"

#include "core/models/eventloopmodel.h"
#include "core/models/processesmodel.h"
#include "core/models/sequentialmodel.h"
#include "core/models/threadsmodel.h"
#include "core/python/pythonmodel.h"

namespace conlab {

std::unique_ptr<ExecutionModel> createModel(ModelKind kind)
{
    switch (kind) {
    case ModelKind::Sequential:
        return std::make_unique<SequentialModel>();
    case ModelKind::Processes:
        return std::make_unique<ProcessesModel>();
    case ModelKind::Threads:
        return std::make_unique<ThreadsModel>();
    case ModelKind::EventLoop:
        return std::make_unique<EventLoopModel>();
    case ModelKind::Python:
        return std::make_unique<PythonModel>();
    }
    return nullptr;
}

} // namespace conlab
