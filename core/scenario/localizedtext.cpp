#include "core/scenario/localizedtext.h"

namespace conlab {

QString LocalizedText::text(const QLocale& locale) const
{
    if (locale.language() == QLocale::Russian && !ru.isEmpty())
        return ru;
    return en;
}

} // namespace conlab
