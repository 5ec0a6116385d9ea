#include "core/run/modellabel.h"

#include <QCoreApplication>

namespace conlab {

namespace {

QString translated(const char* text)
{
    return QCoreApplication::translate("conlab::ModelLabel", text);
}

} // namespace

QString modelLabel(const RunConfig& config)
{
    QString label;
    switch (config.model) {
    case ModelKind::Sequential:
        label = translated(QT_TRANSLATE_NOOP("conlab::ModelLabel", "sequential"));
        break;
    case ModelKind::Processes:
        label = translated(QT_TRANSLATE_NOOP("conlab::ModelLabel", "processes"));
        break;
    case ModelKind::Threads:
        label = translated(QT_TRANSLATE_NOOP("conlab::ModelLabel", "threads"));
        break;
    case ModelKind::EventLoop:
        if (config.offload == OffloadKind::Threads)
            label = translated(QT_TRANSLATE_NOOP("conlab::ModelLabel", "event loop + thread executor"));
        else if (config.offload == OffloadKind::Processes)
            label = translated(QT_TRANSLATE_NOOP("conlab::ModelLabel", "event loop + process executor"));
        else
            label = translated(QT_TRANSLATE_NOOP("conlab::ModelLabel", "event loop"));
        break;
    case ModelKind::Python:
        label = translated(QT_TRANSLATE_NOOP("conlab::ModelLabel", "Python script"));
        break;
    }
    // Processes have a GIL each: "+ GIL" would promise a contention that does not happen.
    if (config.gil && config.model != ModelKind::Processes)
        label = translated(QT_TRANSLATE_NOOP("conlab::ModelLabel", "%1 + GIL")).arg(label);
    return label;
}

} // namespace conlab
