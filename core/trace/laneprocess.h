#pragma once

#include <QString>

namespace conlab {

// An observed program's lanes name the process they belong to when it is not the run's own: "Thread-1 [pid 4242]",
// "GIL [pid 4242]" (python::RecorderSink writes them, the timeline groups lanes by them). One home for the format.
QString processLaneSuffix(int pid);
// The pid a lane's name carries, else 0: a lane of the run's own process, or of a model with no such names.
int laneProcess(const QString& name);

} // namespace conlab
