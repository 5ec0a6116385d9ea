#include "core/models/cpuexecutor.h"

#include "core/sampling/usablecores.h"

#include <algorithm>

namespace conlab {

int executorWorkers(OffloadKind offload, int slotTotal)
{
    const int cores = usableCores();
    switch (offload) {
    case OffloadKind::None:
        return 0;
    case OffloadKind::Threads:
        return std::max(1, std::min({32, cores + 4, slotTotal}));
    case OffloadKind::Processes:
        return std::max(1, std::min(cores, slotTotal));
    }
    return 0;
}

} // namespace conlab
