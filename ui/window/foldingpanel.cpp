#include "ui/window/foldingpanel.h"

#include <QAction>
#include <QWidget>

namespace conlab {

FoldingPanel::FoldingPanel(QWidget* panel, const QKeySequence& key, std::function<bool(QSize)> roomy, QObject* parent)
    : QObject(parent)
    , m_roomy(std::move(roomy))
{
    // The window's child, so that the shortcuts help finds it among the window's actions.
    m_action = new QAction(parent);
    m_action->setCheckable(true);
    m_action->setChecked(true);
    m_action->setShortcut(key);
    connect(m_action, &QAction::toggled, panel, &QWidget::setVisible);
    // Only the user's choice triggers: from then on it stands over the window's size.
    connect(m_action, &QAction::triggered, this, [this] { m_followsSize = false; });
}

bool FoldingPanel::isShown() const
{
    return m_action->isChecked();
}

void FoldingPanel::setPresenter(bool on, QSize windowSize)
{
    if (on == m_presenter)
        return;
    m_presenter = on;
    if (on) {
        m_shownAtDesk = m_action->isChecked();
        m_followsSize = true;
        fit(windowSize);
    } else {
        m_followsSize = false;
        m_action->setChecked(m_shownAtDesk);
    }
}

void FoldingPanel::fit(QSize windowSize)
{
    if (m_presenter && m_followsSize)
        m_action->setChecked(m_shownAtDesk && m_roomy(windowSize));
}

} // namespace conlab
