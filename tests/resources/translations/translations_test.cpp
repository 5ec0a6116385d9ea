// The committed translations against the sources: lupdate reads ui/ and core/ into a temporary .ts (so a tr() added
// to the code without a translation fails here, not only an entry left unfinished in the committed file), and every
// message it finds must have a finished, complete translation in resources/translations/conlab_ru.ts (and, for plural
// messages, in conlab_en.ts). Each failure names the string's file and line. To fix one: build the target
// conlab_lupdate, translate in Qt Linguist (resources/translations/README.md), commit the .ts files.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <gtest/gtest.h>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace {

const QString sourceDir = QStringLiteral(CONLAB_SOURCE_DIR);

struct TsMessage
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    // The translation element's type: "unfinished", "vanished", "obsolete", or empty when finished.
    QString type;
    QStringList translations; // one per plural form, or the one translation
    QString location; // "ui/window/mainwindow.cpp:123", relative to the source folder
};

using Key = std::tuple<QString, QString, QString>;

Key keyOf(const TsMessage& message)
{
    return {message.context, message.source, message.comment};
}

QString describe(const TsMessage& message)
{
    return QStringLiteral("%1: [%2] \"%3\"").arg(message.location, message.context, message.source);
}

// The messages of a .ts file; the locations are made relative to the source folder.
std::vector<TsMessage> readTs(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    const QDir tsDir = QFileInfo(path).absoluteDir();
    std::vector<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    std::optional<TsMessage> message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name") && !message) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                message = TsMessage {};
                message->context = context;
                message->numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (message && name == QLatin1String("location") && message->location.isEmpty()) {
                const QString source = QDir::cleanPath(
                    tsDir.absoluteFilePath(xml.attributes().value(QLatin1String("filename")).toString()));
                message->location = QStringLiteral("%1:%2").arg(
                    QDir(sourceDir).relativeFilePath(source), xml.attributes().value(QLatin1String("line")).toString());
            } else if (message && name == QLatin1String("source")) {
                message->source = xml.readElementText();
            } else if (message && name == QLatin1String("comment")) {
                message->comment = xml.readElementText();
            } else if (message && name == QLatin1String("translation")) {
                message->type = xml.attributes().value(QLatin1String("type")).toString();
                if (!message->numerus)
                    message->translations << xml.readElementText();
            } else if (message && name == QLatin1String("numerusform")) {
                message->translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message") && message) {
            messages.push_back(*message);
            message.reset();
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

// What lupdate finds in the sources now, exactly as conlab_lupdate reads them (ui/CMakeLists.txt).
std::vector<TsMessage> sourceMessages(QString* error)
{
    static std::optional<std::vector<TsMessage>> cached;
    static QString cachedError;
    if (!cached) {
        QTemporaryDir dir;
        const QString ts = dir.filePath(QStringLiteral("conlab_ru.ts"));
        QProcess lupdate;
        lupdate.setWorkingDirectory(sourceDir);
        lupdate.start(QStringLiteral(CONLAB_LUPDATE),
            {QStringLiteral("-I"), QStringLiteral("."), QStringLiteral("ui"), QStringLiteral("core"),
                QStringLiteral("-ts"), ts});
        if (!lupdate.waitForFinished(120'000) || lupdate.exitCode() != 0) {
            cachedError = QStringLiteral("lupdate failed: %1 %2")
                              .arg(lupdate.errorString(), QString::fromLocal8Bit(lupdate.readAllStandardError()));
            cached.emplace();
        } else {
            cached = readTs(ts, &cachedError);
        }
    }
    *error = cachedError;
    return *cached;
}

std::map<Key, TsMessage> committed(const QString& language, QString* error)
{
    std::map<Key, TsMessage> byKey;
    for (TsMessage& message :
        readTs(sourceDir + QStringLiteral("/resources/translations/conlab_%1.ts").arg(language), error))
        byKey.emplace(keyOf(message), std::move(message));
    return byKey;
}

// %1 ... %99 and %n; %L1 is %1 in the locale's number format, which a translation may choose.
QSet<QString> placeholders(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?(\\d{1,2}|n)"));
    QSet<QString> found;
    for (const QRegularExpressionMatch& match : pattern.globalMatch(text))
        found.insert(match.captured(1));
    return found;
}

// A Russian translation without a Cyrillic letter is the English left in place ("Executor:" shown as is in the
// Russian window), unless every word of it is one the Russian UI keeps (resources/translations/README.md): CPU, GIL,
// a file type, the product's name.
bool leftInEnglish(const QString& text)
{
    static const QRegularExpression cyrillic(QStringLiteral("[\\x{0400}-\\x{04FF}]"));
    static const QRegularExpression kept(QStringLiteral("\\b(CPU|cpu|GIL|CSV|csv|Concurrency Lab|Python|CPython|asyncio|pid|PID)\\b|\\.py\\b|%L?\\d{1,2}|%n"));
    static const QRegularExpression latin(QStringLiteral("[A-Za-z]"));
    if (text.contains(cyrillic))
        return false;
    return QString(text).remove(kept).contains(latin);
}

// Why the committed translation of `message` cannot be used; empty when it can. `translated`: the language is not
// the sources' own, so a text left in English is no translation.
QString problemWith(
    const TsMessage& message, const std::map<Key, TsMessage>& translations, int pluralForms, bool translated)
{
    const auto found = translations.find(keyOf(message));
    if (found == translations.end())
        return QStringLiteral("is not in the committed file (build conlab_lupdate, then translate it)");
    const TsMessage& translation = found->second;
    if (!translation.type.isEmpty())
        return QStringLiteral("is marked %1").arg(translation.type);
    if (message.numerus && translation.translations.size() != pluralForms)
        return QStringLiteral("has %1 plural forms, not %2").arg(translation.translations.size()).arg(pluralForms);
    for (const QString& text : translation.translations) {
        if (text.trimmed().isEmpty())
            return QStringLiteral("has an empty translation");
        if (placeholders(text) != placeholders(message.source))
            return QStringLiteral("has placeholders other than the source's in \"%1\"").arg(text);
        if (translated && leftInEnglish(text))
            return QStringLiteral("is left in English: \"%1\"").arg(text);
    }
    return {};
}

void expectTranslated(const QString& language, int pluralForms, bool pluralOnly)
{
    QString error;
    const std::vector<TsMessage> sources = sourceMessages(&error);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    ASSERT_GT(sources.size(), 200u) << "lupdate found too few strings: did it read the sources?";
    const std::map<Key, TsMessage> translations = committed(language, &error);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    QStringList problems;
    for (const TsMessage& message : sources) {
        if (pluralOnly && !message.numerus)
            continue;
        const bool translated = language != QLatin1String("en");
        if (const QString problem = problemWith(message, translations, pluralForms, translated); !problem.isEmpty())
            problems << describe(message) + QLatin1Char(' ') + problem;
    }
    EXPECT_TRUE(problems.isEmpty()) << problems.size() << " string(s) without a usable " << language.toStdString()
                                    << " translation:\n"
                                    << problems.join(QLatin1Char('\n')).toStdString();
}

void expectNothingStale(const QString& language)
{
    QString error;
    const std::vector<TsMessage> sources = sourceMessages(&error);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    std::set<Key> inSources;
    for (const TsMessage& message : sources)
        inSources.insert(keyOf(message));
    QStringList stale;
    for (const auto& [key, message] : committed(language, &error)) {
        if (!inSources.count(key) || message.type == QLatin1String("vanished")
            || message.type == QLatin1String("obsolete"))
            stale << describe(message);
    }
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_TRUE(stale.isEmpty()) << "entries no source has any more (build conlab_lupdate to drop them):\n"
                                 << stale.join(QLatin1Char('\n')).toStdString();
}

} // namespace

TEST(Translations, EveryStringOfTheSourcesHasAFinishedRussianTranslation)
{
    // Russian has three plural forms: 1 (21, 31...), 2-4 (22-24...), 5-20 and the rest.
    expectTranslated(QStringLiteral("ru"), 3, false);
}

TEST(Translations, EveryPluralStringHasItsTwoEnglishForms)
{
    expectTranslated(QStringLiteral("en"), 2, true);
}

TEST(Translations, TheCommittedFilesHoldNothingTheSourcesNoLongerHave)
{
    expectNothingStale(QStringLiteral("ru"));
    expectNothingStale(QStringLiteral("en"));
}

TEST(Translations, PlaceholdersAreFoundAsTheCheckReadsThem)
{
    EXPECT_EQ(placeholders(QStringLiteral("%1 of %n worker(s) %2")),
        (QSet<QString> {QStringLiteral("1"), QStringLiteral("n"), QStringLiteral("2")}));
    EXPECT_EQ(placeholders(QStringLiteral("%L1 мс")), QSet<QString> {QStringLiteral("1")});
    EXPECT_TRUE(placeholders(QStringLiteral("100 % of 1 worker")).isEmpty());
}

TEST(Translations, ATextLeftInEnglishIsFoundUnlessItOnlyKeepsItsTerms)
{
    EXPECT_TRUE(leftInEnglish(QStringLiteral("Executor:")));
    EXPECT_TRUE(leftInEnglish(QStringLiteral("%1 workers")));
    EXPECT_FALSE(leftInEnglish(QStringLiteral("Пул для CPU:")));
    EXPECT_FALSE(leftInEnglish(QStringLiteral("CPU (%)")));
    EXPECT_FALSE(leftInEnglish(QStringLiteral("cpu%1")));
    EXPECT_FALSE(leftInEnglish(QStringLiteral("%1 + GIL")));
    EXPECT_FALSE(leftInEnglish(QStringLiteral("CSV (*.csv)")));
    EXPECT_FALSE(leftInEnglish(QStringLiteral("%1 — Concurrency Lab")));
}
