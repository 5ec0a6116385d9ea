#pragma once

#include "core/export/textbuffer.h"

#include <QByteArray>
#include <QString>

namespace conlab {

// A complete JSON string literal, quotes included. Text is written as UTF-8, which JSON allows unescaped; only the
// quote, the backslash and control characters are escaped.
QByteArray jsonString(const QString& text);

// JSON has no NaN or infinity. Where a value must survive a round trip, NaN is written as null and the infinities
// as the strings "Infinity" and "-Infinity" (JavaScript's names); import/runrecordreader.cpp reads them back.
void appendJsonDouble(TextBuffer& out, double value);
void appendJsonFloat(TextBuffer& out, float value);

} // namespace conlab
