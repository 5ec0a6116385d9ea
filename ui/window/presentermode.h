#pragma once

#include "ui/plots/presentationtheme.h"

#include <QByteArray>
#include <QFont>
#include <QObject>
#include <QPalette>
#include <QPointer>
#include <vector>

class QAction;
class QMainWindow;
class QShortcut;

namespace conlab {

class ThemedPlot;

// View > Presenter mode (F11) for a classroom: the window full screen, the application's font and palette and every
// plot switched to PresentationTheme::presenter(); leaving puts back exactly what was there before. Esc leaves too,
// but only while `escapeFirst` (the Stop action) is disabled: during a run Esc stops the run and the room keeps
// its big picture; the next Esc leaves.
class PresenterMode : public QObject
{
    Q_OBJECT
public:
    PresenterMode(QMainWindow* window, std::vector<ThemedPlot*> plots, QAction* escapeFirst);
    // Leaves the application's font and palette as they were before presenter mode.
    ~PresenterMode() override;

    // Checkable, F11.
    QAction* action() const { return m_action; }
    bool isOn() const { return m_on; }
    void setOn(bool on);
    PresentationTheme theme() const;
    // The window's geometry outside presenter mode, as QWidget::saveGeometry() gives it: what is worth remembering.
    QByteArray deskGeometry() const;

signals:
    void toggled(bool on);

protected:
    bool event(QEvent* event) override;

private:
    void retranslateUi();
    void enter();
    void leave();
    void updateLeaveShortcut();

    QMainWindow* m_window;
    std::vector<QPointer<ThemedPlot>> m_plots;
    QPointer<QAction> m_escapeFirst;
    QAction* m_action = nullptr;
    QShortcut* m_leave = nullptr;
    bool m_on = false;
    QFont m_deskFont;
    QPalette m_deskPalette;
    Qt::WindowStates m_deskState;
    QByteArray m_deskGeometry;
};

} // namespace conlab
