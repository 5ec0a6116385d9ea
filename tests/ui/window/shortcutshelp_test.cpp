#include "tests/ui/child.h"
#include "ui/window/mainwindow.h"
#include "ui/window/presentermode.h"
#include "ui/window/shortcutshelp.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QScrollBar>
#include <QShortcut>
#include <QTableWidget>
#include <QTest>
#include <gtest/gtest.h>

using namespace conlab;

namespace {

// The table's rows as "keys | does", group headings as "# group".
QStringList rowsOf(const QTableWidget* table)
{
    QStringList rows;
    for (int row = 0; row < table->rowCount(); ++row) {
        const QTableWidgetItem* keys = table->item(row, 0);
        const QTableWidgetItem* does = table->item(row, 1);
        if (table->columnSpan(row, 0) == 2)
            rows << QStringLiteral("# ") + (keys ? keys->text() : QString());
        else
            rows << QStringLiteral("%1 | %2").arg(keys ? keys->text() : QString(), does ? does->text() : QString());
    }
    return rows;
}

} // namespace

TEST(ShortcutsHelp, ListsEveryShortcutOfTheWindowReadFromItsActions)
{
    MainWindow window;
    const QList<ShortcutEntry> entries = windowShortcuts(&window);
    const auto find = [&](const QString& text) -> const ShortcutEntry* {
        for (const ShortcutEntry& entry : entries) {
            if (entry.text == text)
                return &entry;
        }
        return nullptr;
    };
    // Every action of the window with a shortcut is there, with all of its keys.
    int actions = 0;
    for (const QAction* action : window.findChildren<QAction*>()) {
        if (action->shortcuts().isEmpty())
            continue;
        ++actions;
        QString text = action->text().remove(QLatin1Char('&'));
        if (text.endsWith(QChar(0x2026)))
            text.chop(1);
        const ShortcutEntry* entry = find(text);
        ASSERT_NE(entry, nullptr) << text.toStdString();
        for (const QKeySequence& key : action->shortcuts())
            EXPECT_TRUE(entry->keys.contains(key)) << text.toStdString() << " " << key.toString().toStdString();
    }
    // Run, Stop, Reset zoom, Export, Copy, Presenter mode, Keyboard shortcuts, and Quit where the platform has a key
    // for it.
    EXPECT_GE(actions, 7);

    // The keys, where a presenter looks for them.
    const ShortcutEntry* run = find(QStringLiteral("Run"));
    ASSERT_NE(run, nullptr);
    EXPECT_EQ(run->group, QStringLiteral("Run"));
    EXPECT_TRUE(run->keys.contains(QKeySequence(Qt::Key_Space)));
    const ShortcutEntry* stop = find(QStringLiteral("Stop"));
    ASSERT_NE(stop, nullptr);
    EXPECT_TRUE(stop->keys.contains(QKeySequence(Qt::Key_Space)));
    EXPECT_TRUE(stop->keys.contains(QKeySequence(Qt::Key_Escape)));
    const ShortcutEntry* threads = find(QStringLiteral("Pick Threads"));
    ASSERT_NE(threads, nullptr) << "the model keys are QShortcuts, read too";
    EXPECT_EQ(threads->keys, (QList<QKeySequence> {QKeySequence(Qt::Key_3), QKeySequence(Qt::ALT | Qt::Key_3)}));
    ASSERT_NE(find(QStringLiteral("Reset zoom")), nullptr);
    EXPECT_TRUE(find(QStringLiteral("Reset zoom"))->keys.contains(QKeySequence(Qt::Key_R)));
    ASSERT_NE(find(QStringLiteral("Export picture")), nullptr);
    EXPECT_TRUE(find(QStringLiteral("Export picture"))->keys.contains(QKeySequence(Qt::CTRL | Qt::Key_S)));
    ASSERT_NE(find(QStringLiteral("Presenter mode")), nullptr);
    ASSERT_NE(find(QStringLiteral("Keyboard shortcuts")), nullptr);
    EXPECT_TRUE(find(QStringLiteral("Keyboard shortcuts"))->keys.contains(QKeySequence(Qt::Key_Question)));
    ASSERT_NE(find(QStringLiteral("Leave presenter mode (when no run is going)")), nullptr);

    // Menus first, in menu-bar order.
    QStringList groups;
    for (const ShortcutEntry& entry : entries) {
        if (groups.isEmpty() || groups.constLast() != entry.group)
            groups << entry.group;
    }
    EXPECT_EQ(groups,
        (QStringList {QStringLiteral("File"), QStringLiteral("Edit"), QStringLiteral("Run"), QStringLiteral("View"),
            QStringLiteral("Scenarios"), QStringLiteral("Help"), QStringLiteral("Other keys")}));
}

TEST(ShortcutsHelp, AnActionAddedLaterAppearsTheNextTimeItIsShown)
{
    MainWindow window;
    window.showShortcutsHelp();
    ShortcutsHelp* help = test::child<ShortcutsHelp>(window, "shortcutsHelp");
    EXPECT_FALSE(rowsOf(test::child<QTableWidget>(*help, "shortcuts"))
                     .join(QLatin1Char('\n'))
                     .contains(QStringLiteral("Frobnicate the cores")));
    help->close();

    auto* action = new QAction(QStringLiteral("&Frobnicate the cores…"), &window);
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_F));
    window.addAction(action);
    auto* shortcut = new QShortcut(QKeySequence(Qt::Key_F7), &window);
    shortcut->setWhatsThis(QStringLiteral("Count the cores"));
    window.showShortcutsHelp();
    const QStringList rows = rowsOf(test::child<QTableWidget>(*help, "shortcuts"));
    const QString table = rows.join(QLatin1Char('\n'));
    EXPECT_TRUE(rows.contains(QStringLiteral("Ctrl+Alt+F | Frobnicate the cores"))) << table.toStdString();
    EXPECT_TRUE(rows.contains(QStringLiteral("F7 | Count the cores"))) << table.toStdString();

    // What a presenter reads, written out here rather than computed the way the help computes it: the groups'
    // headings, and each action's keys joined as the table shows them.
    for (const char* row : {"# File", "# Edit", "# Run", "# View", "# Help", "# Other keys", "Ctrl+S | Export picture",
             "Ctrl+Shift+C | Copy picture", "F11 | Presenter mode", "3, Alt+3 | Pick Threads",
             "1, Alt+1 | Pick Sequential", "Ctrl+O | Open run", "Ctrl+Shift+S | Save run",
             "Esc | Leave presenter mode (when no run is going)"})
        EXPECT_TRUE(rows.contains(QString::fromUtf8(row))) << row << " not in\n" << table.toStdString();
}

TEST(ShortcutsHelp, F1AndQuestionMarkOpenIt)
{
    for (const Qt::Key key : {Qt::Key_F1, Qt::Key_Question}) {
        MainWindow window;
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, key);
        const auto* help = window.findChild<ShortcutsHelp*>(QStringLiteral("shortcutsHelp"));
        ASSERT_NE(help, nullptr) << key;
        EXPECT_TRUE(help->isVisible());
        EXPECT_GT(test::child<QTableWidget>(window, "shortcuts")->rowCount(), 10);
    }
}

// In presenter mode the help is as large as everything else, and nothing in it is cut off.
TEST(ShortcutsHelp, IsReadableInPresenterMode)
{
    MainWindow window;
    window.showShortcutsHelp();
    ShortcutsHelp* help = test::child<ShortcutsHelp>(window, "shortcutsHelp");
    const double deskPt = test::child<QTableWidget>(*help, "shortcuts")->font().pointSizeF();
    help->close();
    window.presenterMode().setOn(true);
    window.showShortcutsHelp();
    QApplication::processEvents();
    QTableWidget* table = test::child<QTableWidget>(*help, "shortcuts");
    EXPECT_GE(table->font().pointSizeF(), deskPt * 1.6 - 1e-6);
    EXPECT_FALSE(table->horizontalScrollBar()->isVisible());
    EXPECT_FALSE(table->verticalScrollBar()->isVisible());
    // On a screen too short for one long table the groups flow into a second pair of columns; every key is there.
    const QFontMetrics metrics(table->font());
    int shown = 0;
    for (int first = 0; first < table->columnCount(); first += 2) {
        for (int row = 0; row < table->rowCount(); ++row) {
            if (!table->item(row, first) || table->columnSpan(row, first) == 2)
                continue;
            ++shown;
            for (int column = first; column < first + 2; ++column) {
                const QString text = table->item(row, column)->text();
                EXPECT_GE(table->columnWidth(column), metrics.horizontalAdvance(text)) << text.toStdString();
            }
            EXPECT_GE(table->rowHeight(row), metrics.height());
        }
    }
    EXPECT_EQ(shown, windowShortcuts(&window).size());
    help->close();
    window.presenterMode().setOn(false);
}
