#include "core/analysis/compareplan.h"

namespace conlab {

std::vector<RunConfig> compareConfigs(const RunConfig& config)
{
    const auto variant = [&](ModelKind model, bool gil) {
        RunConfig one = config;
        one.model = model;
        one.gil = gil;
        one.offload = OffloadKind::None;
        if (model == ModelKind::Sequential)
            one.workers = 1;
        return one;
    };
    RunConfig eventLoop = variant(ModelKind::EventLoop, config.gil && config.offload == OffloadKind::Threads);
    eventLoop.offload = config.offload;
    return {variant(ModelKind::Sequential, false), variant(ModelKind::Processes, false),
        variant(ModelKind::Threads, false), variant(ModelKind::Threads, true), eventLoop};
}

} // namespace conlab
