#include "core/run/modellabel.h"

#include "core/python/exampleknobs.h"

#include <QCoreApplication>

namespace conlab {

namespace {

QString translated(const char* text)
{
    return QCoreApplication::translate("conlab::ModelLabel", text);
}

// A shipped example is named for the emulated model it is the real counterpart of: a row beside that model.
QString pythonLabel(const RunConfig& config)
{
    const auto example = config.python ? exampleKnobs(config.python->script) : std::nullopt;
    if (!example)
        return translated(QT_TRANSLATE_NOOP("conlab::ModelLabel", "Python script"));
    switch (example->counterpart) {
    case ModelKind::Processes:
        return translated(QT_TRANSLATE_NOOP("conlab::ModelLabel", "processes (CPython)"));
    case ModelKind::EventLoop:
        return translated(QT_TRANSLATE_NOOP("conlab::ModelLabel", "asyncio (CPython)"));
    case ModelKind::Sequential:
    case ModelKind::Threads:
    case ModelKind::Python:
        break;
    }
    return translated(QT_TRANSLATE_NOOP("conlab::ModelLabel", "threads (CPython)"));
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
        label = pythonLabel(config);
        break;
    }
    // Processes have a GIL each: "+ GIL" would promise a contention that does not happen.
    if (config.gil && config.model != ModelKind::Processes)
        label = translated(QT_TRANSLATE_NOOP("conlab::ModelLabel", "%1 + GIL")).arg(label);
    return label;
}

} // namespace conlab
