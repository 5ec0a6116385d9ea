#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>
#include <QString>

class QLabel;
class QTableWidget;

namespace conlab {

// One line of the shortcuts help: what a key does and where it lives.
struct ShortcutEntry
{
    QString group; // the menu the action is in ("Run"), or "Other keys" for keys outside the menus
    QString text; // what it does, without mnemonics or a trailing ellipsis
    QList<QKeySequence> keys;
};

// Every shortcut `window` has, read from its actions (their text and shortcuts) and QShortcuts (their whatsThis)
// at the time of the call, so the help cannot go stale. Menus come in menu-bar order, then the other keys; entries
// with the same group and text share one line. Dialogs of the window are not part of it.
QList<ShortcutEntry> windowShortcuts(const QWidget* window);

// Help > Keyboard shortcuts (F1 or ?): a table of windowShortcuts(), read again each time it is shown. It uses the
// application's font, so in presenter mode it is as large as the rest.
class ShortcutsHelp : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsHelp(QWidget* window);

    void refresh();

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    // The groups in `pairs` pairs of (keys, does) columns, side by side.
    void fill(const QList<ShortcutEntry>& entries, int pairs);
    // False when the table is taller than the screen allows, and scrolls.
    bool fitToContents();

    QWidget* m_window;
    QTableWidget* m_table = nullptr;
    QLabel* m_mouse = nullptr;
};

} // namespace conlab
