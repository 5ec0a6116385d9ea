#pragma once

#include "core/import/jsonnumber.h"

#include <QString>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conlab {

// What went wrong and where: a byte offset into the text (npos: the file as a whole). Thrown by the importer's
// parsers and turned into one sentence with a line and column at the top (runfilereader.cpp).
struct ParseError
{
    std::size_t offset = npos;
    QString message;
    bool truncated = false; // the text ended where more was needed: a file cut off, rather than a wrong one

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
};

// 1-based line and column of a byte offset. Columns count characters (UTF-8 code points), not bytes, so they match
// what an editor shows.
struct TextPosition
{
    std::int64_t line = 1;
    std::int64_t column = 1;
};
TextPosition textPosition(std::string_view text, std::size_t offset);

// A strict pull parser over UTF-8 JSON text held in memory (RFC 8259): no comments, no trailing commas (unless
// allowTrailingCommas: Chrome's own writers and hand-edited traces leave them, and Perfetto reads them), no NaN,
// no single quotes; strings must be valid UTF-8 (invalid bytes are an error, not replaced: a name that cannot be
// shown as written is a damaged file) and may not hold lone surrogates. Values are read in document order; strings
// are handed out as views, into the text itself when they have no escapes. Every error throws ParseError at the
// offending byte.
class JsonReader
{
public:
    enum class Kind
    {
        Object,
        Array,
        String,
        Number,
        True,
        False,
        Null,
    };

    JsonReader(std::string_view text, int maxDepth, std::size_t maxStringBytes);

    // A ',' directly before a closing ']' or '}' is taken as if it were not there.
    void allowTrailingCommas() { m_trailingCommas = true; }

    // The kind of the next value (after whitespace); throws at the end of the text.
    Kind peek();
    std::size_t offset() const { return static_cast<std::size_t>(m_pos - m_begin); }
    std::size_t size() const { return static_cast<std::size_t>(m_end - m_begin); }
    // Skips whitespace; true when nothing else is left.
    bool atEnd();

    void beginObject();
    // The next member's key, or false once the object's '}' has been read. The key is valid until the next read.
    bool nextMember(std::string_view& key);
    void beginArray();
    // True when another element follows, false once the array's ']' has been read. With endOfTextCloses, the end of
    // the text also closes the array (after an element or a comma): the Chrome trace JSON Array form may be cut
    // off there.
    bool nextElement(bool endOfTextCloses = false);

    std::string_view readString(); // valid until the next read
    JsonNumber readNumber();
    bool readBool();
    void readNull();
    void skipValue();

    // A sentence for "found X" in messages: the next character, or "the end of the file".
    QString describeNext();
    static QString kindName(Kind kind);

    [[noreturn]] void fail(std::size_t offset, const QString& message) const;
    [[noreturn]] void failHere(const QString& message);
    // The same for an error that is only the text ending too soon.
    [[noreturn]] void failTruncated(std::size_t offset, const QString& message) const;

private:
    void skipWhitespace()
    {
        // Between the tokens of a machine-written file there is mostly nothing at all.
        while (m_pos < m_end && static_cast<unsigned char>(*m_pos) <= ' '
            && (*m_pos == ' ' || *m_pos == '\n' || *m_pos == '\r' || *m_pos == '\t'))
            ++m_pos;
    }
    void enter();
    void leave() { --m_depth; }
    std::string_view readStringBody(const char* quote);
    void decodeEscape(const char*& p);
    const char* validateUtf8(const char* p);
    void expectLiteral(std::string_view literal);
    void checkStringLength(const char* quote, const char* end) const;

    const char* m_begin;
    const char* m_pos;
    const char* m_end;
    int m_maxDepth;
    std::size_t m_maxStringBytes;
    int m_depth = 0;
    bool m_trailingCommas = false;
    std::vector<bool> m_firstInContainer; // by depth: no member or element read yet
    std::string m_scratch; // decoded strings that had escapes
};

} // namespace conlab
