#include "ui/window/pythonhighlighter.h"

#include <QColor>
#include <QStringList>
#include <algorithm>

namespace conlab {

namespace {

// Block states: inside a triple-quoted string that began on an earlier line, and with which quote.
enum BlockState
{
    Outside = 0,
    InDoubleTriple = 1,
    InSingleTriple = 2,
};

QString wordsPattern(const QStringList& words)
{
    return QStringLiteral("\\b(?:%1)\\b").arg(words.join(QLatin1Char('|')));
}

} // namespace

PythonHighlighter::PythonHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document)
{
    // Colours that read on the light desk palette and on presenter mode's white: dark enough for a projector.
    const auto make = [this](Kind kind, const QColor& colour, bool bold = false, bool italic = false) {
        QTextCharFormat style;
        style.setForeground(colour);
        if (bold)
            style.setFontWeight(QFont::Bold);
        style.setFontItalic(italic);
        m_formats[int(kind)] = style;
    };
    make(Kind::Keyword, QColor(0x00, 0x33, 0x99), true);
    make(Kind::Builtin, QColor(0x6a, 0x1b, 0x9a));
    make(Kind::String, QColor(0x06, 0x7d, 0x17));
    make(Kind::Number, QColor(0x17, 0x50, 0xeb));
    make(Kind::Comment, QColor(0x70, 0x70, 0x70), false, true);
    make(Kind::Decorator, QColor(0x9e, 0x88, 0x0d));

    const QStringList keywords {QStringLiteral("and"), QStringLiteral("as"), QStringLiteral("assert"),
        QStringLiteral("async"), QStringLiteral("await"), QStringLiteral("break"), QStringLiteral("class"),
        QStringLiteral("continue"), QStringLiteral("def"), QStringLiteral("del"), QStringLiteral("elif"),
        QStringLiteral("else"), QStringLiteral("except"), QStringLiteral("False"), QStringLiteral("finally"),
        QStringLiteral("for"), QStringLiteral("from"), QStringLiteral("global"), QStringLiteral("if"),
        QStringLiteral("import"), QStringLiteral("in"), QStringLiteral("is"), QStringLiteral("lambda"),
        QStringLiteral("None"), QStringLiteral("nonlocal"), QStringLiteral("not"), QStringLiteral("or"),
        QStringLiteral("pass"), QStringLiteral("raise"), QStringLiteral("return"), QStringLiteral("True"),
        QStringLiteral("try"), QStringLiteral("while"), QStringLiteral("with"), QStringLiteral("yield")};
    const QStringList builtins {QStringLiteral("print"), QStringLiteral("len"), QStringLiteral("range"),
        QStringLiteral("sum"), QStringLiteral("min"), QStringLiteral("max"), QStringLiteral("int"),
        QStringLiteral("float"), QStringLiteral("str"), QStringLiteral("list"), QStringLiteral("dict"),
        QStringLiteral("set"), QStringLiteral("tuple"), QStringLiteral("open"), QStringLiteral("isinstance"),
        QStringLiteral("enumerate"), QStringLiteral("zip"), QStringLiteral("map"), QStringLiteral("super"),
        QStringLiteral("self")};
    m_rules.push_back({QRegularExpression(wordsPattern(keywords)), Kind::Keyword});
    m_rules.push_back({QRegularExpression(wordsPattern(builtins)), Kind::Builtin});
    m_rules.push_back(
        {QRegularExpression(QStringLiteral("\\b(?:0[xX][0-9a-fA-F_]+|\\d[\\d_]*(?:\\.\\d*)?(?:[eE][+-]?\\d+)?)\\b")),
            Kind::Number});
    m_rules.push_back({QRegularExpression(QStringLiteral("^\\s*@[\\w.]+")), Kind::Decorator});
}

QTextCharFormat PythonHighlighter::formatOf(Kind kind) const
{
    return m_formats[int(kind)];
}

void PythonHighlighter::highlightBlock(const QString& text)
{
    for (const Rule& rule : m_rules) {
        for (auto match = rule.pattern.globalMatch(text); match.hasNext();) {
            const QRegularExpressionMatch found = match.next();
            setFormat(int(found.capturedStart()), int(found.capturedLength()), m_formats[int(rule.kind)]);
        }
    }
    setCurrentBlockState(Outside);
    int from = 0;
    // A triple-quoted string from an earlier line: up to its closing quotes.
    if (const int open = previousBlockState(); open == InDoubleTriple || open == InSingleTriple) {
        const QString quotes = open == InDoubleTriple ? QStringLiteral("\"\"\"") : QStringLiteral("'''");
        const int end = int(text.indexOf(quotes));
        if (end < 0) {
            setFormat(0, int(text.size()), m_formats[int(Kind::String)]);
            setCurrentBlockState(open);
            return;
        }
        setFormat(0, end + 3, m_formats[int(Kind::String)]);
        from = end + 3;
    }
    highlightStrings(text, from);
}

void PythonHighlighter::highlightStrings(const QString& text, int from)
{
    // Strings and comments, left to right: a quote inside a comment, or a # inside a string, is neither.
    int i = from;
    while (i < text.size()) {
        const QChar c = text[i];
        if (c == QLatin1Char('#')) {
            setFormat(i, int(text.size()) - i, m_formats[int(Kind::Comment)]);
            return;
        }
        if (c != QLatin1Char('"') && c != QLatin1Char('\'')) {
            ++i;
            continue;
        }
        const QString triple(3, c);
        if (text.mid(i, 3) == triple) {
            const int end = int(text.indexOf(triple, i + 3));
            if (end < 0) {
                setFormat(i, int(text.size()) - i, m_formats[int(Kind::String)]);
                setCurrentBlockState(c == QLatin1Char('"') ? InDoubleTriple : InSingleTriple);
                return;
            }
            setFormat(i, end + 3 - i, m_formats[int(Kind::String)]);
            i = end + 3;
            continue;
        }
        int end = i + 1;
        while (end < text.size() && text[end] != c) {
            if (text[end] == QLatin1Char('\\'))
                ++end;
            ++end;
        }
        const int length = std::min(int(text.size()), end + 1) - i;
        setFormat(i, length, m_formats[int(Kind::String)]);
        i += length;
    }
}

} // namespace conlab
