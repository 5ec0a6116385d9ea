#include "core/python/pythonfacts.h"

namespace conlab {

QString lastLines(const QString& text, int lines)
{
    qsizetype end = text.size();
    while (end > 0 && text.at(end - 1) == QLatin1Char('\n'))
        --end;
    qsizetype begin = end;
    for (int found = 0; begin > 0; --begin) {
        if (text.at(begin - 1) == QLatin1Char('\n') && ++found == lines)
            break;
    }
    return text.mid(begin, end - begin);
}

} // namespace conlab
