#include "core/export/jsontext.h"

#include <cmath>

namespace conlab {

namespace {

// False when the value was written as null or an infinity string.
bool appendNonFinite(TextBuffer& out, double value)
{
    if (std::isnan(value)) {
        out.appendLiteral("null");
        return true;
    }
    if (std::isinf(value)) {
        if (value > 0)
            out.appendLiteral("\"Infinity\"");
        else
            out.appendLiteral("\"-Infinity\"");
        return true;
    }
    return false;
}

} // namespace

QByteArray jsonString(const QString& text)
{
    static constexpr char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out.append('"');
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default:
            if (byte < 0x20) {
                out.append("\\u00");
                out.append(hex[byte >> 4]);
                out.append(hex[byte & 0xf]);
            } else {
                out.append(c);
            }
        }
    }
    out.append('"');
    return out;
}

void appendJsonDouble(TextBuffer& out, double value)
{
    if (!appendNonFinite(out, value))
        out.appendDouble(value);
}

void appendJsonFloat(TextBuffer& out, float value)
{
    if (!appendNonFinite(out, value))
        out.appendFloat(value);
}

} // namespace conlab
