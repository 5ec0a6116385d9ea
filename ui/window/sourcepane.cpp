#include "ui/window/sourcepane.h"

#include "ui/window/pythonhighlighter.h"

#include <QApplication>
#include <QEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QTextBlock>
#include <algorithm>

namespace conlab {

class SourcePane::LineNumbers : public QWidget
{
public:
    explicit LineNumbers(SourcePane* pane)
        : QWidget(pane)
        , m_pane(pane)
    {
    }

    QSize sizeHint() const override { return {m_pane->lineNumberWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent* event) override { m_pane->paintLineNumbers(event); }

private:
    SourcePane* m_pane;
};

SourcePane::SourcePane(QWidget* parent)
    : QPlainTextEdit(parent)
    , m_numbers(new LineNumbers(this))
    , m_highlighter(new PythonHighlighter(document()))
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    followApplicationFont();
    connect(this, &QPlainTextEdit::blockCountChanged, this, &SourcePane::updateMargins);
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect& rect, int dy) {
        if (dy != 0)
            m_numbers->scroll(0, dy);
        else
            m_numbers->update(0, rect.y(), m_numbers->width(), rect.height());
    });
    updateMargins();
}

void SourcePane::showSource(const QString& name, const QString& source)
{
    m_name = name;
    setPlainText(source);
    setDocumentTitle(name);
}

int SourcePane::lineNumberWidth() const
{
    const int digits = QString::number(std::max(1, blockCount())).size();
    return 8 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(2, digits);
}

void SourcePane::followApplicationFont()
{
    QFont mono = QApplication::font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    setFont(mono);
}

void SourcePane::updateMargins()
{
    setViewportMargins(lineNumberWidth(), 0, 0, 0);
}

void SourcePane::resizeEvent(QResizeEvent* event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect area = contentsRect();
    m_numbers->setGeometry(QRect(area.left(), area.top(), lineNumberWidth(), area.height()));
}

void SourcePane::changeEvent(QEvent* event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        updateMargins();
        const QRect area = contentsRect();
        m_numbers->setGeometry(QRect(area.left(), area.top(), lineNumberWidth(), area.height()));
    }
}

void SourcePane::paintLineNumbers(QPaintEvent* event)
{
    QPainter painter(m_numbers);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.setFont(font());
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int width = m_numbers->width() - 4;
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top())
            painter.drawText(
                0, top, width, fontMetrics().height(), Qt::AlignRight, QString::number(block.blockNumber() + 1));
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

} // namespace conlab
