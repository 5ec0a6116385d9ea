#pragma once

#include <QMenu>

class QActionGroup;

namespace conlab {

// View > Language: one checkable entry per translation, each named in its own language, the current one checked
// whichever way the language was changed.
class LanguageMenu : public QMenu
{
    Q_OBJECT

public:
    explicit LanguageMenu(QWidget* parent = nullptr);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QActionGroup* m_group = nullptr;
};

} // namespace conlab
