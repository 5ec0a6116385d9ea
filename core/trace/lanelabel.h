#pragma once

#include <QString>

namespace conlab {

// A lane's name as the UI shows it. conlab names its lanes in English ("thread 2", "slot 3", "executor process 1"),
// and files keep those names; on screen they are said in the UI's language. Any other name (a trace from another
// tool, "GIL") is shown as it is.
QString laneLabel(const QString& name);

} // namespace conlab
