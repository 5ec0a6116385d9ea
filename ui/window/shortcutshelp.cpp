#include "ui/window/shortcutshelp.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QScrollBar>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace conlab {

namespace {

// "&Export picture…" -> "Export picture"; "&&" is a literal ampersand.
QString plainText(QString text)
{
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    if (text.endsWith(QChar(0x2026)))
        text.chop(1);
    else if (text.endsWith(QLatin1String("...")))
        text.chop(3);
    return text.trimmed();
}

// A dialog's actions and keys are its own, not the window's.
bool inDialog(const QObject* object, const QWidget* window)
{
    for (const QObject* o = object->parent(); o && o != window; o = o->parent()) {
        if (qobject_cast<const QDialog*>(o))
            return true;
    }
    return false;
}

QString menuOf(const QAction* action)
{
    for (const QObject* object : action->associatedObjects()) {
        if (const auto* menu = qobject_cast<const QMenu*>(object))
            return plainText(menu->title());
    }
    return {};
}

void add(QList<ShortcutEntry>& entries, const QString& group, const QString& text, const QList<QKeySequence>& keys)
{
    for (ShortcutEntry& entry : entries) {
        if (entry.group == group && entry.text == text) {
            for (const QKeySequence& key : keys) {
                if (!entry.keys.contains(key))
                    entry.keys.append(key);
            }
            return;
        }
    }
    entries.append(ShortcutEntry {group, text, keys});
}

QString keysText(const QList<QKeySequence>& keys)
{
    QStringList texts;
    for (const QKeySequence& key : keys)
        texts << key.toString(QKeySequence::NativeText);
    return texts.join(QStringLiteral(", "));
}

} // namespace

QList<ShortcutEntry> windowShortcuts(const QWidget* window)
{
    const QString otherKeys = ShortcutsHelp::tr("Other keys");
    QList<ShortcutEntry> entries;
    for (const QAction* action : window->findChildren<QAction*>()) {
        if (action->shortcuts().isEmpty() || inDialog(action, window))
            continue;
        const QString menu = menuOf(action);
        add(entries, menu.isEmpty() ? otherKeys : menu, plainText(action->text()), action->shortcuts());
    }
    for (const QShortcut* shortcut : window->findChildren<QShortcut*>()) {
        if (shortcut->key().isEmpty() || inDialog(shortcut, window))
            continue;
        const QString text = shortcut->whatsThis().isEmpty() ? shortcut->objectName() : shortcut->whatsThis();
        add(entries, otherKeys, text, {shortcut->key()});
    }

    // The menus' order, left to right, then the keys outside them.
    QStringList order;
    if (const auto* bar = window->findChild<QMenuBar*>()) {
        for (const QAction* menu : bar->actions())
            order << plainText(menu->text());
    }
    const auto rank = [&](const QString& group) {
        const qsizetype index = order.indexOf(group);
        return index < 0 ? order.size() : index;
    };
    std::stable_sort(entries.begin(), entries.end(),
        [&](const ShortcutEntry& a, const ShortcutEntry& b) { return rank(a.group) < rank(b.group); });
    return entries;
}

ShortcutsHelp::ShortcutsHelp(QWidget* window)
    : QDialog(window)
    , m_window(window)
{
    setObjectName(QStringLiteral("shortcutsHelp"));
    auto* layout = new QVBoxLayout(this);

    m_table = new QTableWidget(0, 2, this);
    m_table->setObjectName(QStringLiteral("shortcuts"));
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    layout->addWidget(m_table, 1);

    m_mouse = new QLabel(this);
    m_mouse->setWordWrap(true);
    layout->addWidget(m_mouse);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("buttons"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    retranslateUi();
}

void ShortcutsHelp::retranslateUi()
{
    setWindowTitle(tr("Keyboard shortcuts"));
    m_table->setHorizontalHeaderLabels({tr("Keys"), tr("Does")});
    m_mouse->setText(tr("On the plots: the wheel zooms time, dragging pans, a right-drag (or Shift+drag) zooms to a "
                        "range, a double-click shows the whole run; hovering a segment describes it."));
    // The actions' names come from the window, which has retranslated them first: its children hear of the change
    // after it, and this dialog is one of them.
    refresh();
}

void ShortcutsHelp::refresh()
{
    const QList<ShortcutEntry> entries = windowShortcuts(m_window);
    // A list taller than the screen (presenter mode's fonts on a short projector) flows into a second pair of columns:
    // a wide screen has the room, and a table that scrolls hides keys from the room.
    fill(entries, 1);
    if (!fitToContents()) {
        fill(entries, 2);
        fitToContents();
    }
}

void ShortcutsHelp::fill(const QList<ShortcutEntry>& entries, int pairs)
{
    // Each group is its heading row and its entries, kept together in one pair of columns.
    QList<QList<const ShortcutEntry*>> groups;
    for (const ShortcutEntry& entry : entries) {
        if (groups.isEmpty() || groups.constLast().constFirst()->group != entry.group)
            groups.append(QList<const ShortcutEntry*> {});
        groups.last().append(&entry);
    }
    const int rows = int(entries.size() + groups.size());
    // The first pair takes groups until it holds half the rows, so it is never the shorter one.
    const int firstPairRows = pairs == 1 ? rows : (rows + 1) / 2;

    m_table->clearSpans();
    m_table->setRowCount(0);
    m_table->setColumnCount(2 * pairs);
    QStringList labels;
    for (int pair = 0; pair < pairs; ++pair)
        labels << tr("Keys") << tr("Does");
    m_table->setHorizontalHeaderLabels(labels);
    QFont bold = font();
    bold.setBold(true);
    int pair = 0;
    int row = 0;
    const auto put = [&](int column, QTableWidgetItem* item) {
        if (row >= m_table->rowCount())
            m_table->setRowCount(row + 1);
        m_table->setItem(row, 2 * pair + column, item);
    };
    for (const auto& group : groups) {
        if (pair + 1 < pairs && row >= firstPairRows) {
            ++pair;
            row = 0;
        }
        auto* heading = new QTableWidgetItem(group.constFirst()->group);
        heading->setFont(bold);
        put(0, heading);
        m_table->setSpan(row, 2 * pair, 1, 2);
        ++row;
        for (const ShortcutEntry* entry : group) {
            put(0, new QTableWidgetItem(keysText(entry->keys)));
            put(1, new QTableWidgetItem(entry->text));
            ++row;
        }
    }
}

void ShortcutsHelp::showEvent(QShowEvent* event)
{
    refresh();
    QDialog::showEvent(event);
}

void ShortcutsHelp::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    // Presenter mode changes the application font: the headings' bold copies and the sizes follow.
    if (event->type() == QEvent::FontChange)
        refresh();
    else if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

bool ShortcutsHelp::fitToContents()
{
    // A stretched last column would keep the width of the dialog as it was (at the desk's font, say): measure the
    // columns unstretched, then let the last one fill whatever the dialog gives it.
    QHeaderView* header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    m_table->resizeColumnsToContents();
    m_table->resizeRowsToContents();
    // Room between the keys and what they do, and after the longest line: an em or two in the current font.
    const int gap = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    for (int column = 0; column < m_table->columnCount(); ++column)
        m_table->setColumnWidth(column, m_table->columnWidth(column) + (column % 2 == 0 ? 2 * gap : gap));
    const int frame = 2 * m_table->frameWidth();
    int width = header->length() + frame;
    int height = header->sizeHint().height() + m_table->verticalHeader()->length() + frame;
    bool fits = true;
    // A window taller than the screen would hide its own close button: past 80 % of it, the table scrolls, and
    // its scroll bar gets room of its own rather than covering the keys' descriptions.
    if (const QScreen* screen = m_window ? m_window->screen() : nullptr) {
        const int limit = screen->availableGeometry().height() * 4 / 5;
        fits = height <= limit;
        if (!fits) {
            height = limit;
            width += m_table->verticalScrollBar()->sizeHint().width();
        }
    }
    m_table->setMinimumSize(width, height);
    header->setStretchLastSection(true);
    // Not adjustSize(): it keeps a window within 2/3 of the screen, which is less than the table may take, and the
    // text below would be drawn over the table's last rows.
    resize(sizeHint());
    return fits;
}

} // namespace conlab
