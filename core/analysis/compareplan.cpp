#include "core/analysis/compareplan.h"

#include "core/python/exampleknobs.h"

namespace conlab {

std::vector<RunConfig> compareConfigs(const RunConfig& config, bool withPython)
{
    const auto variant = [&](ModelKind model, bool gil) {
        RunConfig one = config;
        one.model = model;
        one.gil = gil;
        one.offload = OffloadKind::None;
        one.python.reset();
        if (model == ModelKind::Sequential)
            one.workers = 1;
        return one;
    };
    RunConfig eventLoop = variant(ModelKind::EventLoop, config.gil && config.offload == OffloadKind::Threads);
    eventLoop.offload = config.offload;
    std::vector<RunConfig> configs {variant(ModelKind::Sequential, false), variant(ModelKind::Processes, false),
        variant(ModelKind::Threads, false), variant(ModelKind::Threads, true), eventLoop};
    if (!withPython)
        return configs;
    const QString interpreter = config.python ? config.python->interpreter : QString();
    for (const QString& example : comparedExamples(config.workload.kind)) {
        RunConfig real = variant(ModelKind::Python, false);
        real.python = PythonScript {example, interpreter, {}};
        real.python->arguments = exampleArguments(example, real);
        configs.push_back(real);
    }
    return configs;
}

} // namespace conlab
