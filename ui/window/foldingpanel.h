#pragma once

#include <QObject>
#include <QSize>
#include <functional>

class QAction;
class QKeySequence;
class QWidget;

namespace conlab {

// A panel of the window that a View action (checked: shown) and its key show and hide, so that the plots get the
// room on a small screen. In presenter mode it also folds by itself while the window is smaller than `roomy` says,
// until the user shows or hides it with the key; leaving presenter mode puts back what the desk had.
class FoldingPanel : public QObject
{
    Q_OBJECT
public:
    FoldingPanel(QWidget* panel, const QKeySequence& key, std::function<bool(QSize)> roomy, QObject* parent);

    QAction* action() const { return m_action; }
    bool isShown() const;

    // Entering presenter mode (the window at `windowSize`), or leaving it.
    void setPresenter(bool on, QSize windowSize);
    // The window has a new size: in presenter mode, the panel folds or unfolds with it.
    void fit(QSize windowSize);

private:
    QAction* m_action = nullptr;
    std::function<bool(QSize)> m_roomy;
    bool m_presenter = false;
    bool m_shownAtDesk = true;
    // In presenter mode until the user presses the key: the window's size decides.
    bool m_followsSize = false;
};

} // namespace conlab
