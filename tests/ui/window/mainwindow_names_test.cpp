#include "tests/ui/child.h"
#include "ui/compare/compareview.h"
#include "ui/export/exportpicturedialog.h"
#include "ui/sweep/sweepview.h"
#include "ui/window/mainwindow.h"
#include "ui/window/shortcutshelp.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <gtest/gtest.h>

using namespace conlab;

namespace {

// The controls under `root` a user operates. Qt's own parts (a spin box's line edit, a dock's buttons: their
// objectNames start with "qt_"; a table's corner button) and a button box's standard buttons (found by their role,
// named by their text) are Qt's to name.
std::vector<QWidget*> controls(const QWidget& root)
{
    std::vector<QWidget*> found;
    for (QWidget* widget : root.findChildren<QWidget*>()) {
        const bool control = qobject_cast<QAbstractButton*>(widget) || qobject_cast<QAbstractSpinBox*>(widget)
            || qobject_cast<QComboBox*>(widget) || qobject_cast<QLineEdit*>(widget);
        if (!control || widget->objectName().startsWith(QLatin1String("qt_"))
            || qobject_cast<QDialogButtonBox*>(widget->parentWidget())
            || qobject_cast<QAbstractItemView*>(widget->parentWidget()))
            continue;
        found.push_back(widget);
    }
    return found;
}

// Tests find each control by its objectName; a screen reader says its accessible name (its own, its text's, or its
// buddy label's).
void expectNamed(const QWidget& root, std::size_t atLeast)
{
    const std::vector<QWidget*> found = controls(root);
    EXPECT_GE(found.size(), atLeast) << root.metaObject()->className();
    for (QWidget* widget : found) {
        const std::string what = std::string(widget->metaObject()->className()) + " in "
            + root.metaObject()->className() + " (" + widget->objectName().toStdString() + ")";
        EXPECT_FALSE(widget->objectName().isEmpty()) << what;
        QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(widget);
        ASSERT_NE(accessible, nullptr) << what;
        EXPECT_FALSE(accessible->text(QAccessible::Name).trimmed().isEmpty()) << what;
    }
}

} // namespace

TEST(ControlNames, EveryControlHasAnObjectNameAndAnAccessibleName)
{
    MainWindow window;
    // The help is made on first use; the scenario panel is there from the start.
    window.showShortcutsHelp();
    // Five model buttons, the executor, ten workload fields, Run, Stop, the baseline, the lesson's two buttons.
    expectNamed(window, 21);
    CompareView compare;
    expectNamed(compare, 3);
    SweepView sweep;
    expectNamed(sweep, 3);
    const ExportPictureDialog dialog(ExportPictureDialog::Settings {}, TimeRange {0, 1});
    expectNamed(dialog, 8);
}
