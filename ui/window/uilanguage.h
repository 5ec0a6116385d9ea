#pragma once

#include <QLocale>
#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

class QTranslator;

namespace conlab {

// The language of the UI, English or Russian, switchable at run time. Translators are application-wide state in Qt,
// so there is one of these per application (instance()). set() makes the language the default QLocale first (the
// scenario texts and every number the panels format follow QLocale()), then installs conlab's translation and Qt's
// own (standard buttons, file dialogs); Qt then sends QEvent::LanguageChange to every widget, whose retranslateUi()
// sets its texts again. The headless commands (`conlab run`, `conlab worker`) never use it: their output stays
// English for scripts.
class UiLanguage : public QObject
{
    Q_OBJECT
public:
    // Created on first use, owned by the application object.
    static UiLanguage* instance();

    // Language codes, in the order of the View > Language menu.
    static QStringList available();
    static bool isAvailable(const QString& code);
    // Each language's own name ("English", "Русский"): what the menu shows, readable whatever the UI's language.
    static QString nativeName(const QString& code);
    // "ru" when the system's UI language is Russian, "en" otherwise.
    static QString systemLanguage(const QLocale& system = QLocale::system());
    // What the UI starts in: the --language option, else the remembered setting, else the system's language.
    // Codes that are not available are passed over.
    static QString choose(const QString& option, const QString& remembered, const QLocale& system = QLocale::system());
    // The default QLocale for a language: the system's own when it speaks that language (its number and date
    // formats), otherwise the language's main locale.
    static QLocale localeFor(const QString& code, const QLocale& system = QLocale::system());

    // Switches the UI to `code`; false (and nothing changed) when it is not available or its translation cannot be
    // loaded.
    bool set(const QString& code);
    // The language set last ("en" before any set()).
    QString current() const { return m_current; }

signals:
    void changed(const QString& code);

private:
    explicit UiLanguage(QObject* parent);
    ~UiLanguage() override;
    void removeTranslators();

    QString m_current = QStringLiteral("en");
    std::vector<std::unique_ptr<QTranslator>> m_translators;
};

} // namespace conlab
