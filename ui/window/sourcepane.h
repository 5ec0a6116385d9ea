#pragma once

#include <QPlainTextEdit>

namespace conlab {

class PythonHighlighter;

// The script behind the picture, read-only, with line numbers and Python's colours. Its font is the application's
// in a fixed-width family, so presenter mode's larger font enlarges it with everything else.
class SourcePane : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit SourcePane(QWidget* parent = nullptr);

    // `name` heads the pane ("cpu_threads.py"); empty source shows that there is none.
    void showSource(const QString& name, const QString& source);
    QString sourceName() const { return m_name; }
    int lineNumberWidth() const;
    // The application's font (presenter mode's too) in a fixed-width family: a font of its own does not follow
    // QApplication::setFont() by itself.
    void followApplicationFont();

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    class LineNumbers;
    void paintLineNumbers(QPaintEvent* event);
    void updateMargins();

    LineNumbers* m_numbers = nullptr;
    PythonHighlighter* m_highlighter = nullptr;
    QString m_name;
};

} // namespace conlab
