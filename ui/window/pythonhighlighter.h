#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>
#include <vector>

namespace conlab {

// Python's colours in the source pane: keywords, built-ins, strings, numbers, comments, decorators, and the
// docstrings and other triple-quoted strings that span lines. A reading aid for a class, not a parser: an odd
// construct is at worst coloured plainly.
class PythonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit PythonHighlighter(QTextDocument* document);

    enum class Kind
    {
        Plain,
        Keyword,
        Builtin,
        String,
        Number,
        Comment,
        Decorator,
    };
    // How a kind of token is drawn.
    QTextCharFormat formatOf(Kind kind) const;

protected:
    void highlightBlock(const QString& text) override;

private:
    struct Rule
    {
        QRegularExpression pattern;
        Kind kind;
    };
    // Strings and comments from `from` on; a triple-quoted string left open sets the block's state.
    void highlightStrings(const QString& text, int from);

    std::vector<Rule> m_rules;
    QTextCharFormat m_formats[7];
};

} // namespace conlab
