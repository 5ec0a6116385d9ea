// The Debian package (package/CMakeLists.txt) built from this build folder, unpacked into a temporary root and run
// from there: what `apt install ./conlab_*.deb` puts on a classroom's machines. Labelled `package` (tests/CMakeLists).
#include "tests/app/runconlab.h"
#include "tests/testfiles.h"

#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace conlab::test;

namespace {

// The control file's fields, as `dpkg-deb --field` prints them ("Name: value", continuation lines indented).
QMap<QString, QString> controlFields(const QByteArray& text)
{
    QMap<QString, QString> fields;
    QString last;
    for (const QString& line : QString::fromUtf8(text).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1Char(' ')) && !last.isEmpty()) {
            fields[last] += QLatin1Char('\n') + line.trimmed();
        } else if (const qsizetype colon = line.indexOf(QLatin1Char(':')); colon > 0) {
            last = line.left(colon);
            fields.insert(last, line.mid(colon + 1).trimmed());
        }
    }
    return fields;
}

} // namespace

TEST(Package, InstallsARunnableConlabWithItsDesktopFiles)
{
    const QString dpkgDeb = systemTool("dpkg-deb");
    if (dpkgDeb.isEmpty())
        GTEST_SKIP() << "dpkg-deb is not installed (Debian package dpkg)";
    if (!QFileInfo::exists(QStringLiteral(CONLAB_CPACK)))
        GTEST_SKIP() << "cpack is not installed (" CONLAB_CPACK ", Debian package cmake)";
    const QString lintian = systemTool("lintian");
    if (lintian.isEmpty())
        GTEST_SKIP() << "lintian is not installed (Debian package lintian)";
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());

    // cpack installs this build folder's files into its staging root and runs dpkg-shlibdeps on the binary.
    const CliResult packed = runProgram(QStringLiteral(CONLAB_CPACK),
        {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"), QStringLiteral(CONLAB_CPACK_CONFIG),
            QStringLiteral("-B"), dir.path()},
        QProcessEnvironment::systemEnvironment(), 120'000);
    ASSERT_EQ(packed.exitCode, 0) << packed.out.toStdString() << packed.err.toStdString();
    const CliResult architecture = runProgram(QStringLiteral("dpkg"), {QStringLiteral("--print-architecture")});
    const QString arch = QString::fromUtf8(architecture.out).trimmed();
    const QString deb = dir.filePath(QStringLiteral("conlab_" CONLAB_VERSION "_%1.deb").arg(arch));
    ASSERT_TRUE(QFileInfo::exists(deb)) << "no " << deb.toStdString()
                                        << " in: " << entries(dir.path()).join(QLatin1Char(' ')).toStdString();

    const CliResult info = runProgram(dpkgDeb, {QStringLiteral("--field"), deb});
    ASSERT_EQ(info.exitCode, 0) << info.err.toStdString();
    const QMap<QString, QString> control = controlFields(info.out);
    EXPECT_EQ(control.value(QStringLiteral("Package")), QStringLiteral("conlab"));
    EXPECT_EQ(control.value(QStringLiteral("Version")), QStringLiteral(CONLAB_VERSION));
    // Its changelog's newest entry is this version: a new version needs its entry (package/changelog).
    EXPECT_TRUE(readAll(QStringLiteral(CONLAB_TEST_DATA_DIR "/../package/changelog"))
                    .startsWith("conlab (" CONLAB_VERSION ") "));
    EXPECT_EQ(control.value(QStringLiteral("Architecture")), arch);
    EXPECT_EQ(control.value(QStringLiteral("Section")), QStringLiteral("education"));
    EXPECT_TRUE(control.value(QStringLiteral("Maintainer")).contains(QRegularExpression(QStringLiteral(".+ <.+@.+>"))))
        << control.value(QStringLiteral("Maintainer")).toStdString();
    EXPECT_TRUE(control.value(QStringLiteral("Description")).contains(QStringLiteral("\nConcurrency Lab runs")));
    // python3 for the real-CPython model; the rest from dpkg-shlibdeps, with the versions the build linked against.
    const QStringList depends
        = control.value(QStringLiteral("Depends")).split(QRegularExpression(QStringLiteral(",\\s*")));
    for (const char* package : {"python3", "libqt6core6", "libqt6gui6", "libqt6widgets6", "libqt6svg6",
             "libqcustomplot2.1-qt6", "libc6", "libstdc++6"}) {
        EXPECT_TRUE(std::any_of(depends.begin(), depends.end(),
            [&](const QString& d) { return d.section(QLatin1Char(' '), 0, 0) == QLatin1String(package); }))
            << package << " is not in Depends: " << control.value(QStringLiteral("Depends")).toStdString();
    }

    // Debian's checks: no error, and every warning left has its reason in the README.
    const CliResult lint = runProgram(lintian, {deb}, QProcessEnvironment::systemEnvironment(), 120'000);
    EXPECT_EQ(lint.exitCode, 0) << lint.out.toStdString() << lint.err.toStdString();
    const QByteArray readme = readAll(QStringLiteral(CONLAB_TEST_DATA_DIR "/../README.md"));
    for (const QByteArray& line : lint.out.split('\n')) {
        EXPECT_FALSE(line.startsWith("E: ")) << line.toStdString();
        if (line.startsWith("W: ")) {
            const QByteArray tag = line.split(' ').value(2);
            EXPECT_TRUE(readme.contains("`" + tag + "`")) << "the README does not explain " << line.toStdString();
        }
    }

    const QString root = dir.filePath(QStringLiteral("root"));
    const CliResult unpacked = runProgram(dpkgDeb, {QStringLiteral("-x"), deb, root});
    ASSERT_EQ(unpacked.exitCode, 0) << unpacked.err.toStdString();
    for (const char* file :
        {"usr/bin/conlab", "usr/share/applications/conlab.desktop", "usr/share/icons/hicolor/scalable/apps/conlab.svg",
            "usr/share/mime/packages/conlab.xml", "usr/share/metainfo/io.github.conlab.conlab.metainfo.xml",
            "usr/share/man/man1/conlab.1.gz", "usr/share/doc/conlab/copyright", "usr/share/doc/conlab/changelog.gz"}) {
        EXPECT_TRUE(QFileInfo(root + QLatin1Char('/') + QLatin1String(file)).isFile()) << file;
    }
    const QString conlab = root + QStringLiteral("/usr/bin/conlab");
    // Stripped: the release build's debug information stays out of the package.
    EXPECT_LT(QFileInfo(conlab).size(), QFileInfo(QStringLiteral(CONLAB_BINARY)).size());

    const CliResult version = runProgram(conlab, {QStringLiteral("--version")});
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_TRUE(version.out.startsWith("conlab " CONLAB_VERSION " (revision ")) << version.out.toStdString();

    // The worker processes re-execute the installed binary, not the build's.
    const CliResult run = runProgram(conlab,
        runArgs({QStringLiteral("--json"), QStringLiteral("--model"), QStringLiteral("processes"),
            QStringLiteral("--workers"), QStringLiteral("2"), QStringLiteral("--tasks"), QStringLiteral("4"),
            QStringLiteral("--cpu-ms"), QStringLiteral("20")}));
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QJsonObject summary = QJsonDocument::fromJson(run.out).object();
    EXPECT_EQ(summary.value(QStringLiteral("tasks_completed")).toInt(), 4) << run.out.toStdString();

    const QString picture = dir.filePath(QStringLiteral("window.png"));
    const CliResult window = runProgram(conlab,
        {QStringLiteral("--model"), QStringLiteral("threads"), QStringLiteral("--tasks"), QStringLiteral("2"),
            QStringLiteral("--cpu-ms"), QStringLiteral("20"), QStringLiteral("--autorun"),
            QStringLiteral("--exit-when-done"), QStringLiteral("--screenshot"), picture},
        offscreenEnvironment(dir.path()));
    ASSERT_EQ(window.exitCode, 0) << window.err.toStdString();
    const QImage image(picture);
    EXPECT_FALSE(image.isNull());
    EXPECT_GT(image.width(), 400);
}
