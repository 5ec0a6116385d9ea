#include "core/python/pythonobserver.h"

#include "core/python/observercore.h"

namespace conlab::python {

PythonObserver::PythonObserver(pid_t rootPid, ObservationSink& sink, bool preciseGil, int threadNamesFd)
    : m_core(std::make_unique<ObserverCore>(rootPid, sink, preciseGil, threadNamesFd))
{
}

PythonObserver::~PythonObserver() = default;

void PythonObserver::start()
{
    m_core->start();
}

void PythonObserver::stop()
{
    m_core->stop();
}

ObserverStats PythonObserver::stats() const
{
    return m_core->stats();
}

} // namespace conlab::python
