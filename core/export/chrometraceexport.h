#pragma once

#include "trace/trace.h"

#include <QByteArray>
#include <QString>

namespace conlab {

// The Chrome Trace Event JSON format, which ui.perfetto.dev, chrome://tracing and speedscope open. Lanes become
// threads of one process (pid 1) in the app's order; per-core CPU utilisation becomes counters of a second
// process (pid 2). Times are microseconds since trace.originNs, written with nanosecond precision.
QByteArray chromeTraceJson(const Trace& trace);

// Writes chromeTraceJson(trace) to path atomically: on failure the previous file, if any, is left as it was,
// false is returned and *error (when error is not null) gets a sentence naming the file and the reason.
bool writeChromeTrace(const Trace& trace, const QString& path, QString* error);

} // namespace conlab
