#include "ui/window/languagemenu.h"

#include "ui/window/uilanguage.h"

#include <QActionGroup>
#include <QEvent>

namespace conlab {

LanguageMenu::LanguageMenu(QWidget* parent)
    : QMenu(parent)
    , m_group(new QActionGroup(this))
{
    setObjectName(QStringLiteral("languageMenu"));
    UiLanguage* language = UiLanguage::instance();
    for (const QString& code : UiLanguage::available()) {
        QAction* action = addAction(UiLanguage::nativeName(code));
        action->setCheckable(true);
        action->setData(code);
        action->setChecked(code == language->current());
        m_group->addAction(action);
        connect(action, &QAction::triggered, this, [code] { UiLanguage::instance()->set(code); });
    }
    connect(language, &UiLanguage::changed, this, [this](const QString& code) {
        for (QAction* action : m_group->actions())
            action->setChecked(action->data().toString() == code);
    });
    retranslateUi();
}

void LanguageMenu::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMenu::changeEvent(event);
}

void LanguageMenu::retranslateUi()
{
    setTitle(tr("&Language"));
}

} // namespace conlab
