#include "modellabel.h"

namespace conlab {

QString modelLabel(const RunConfig& config)
{
    QString label;
    switch (config.model) {
    case ModelKind::Sequential:
        label = QStringLiteral("sequential");
        break;
    case ModelKind::Processes:
        label = QStringLiteral("processes");
        break;
    case ModelKind::Threads:
        label = QStringLiteral("threads");
        break;
    case ModelKind::EventLoop:
        label = QStringLiteral("event loop");
        if (config.offload == OffloadKind::Threads)
            label += QStringLiteral(" + thread executor");
        else if (config.offload == OffloadKind::Processes)
            label += QStringLiteral(" + process executor");
        break;
    }
    // Processes have a GIL each: "+ GIL" would promise a contention that does not happen.
    if (config.gil && config.model != ModelKind::Processes)
        label += QStringLiteral(" + GIL");
    return label;
}

} // namespace conlab
