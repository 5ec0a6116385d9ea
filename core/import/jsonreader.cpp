#include "core/import/jsonreader.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace conlab {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(std::string& out, char32_t code)
{
    if (code < 0x80) {
        out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
        out.push_back(static_cast<char>(0xc0 | (code >> 6)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3f)));
    } else if (code < 0x10000) {
        out.push_back(static_cast<char>(0xe0 | (code >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3f)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3f)));
    } else {
        out.push_back(static_cast<char>(0xf0 | (code >> 18)));
        out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3f)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3f)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3f)));
    }
}

QString byteText(unsigned char byte)
{
    return QStringLiteral("0x%1").arg(byte, 2, 16, QLatin1Char('0'));
}

// Bytes a string scan must stop at: the closing quote, a backslash, control characters and the start of
// multi-byte UTF-8.
constexpr std::array<bool, 256> stopsStringScan = [] {
    std::array<bool, 256> stops {};
    for (int c = 0; c < 256; ++c)
        stops[static_cast<std::size_t>(c)] = c == '"' || c == '\\' || c < 0x20 || c >= 0x80;
    return stops;
}();

} // namespace

TextPosition textPosition(std::string_view text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    TextPosition position;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++position.line;
            lineStart = i + 1;
        }
    }
    for (std::size_t i = lineStart; i < offset; ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xc0) != 0x80)
            ++position.column;
    }
    return position;
}

JsonReader::JsonReader(std::string_view text, int maxDepth, std::size_t maxStringBytes)
    : m_begin(text.empty() ? "" : text.data())
    , m_pos(m_begin)
    , m_end(m_begin + text.size())
    , m_maxDepth(maxDepth)
    , m_maxStringBytes(maxStringBytes)
{
    // A UTF-8 byte order mark, as some Windows tools write: RFC 8259 lets a parser ignore it.
    if (text.size() >= 3 && std::memcmp(m_begin, "\xef\xbb\xbf", 3) == 0)
        m_pos += 3;
}

bool JsonReader::atEnd()
{
    skipWhitespace();
    return m_pos == m_end;
}

JsonReader::Kind JsonReader::peek()
{
    skipWhitespace();
    if (m_pos == m_end)
        failHere(QStringLiteral("the file ends where a value was expected: it is truncated"));
    switch (*m_pos) {
    case '{':
        return Kind::Object;
    case '[':
        return Kind::Array;
    case '"':
        return Kind::String;
    case 't':
        return Kind::True;
    case 'f':
        return Kind::False;
    case 'n':
        return Kind::Null;
    default:
        if (*m_pos == '-' || isDigit(*m_pos))
            return Kind::Number;
    }
    failHere(QStringLiteral("expected a value, found %1").arg(describeNext()));
}

QString JsonReader::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Object:
        return QStringLiteral("an object");
    case Kind::Array:
        return QStringLiteral("an array");
    case Kind::String:
        return QStringLiteral("a string");
    case Kind::Number:
        return QStringLiteral("a number");
    case Kind::True:
    case Kind::False:
        return QStringLiteral("a boolean");
    case Kind::Null:
        return QStringLiteral("null");
    }
    return {};
}

QString JsonReader::describeNext()
{
    if (m_pos >= m_end)
        return QStringLiteral("the end of the file");
    const auto byte = static_cast<unsigned char>(*m_pos);
    if (byte > 0x20 && byte < 0x7f)
        return QStringLiteral("'%1'").arg(QLatin1Char(static_cast<char>(byte)));
    return QStringLiteral("byte %1").arg(byteText(byte));
}

void JsonReader::fail(std::size_t offset, const QString& message) const
{
    throw ParseError {offset, message};
}

void JsonReader::failHere(const QString& message)
{
    if (m_pos >= m_end)
        failTruncated(offset(), message);
    fail(offset(), message);
}

void JsonReader::failTruncated(std::size_t offset, const QString& message) const
{
    throw ParseError {offset, message, true};
}

void JsonReader::enter()
{
    if (++m_depth > m_maxDepth)
        failHere(QStringLiteral("the values nest deeper than %1 levels").arg(m_maxDepth));
    if (m_firstInContainer.size() <= static_cast<std::size_t>(m_depth))
        m_firstInContainer.resize(static_cast<std::size_t>(m_depth) + 1);
    m_firstInContainer[static_cast<std::size_t>(m_depth)] = true;
}

void JsonReader::beginObject()
{
    skipWhitespace();
    if (m_pos == m_end || *m_pos != '{')
        failHere(QStringLiteral("expected an object, found %1").arg(describeNext()));
    enter();
    ++m_pos;
}

void JsonReader::beginArray()
{
    skipWhitespace();
    if (m_pos == m_end || *m_pos != '[')
        failHere(QStringLiteral("expected an array, found %1").arg(describeNext()));
    enter();
    ++m_pos;
}

bool JsonReader::nextMember(std::string_view& key)
{
    skipWhitespace();
    if (m_pos == m_end)
        failHere(QStringLiteral("the file ends inside an object: it is truncated"));
    if (*m_pos == '}') {
        ++m_pos;
        leave();
        return false;
    }
    if (!m_firstInContainer[static_cast<std::size_t>(m_depth)]) {
        if (*m_pos != ',')
            failHere(QStringLiteral("expected ',' or '}' after an object member, found %1").arg(describeNext()));
        ++m_pos;
        skipWhitespace();
        if (m_trailingCommas && m_pos < m_end && *m_pos == '}') {
            ++m_pos;
            leave();
            return false;
        }
    }
    m_firstInContainer[static_cast<std::size_t>(m_depth)] = false;
    if (m_pos == m_end || *m_pos != '"')
        failHere(QStringLiteral("expected a member name in double quotes, found %1").arg(describeNext()));
    key = readStringBody(m_pos);
    skipWhitespace();
    if (m_pos == m_end || *m_pos != ':')
        failHere(QStringLiteral("expected ':' after a member name, found %1").arg(describeNext()));
    ++m_pos;
    return true;
}

bool JsonReader::nextElement(bool endOfTextCloses)
{
    skipWhitespace();
    if (m_pos == m_end) {
        if (endOfTextCloses) {
            leave();
            return false;
        }
        failHere(QStringLiteral("the file ends inside an array: it is truncated"));
    }
    if (*m_pos == ']') {
        ++m_pos;
        leave();
        return false;
    }
    if (!m_firstInContainer[static_cast<std::size_t>(m_depth)]) {
        if (*m_pos != ',')
            failHere(QStringLiteral("expected ',' or ']' after an array element, found %1").arg(describeNext()));
        ++m_pos;
        skipWhitespace();
        if (m_pos == m_end && endOfTextCloses) {
            leave();
            return false;
        }
        if (m_trailingCommas && m_pos < m_end && *m_pos == ']') {
            ++m_pos;
            leave();
            return false;
        }
    }
    m_firstInContainer[static_cast<std::size_t>(m_depth)] = false;
    return true;
}

std::string_view JsonReader::readString()
{
    skipWhitespace();
    if (m_pos == m_end || *m_pos != '"')
        failHere(QStringLiteral("expected a string, found %1").arg(describeNext()));
    return readStringBody(m_pos);
}

void JsonReader::checkStringLength(const char* quote, const char* end) const
{
    if (static_cast<std::size_t>(end - quote - 1) > m_maxStringBytes)
        fail(static_cast<std::size_t>(quote - m_begin),
            QStringLiteral("a string is longer than the limit of %1 bytes").arg(m_maxStringBytes));
}

std::string_view JsonReader::readStringBody(const char* quote)
{
    const char* p = quote + 1;
    // Most strings are short ASCII without escapes: a view into the text, no copy.
    for (;;) {
        while (p < m_end && !stopsStringScan[static_cast<unsigned char>(*p)])
            ++p;
        if (p == m_end)
            failTruncated(static_cast<std::size_t>(quote - m_begin),
                QStringLiteral("the string that starts here never ends: the file is truncated"));
        const auto c = static_cast<unsigned char>(*p);
        if (c == '"') {
            checkStringLength(quote, p);
            m_pos = p + 1;
            return {quote + 1, static_cast<std::size_t>(p - quote - 1)};
        }
        if (c >= 0x80) {
            p = validateUtf8(p);
            continue;
        }
        if (c < 0x20)
            fail(static_cast<std::size_t>(p - m_begin),
                QStringLiteral("control character %1 inside a string (it must be escaped)").arg(byteText(c)));
        break; // a backslash
    }

    m_scratch.assign(quote + 1, p);
    for (;;) {
        if (p == m_end)
            failTruncated(static_cast<std::size_t>(quote - m_begin),
                QStringLiteral("the string that starts here never ends: the file is truncated"));
        const auto c = static_cast<unsigned char>(*p);
        if (c == '"') {
            if (m_scratch.size() > m_maxStringBytes)
                checkStringLength(quote, p);
            m_pos = p + 1;
            return m_scratch;
        }
        if (c == '\\') {
            decodeEscape(p);
        } else if (c >= 0x80) {
            const char* next = validateUtf8(p);
            m_scratch.append(p, next);
            p = next;
        } else if (c < 0x20) {
            fail(static_cast<std::size_t>(p - m_begin),
                QStringLiteral("control character %1 inside a string (it must be escaped)").arg(byteText(c)));
        } else {
            m_scratch.push_back(static_cast<char>(c));
            ++p;
        }
    }
}

void JsonReader::decodeEscape(const char*& p)
{
    const auto at = static_cast<std::size_t>(p - m_begin);
    if (m_end - p < 2)
        failTruncated(at, QStringLiteral("the file ends inside an escape sequence: it is truncated"));
    const char kind = p[1];
    const auto readHex = [&](const char* digits) -> char32_t {
        if (m_end - digits < 4)
            fail(at, QStringLiteral("\\u must be followed by four hexadecimal digits"));
        char32_t value = 0;
        for (int i = 0; i < 4; ++i) {
            const int digit = hexValue(digits[i]);
            if (digit < 0)
                fail(at, QStringLiteral("\\u must be followed by four hexadecimal digits"));
            value = value * 16 + static_cast<char32_t>(digit);
        }
        return value;
    };
    switch (kind) {
    case '"':
    case '\\':
    case '/':
        m_scratch.push_back(kind);
        break;
    case 'b':
        m_scratch.push_back('\b');
        break;
    case 'f':
        m_scratch.push_back('\f');
        break;
    case 'n':
        m_scratch.push_back('\n');
        break;
    case 'r':
        m_scratch.push_back('\r');
        break;
    case 't':
        m_scratch.push_back('\t');
        break;
    case 'u': {
        char32_t code = readHex(p + 2);
        if (code >= 0xdc00 && code <= 0xdfff)
            fail(at,
                QStringLiteral("\\u%1 is the second half of a surrogate pair without its first half")
                    .arg(static_cast<uint>(code), 4, 16, QLatin1Char('0')));
        if (code >= 0xd800 && code <= 0xdbff) {
            if (m_end - p < 12 || p[6] != '\\' || p[7] != 'u')
                fail(at,
                    QStringLiteral("\\u%1 is the first half of a surrogate pair without its second half")
                        .arg(static_cast<uint>(code), 4, 16, QLatin1Char('0')));
            const char32_t low = readHex(p + 8);
            if (low < 0xdc00 || low > 0xdfff)
                fail(at,
                    QStringLiteral("\\u%1 is the first half of a surrogate pair without its second half")
                        .arg(static_cast<uint>(code), 4, 16, QLatin1Char('0')));
            code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
            p += 6;
        }
        appendUtf8(m_scratch, code);
        p += 4;
        break;
    }
    default:
        fail(at,
            QStringLiteral("invalid escape sequence '\\%1' in a string")
                .arg(static_cast<unsigned char>(kind) > 0x20 && static_cast<unsigned char>(kind) < 0x7f
                        ? QString(QLatin1Char(kind))
                        : byteText(static_cast<unsigned char>(kind))));
    }
    p += 2;
}

const char* JsonReader::validateUtf8(const char* p)
{
    const auto lead = static_cast<unsigned char>(*p);
    int length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        if (lead == 0xe0)
            low = 0xa0; // overlong
        else if (lead == 0xed)
            high = 0x9f; // UTF-16 surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        if (lead == 0xf0)
            low = 0x90; // overlong
        else if (lead == 0xf4)
            high = 0x8f; // beyond U+10FFFF
    }
    const auto at = static_cast<std::size_t>(p - m_begin);
    if (length == 0)
        fail(at, QStringLiteral("invalid UTF-8: byte %1 cannot start a character").arg(byteText(lead)));
    if (m_end - p < length)
        failTruncated(at, QStringLiteral("the file ends inside a UTF-8 character: it is truncated"));
    for (int i = 1; i < length; ++i) {
        const auto byte = static_cast<unsigned char>(p[i]);
        if (byte < low || byte > high)
            fail(at + static_cast<std::size_t>(i),
                QStringLiteral("invalid UTF-8: byte %1 cannot continue a character").arg(byteText(byte)));
        low = 0x80;
        high = 0xbf;
    }
    return p + length;
}

JsonNumber JsonReader::readNumber()
{
    skipWhitespace();
    const char* start = m_pos;
    const char* p = m_pos;
    const auto failAt = [&](const QString& what) {
        m_pos = p;
        failHere(QStringLiteral("%1, found %2").arg(what, describeNext()));
    };
    if (p < m_end && *p == '-')
        ++p;
    if (p == m_end || !isDigit(*p))
        failAt(QStringLiteral("expected a digit"));
    if (*p == '0') {
        ++p;
        if (p < m_end && isDigit(*p))
            failAt(QStringLiteral("a number may not start with 0 followed by more digits"));
    } else {
        while (p < m_end && isDigit(*p))
            ++p;
    }
    bool integral = true;
    bool exponent = false;
    if (p < m_end && *p == '.') {
        ++p;
        integral = false;
        if (p == m_end || !isDigit(*p))
            failAt(QStringLiteral("expected a digit after the decimal point"));
        while (p < m_end && isDigit(*p))
            ++p;
    }
    if (p < m_end && (*p == 'e' || *p == 'E')) {
        ++p;
        integral = false;
        exponent = true;
        if (p < m_end && (*p == '+' || *p == '-'))
            ++p;
        if (p == m_end || !isDigit(*p))
            failAt(QStringLiteral("expected a digit in the exponent"));
        while (p < m_end && isDigit(*p))
            ++p;
    }
    m_pos = p;
    return JsonNumber {
        {start, static_cast<std::size_t>(p - start)}, static_cast<std::size_t>(start - m_begin), integral, exponent};
}

void JsonReader::expectLiteral(std::string_view literal)
{
    skipWhitespace();
    const auto left = static_cast<std::size_t>(m_end - m_pos);
    if (left < literal.size() && std::memcmp(m_pos, literal.data(), left) == 0)
        failTruncated(offset(),
            QStringLiteral("the file ends inside %1: it is truncated")
                .arg(QLatin1String(literal.data(), static_cast<qsizetype>(literal.size()))));
    if (left < literal.size() || std::memcmp(m_pos, literal.data(), literal.size()) != 0)
        failHere(QStringLiteral("expected %1, found %2")
                     .arg(QLatin1String(literal.data(), static_cast<qsizetype>(literal.size())), describeNext()));
    m_pos += literal.size();
}

bool JsonReader::readBool()
{
    if (peek() == Kind::True) {
        expectLiteral("true");
        return true;
    }
    expectLiteral("false");
    return false;
}

void JsonReader::readNull()
{
    expectLiteral("null");
}

void JsonReader::skipValue()
{
    // Iterative, so that only the depth limit bounds how deep a skipped value may nest.
    std::vector<bool> inObject;
    do {
        switch (peek()) {
        case Kind::Object:
            beginObject();
            inObject.push_back(true);
            break;
        case Kind::Array:
            beginArray();
            inObject.push_back(false);
            break;
        case Kind::String:
            readString();
            break;
        case Kind::Number:
            readNumber();
            break;
        case Kind::True:
        case Kind::False:
            readBool();
            break;
        case Kind::Null:
            readNull();
            break;
        }
        while (!inObject.empty()) {
            std::string_view key;
            if (inObject.back() ? nextMember(key) : nextElement())
                break;
            inObject.pop_back();
        }
    } while (!inObject.empty());
}

} // namespace conlab
