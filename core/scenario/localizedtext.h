#pragma once

#include <QLocale>
#include <QString>

namespace conlab {

// A text a scenario shows in class, in every language it is written in. English is the fallback for the rest.
struct LocalizedText
{
    QString en;
    QString ru;

    QString text(const QLocale& locale = QLocale()) const;
};

} // namespace conlab
