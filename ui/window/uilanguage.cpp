#include "ui/window/uilanguage.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

namespace conlab {

namespace {

QLocale::Language languageOf(const QString& code)
{
    return code == QLatin1String("ru") ? QLocale::Russian : QLocale::English;
}

} // namespace

UiLanguage* UiLanguage::instance()
{
    // A QPointer: a new application object (a test's next QApplication) gets a new instance, without translators.
    static QPointer<UiLanguage> language;
    if (!language)
        language = new UiLanguage(QCoreApplication::instance());
    return language;
}

UiLanguage::UiLanguage(QObject* parent)
    : QObject(parent)
{
}

UiLanguage::~UiLanguage()
{
    removeTranslators();
}

QStringList UiLanguage::available()
{
    return {QStringLiteral("en"), QStringLiteral("ru")};
}

bool UiLanguage::isAvailable(const QString& code)
{
    return available().contains(code);
}

QString UiLanguage::nativeName(const QString& code)
{
    // Not translated on purpose: a Russian reader lost in an English UI looks for "Русский".
    return code == QLatin1String("ru") ? QStringLiteral("Русский") : QStringLiteral("English");
}

QString UiLanguage::systemLanguage(const QLocale& system)
{
    // The first UI language the user asked for counts, not the format locale: LANGUAGE=ru with LC_NUMERIC=C is Russian.
    const QStringList languages = system.uiLanguages();
    const QLocale first = languages.isEmpty() ? system : QLocale(languages.constFirst());
    return first.language() == QLocale::Russian ? QStringLiteral("ru") : QStringLiteral("en");
}

QString UiLanguage::choose(const QString& option, const QString& remembered, const QLocale& system)
{
    for (const QString& code : {option, remembered}) {
        if (isAvailable(code))
            return code;
    }
    return systemLanguage(system);
}

QLocale UiLanguage::localeFor(const QString& code, const QLocale& system)
{
    const QLocale::Language language = languageOf(code);
    // The C locale (LANG=C, CI machines) is English as far as words go; its plain number format is kept.
    if (system.language() == language || (language == QLocale::English && system.language() == QLocale::C))
        return system;
    return QLocale(language);
}

bool UiLanguage::set(const QString& code)
{
    if (!isAvailable(code))
        return false;
    auto own = std::make_unique<QTranslator>();
    // The English file holds only plural forms ("1 lane", "2 lanes"); every other English text is the source.
    if (!own->load(QStringLiteral(":/i18n/conlab_%1.qm").arg(code)))
        return false;

    // The locale first: the LanguageChange that installing sends makes widgets format their numbers anew, with it.
    QLocale::setDefault(localeFor(code));
    removeTranslators();
    QCoreApplication::installTranslator(own.get());
    m_translators.push_back(std::move(own));
    // Qt's own words (dialog buttons, the file dialog), when the system has them (qt6-translations-l10n).
    auto qt = std::make_unique<QTranslator>();
    if (code != QLatin1String("en")
        && qt->load(QLocale(languageOf(code)), QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        m_translators.push_back(std::move(qt));
    }
    const bool changedLanguage = code != m_current;
    m_current = code;
    if (changedLanguage)
        emit changed(code);
    return true;
}

void UiLanguage::removeTranslators()
{
    // Going down with the application, which drops its translators itself.
    if (!QCoreApplication::instance()) {
        m_translators.clear();
        return;
    }
    for (const std::unique_ptr<QTranslator>& translator : m_translators)
        QCoreApplication::removeTranslator(translator.get());
    m_translators.clear();
}

} // namespace conlab
