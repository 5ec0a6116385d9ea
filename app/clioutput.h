#pragma once

#include <QString>
#include <cstdio>

namespace conlab {

// One line on stderr, prefixed the way every `conlab run` message is.
inline void printError(const QString& message)
{
    std::fprintf(stderr, "conlab run: %s\n", qPrintable(message));
}

} // namespace conlab
