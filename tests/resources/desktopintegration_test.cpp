// The files that make conlab part of a desktop (resources/), each checked by the validator its standard ships:
// desktop-file-validate, update-mime-database (shared-mime-info) and appstreamcli validate.
#include "tests/runprogram.h"
#include "tests/testfiles.h"

#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <algorithm>
#include <gtest/gtest.h>
#include <iterator>

using namespace conlab::test;

namespace {

const QString resources = QStringLiteral(CONLAB_SOURCE_DIR "/resources/");
const QString desktopFile = resources + QStringLiteral("conlab.desktop");
const QString mimeFile = resources + QStringLiteral("conlab-mime.xml");
const QString metainfoFile = resources + QStringLiteral("io.github.conlab.conlab.metainfo.xml");
const QString runFileType = QStringLiteral("application/x-conlab-run");

// The validator, or a skip naming the Debian package that brings it (setup.sh installs them all).
#define REQUIRE_TOOL(variable, tool, package)                                                                          \
    const QString variable = systemTool(tool);                                                                         \
    if (variable.isEmpty())                                                                                            \
        GTEST_SKIP() << tool " is not installed (Debian package " package ")";

// What an XML file holds at each element path ("component/releases/release"), with the attributes asked for.
struct XmlElement
{
    QString path;
    QString text;
    QXmlStreamAttributes attributes;
};

std::vector<XmlElement> xmlElements(const QString& path)
{
    std::vector<XmlElement> elements;
    QXmlStreamReader reader(readAll(path));
    QStringList stack;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            stack << reader.name().toString();
            elements.push_back({stack.join(QLatin1Char('/')), QString(), reader.attributes()});
        } else if (reader.isCharacters() && !elements.empty()) {
            elements.back().text += reader.text().toString().trimmed();
        } else if (reader.isEndElement()) {
            stack.removeLast();
        }
    }
    EXPECT_FALSE(reader.hasError()) << path.toStdString() << ": " << reader.errorString().toStdString();
    return elements;
}

std::vector<XmlElement> elementsAt(const std::vector<XmlElement>& all, const QString& path)
{
    std::vector<XmlElement> found;
    std::copy_if(
        all.begin(), all.end(), std::back_inserter(found), [&](const XmlElement& e) { return e.path == path; });
    return found;
}

} // namespace

TEST(DesktopIntegration, TheDesktopEntryIsValidAndOpensSavedRuns)
{
    REQUIRE_TOOL(validator, "desktop-file-validate", "desktop-file-utils");
    const CliResult result = runProgram(validator, {desktopFile});
    EXPECT_EQ(result.exitCode, 0) << result.out.toStdString() << result.err.toStdString();
    // Its hints (two main categories: Education and Development, on purpose) are allowed, nothing worse.
    for (const QByteArray& line : (result.out + result.err).split('\n'))
        EXPECT_TRUE(line.isEmpty() || line.contains(": hint: ")) << line.toStdString();

    // Its one group, [Desktop Entry], read as the launcher does: key=value lines.
    QMap<QString, QString> entry;
    for (const QByteArray& line : readAll(desktopFile).split('\n')) {
        const qsizetype equals = line.indexOf('=');
        if (equals > 0)
            entry.insert(QString::fromUtf8(line.left(equals)), QString::fromUtf8(line.mid(equals + 1)));
    }
    // %F: the file manager passes the files it opens with conlab (a double-clicked saved run).
    EXPECT_EQ(entry.value(QStringLiteral("Exec")).toStdString(), "conlab %F");
    EXPECT_TRUE(entry.value(QStringLiteral("MimeType")).split(QLatin1Char(';')).contains(runFileType))
        << entry.value(QStringLiteral("MimeType")).toStdString();
}

TEST(DesktopIntegration, TheMimeTypeNamesConlabJsonFilesAsSavedRuns)
{
    REQUIRE_TOOL(updater, "update-mime-database", "shared-mime-info");
    // The database shared-mime-info builds from the file alone: its globs file says which names are conlab's runs.
    QTemporaryDir share;
    ASSERT_TRUE(share.isValid());
    ASSERT_TRUE(QDir().mkpath(share.filePath(QStringLiteral("mime/packages"))));
    ASSERT_TRUE(QFile::copy(mimeFile, share.filePath(QStringLiteral("mime/packages/conlab.xml"))));
    // In the data folders searched, or it adds a note on stderr that applications would not find the database.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), share.path());
    const CliResult result = runProgram(updater, {share.filePath(QStringLiteral("mime"))}, env);
    EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
    // It reports a file it cannot use on stderr and goes on: any word there is a defect of ours.
    EXPECT_TRUE(result.err.trimmed().isEmpty()) << result.err.toStdString();
    const QByteArray globs = readAll(share.filePath(QStringLiteral("mime/globs2")));
    EXPECT_TRUE(globs.contains(":" + runFileType.toUtf8() + ":*.conlab.json")) << globs.toStdString();
    const QByteArray parents = readAll(share.filePath(QStringLiteral("mime/subclasses")));
    EXPECT_TRUE(parents.contains(runFileType.toUtf8() + " application/json")) << parents.toStdString();
}

TEST(DesktopIntegration, TheAppStreamEntryIsValidInEnglishAndRussian)
{
    REQUIRE_TOOL(validator, "appstreamcli", "appstream");
    // --no-net: the screenshots' addresses are checked for form, not fetched (CI has no network).
    const CliResult result = runProgram(validator,
        {QStringLiteral("validate"), QStringLiteral("--no-net"), QStringLiteral("--pedantic"), metainfoFile});
    EXPECT_EQ(result.exitCode, 0) << result.out.toStdString() << result.err.toStdString();
    EXPECT_TRUE(result.out.contains("Validation was successful")) << result.out.toStdString();
    EXPECT_FALSE(result.out.contains("W:") || result.out.contains("I:") || result.out.contains("P:"))
        << result.out.toStdString();

    const std::vector<XmlElement> all = xmlElements(metainfoFile);
    const auto languages = [&](const QString& path) {
        QStringList found;
        for (const XmlElement& e : elementsAt(all, path))
            found << (e.attributes.hasAttribute(QStringLiteral("xml:lang"))
                    ? e.attributes.value(QStringLiteral("xml:lang")).toString()
                    : QStringLiteral("en"));
        return found;
    };
    for (const char* path : {"component/name", "component/summary", "component/description/p"}) {
        const QStringList found = languages(QLatin1String(path));
        EXPECT_TRUE(found.contains(QStringLiteral("en")) && found.contains(QStringLiteral("ru"))) << path;
    }
    const auto screenshots = elementsAt(all, QStringLiteral("component/screenshots/screenshot"));
    const auto captions = languages(QStringLiteral("component/screenshots/screenshot/caption"));
    EXPECT_GE(screenshots.size(), 3u);
    EXPECT_EQ(captions.count(QStringLiteral("en")), qsizetype(screenshots.size()));
    EXPECT_EQ(captions.count(QStringLiteral("ru")), qsizetype(screenshots.size()));
    // Each screenshot is one of the repository's own pictures.
    for (const XmlElement& image : elementsAt(all, QStringLiteral("component/screenshots/screenshot/image"))) {
        const QString name = image.text.section(QLatin1Char('/'), -1);
        EXPECT_TRUE(QFile::exists(QStringLiteral(CONLAB_SOURCE_DIR "/docs/screenshots/") + name)) << name.toStdString();
    }
    EXPECT_EQ(elementsAt(all, QStringLiteral("component/content_rating")).size(), 1u);
    // The newest release is the version project() sets: a new version needs its release notes here.
    const auto releases = elementsAt(all, QStringLiteral("component/releases/release"));
    ASSERT_FALSE(releases.empty());
    EXPECT_EQ(releases.front().attributes.value(QStringLiteral("version")).toString().toStdString(), CONLAB_VERSION);
    EXPECT_EQ(languages(QStringLiteral("component/releases/release/description/p")).size(), 2)
        << "release notes in English and Russian";
    // It offers conlab for the file type the package registers, and names the launcher installed beside it.
    const auto mediaTypes = elementsAt(all, QStringLiteral("component/provides/mediatype"));
    ASSERT_EQ(mediaTypes.size(), 1u);
    EXPECT_EQ(mediaTypes.front().text, runFileType);
    const auto launchable = elementsAt(all, QStringLiteral("component/launchable"));
    ASSERT_EQ(launchable.size(), 1u);
    EXPECT_EQ(launchable.front().text, QFileInfo(desktopFile).fileName());
    const auto mimeTypes = elementsAt(xmlElements(mimeFile), QStringLiteral("mime-info/mime-type"));
    ASSERT_EQ(mimeTypes.size(), 1u);
    EXPECT_EQ(mimeTypes.front().attributes.value(QStringLiteral("type")).toString(), runFileType);
}
