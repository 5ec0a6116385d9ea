#include "ui/window/presentermode.h"

#include "ui/plots/themedplot.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QMainWindow>
#include <QShortcut>

namespace conlab {

PresenterMode::PresenterMode(QMainWindow* window, std::vector<ThemedPlot*> plots, QAction* escapeFirst)
    : QObject(window)
    , m_window(window)
    , m_plots(plots.begin(), plots.end())
    , m_escapeFirst(escapeFirst)
{
    m_action = new QAction(window);
    m_action->setCheckable(true);
    m_action->setShortcut(QKeySequence(Qt::Key_F11));
    connect(m_action, &QAction::toggled, this, &PresenterMode::setOn);

    m_leave = new QShortcut(QKeySequence(Qt::Key_Escape), window);
    // The Esc that leaves; enabled only while it has nothing else to do.
    m_leave->setObjectName(QStringLiteral("leavePresenterMode"));
    m_leave->setContext(Qt::WindowShortcut);
    retranslateUi();
    connect(m_leave, &QShortcut::activated, this, [this] { setOn(false); });
    if (m_escapeFirst)
        connect(m_escapeFirst, &QAction::enabledChanged, this, &PresenterMode::updateLeaveShortcut);
    updateLeaveShortcut();
}

void PresenterMode::retranslateUi()
{
    m_action->setText(tr("&Presenter mode"));
    m_action->setToolTip(tr("Full screen, large fonts and lines, high contrast: for a projector (F11; Esc leaves)"));
    // What the shortcuts help says it does.
    m_leave->setWhatsThis(tr("Leave presenter mode (when no run is going)"));
}

bool PresenterMode::event(QEvent* event)
{
    // The window passes its LanguageChange on to its children, this one included.
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    return QObject::event(event);
}

PresenterMode::~PresenterMode()
{
    if (m_on) {
        QApplication::setFont(m_deskFont);
        QApplication::setPalette(m_deskPalette);
    }
}

void PresenterMode::setOn(bool on)
{
    if (on == m_on)
        return;
    m_on = on;
    if (on)
        enter();
    else
        leave();
    m_action->setChecked(on);
    updateLeaveShortcut();
    emit toggled(on);
}

PresentationTheme PresenterMode::theme() const
{
    return m_on ? PresentationTheme::presenter() : PresentationTheme::desk();
}

QByteArray PresenterMode::deskGeometry() const
{
    return m_on ? m_deskGeometry : m_window->saveGeometry();
}

void PresenterMode::enter()
{
    m_deskGeometry = m_window->saveGeometry();
    m_deskState = m_window->windowState();
    m_deskFont = QApplication::font();
    m_deskPalette = QApplication::palette();

    const PresentationTheme presenter = PresentationTheme::presenter();
    // Application-wide, so menus, dialogs (the shortcuts help, the export dialog) and tooltips grow too.
    QApplication::setFont(presenter.scaledFont(m_deskFont));
    QApplication::setPalette(presenter.palette(m_deskPalette));
    for (ThemedPlot* plot : m_plots) {
        if (plot)
            plot->setTheme(presenter);
    }
    // The state, not showFullScreen(): a window not shown yet goes full screen when it is.
    m_window->setWindowState((m_deskState & ~Qt::WindowMinimized) | Qt::WindowFullScreen);
}

void PresenterMode::leave()
{
    QApplication::setFont(m_deskFont);
    QApplication::setPalette(m_deskPalette);
    for (ThemedPlot* plot : m_plots) {
        if (plot)
            plot->setTheme(PresentationTheme::desk());
    }
    m_window->setWindowState(m_deskState);
}

void PresenterMode::updateLeaveShortcut()
{
    m_leave->setEnabled(m_on && !(m_escapeFirst && m_escapeFirst->isEnabled()));
}

} // namespace conlab
