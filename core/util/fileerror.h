#pragma once

#include <QString>

namespace conlab {

// A device's errorString() as the end of a sentence: no trailing full stop (the caller ends the sentence), never
// empty.
inline QString fileErrorReason(QString reason)
{
    while (reason.endsWith(QLatin1Char('.')))
        reason.chop(1);
    return reason.isEmpty() ? QStringLiteral("unknown error") : reason;
}

} // namespace conlab
