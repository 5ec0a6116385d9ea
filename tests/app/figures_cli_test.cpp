#include "tests/app/runconlab.h"
#include "tests/figurefiles.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace {

using conlab::test::CliResult;

// As from a script on a machine with no display at all.
QProcessEnvironment withoutDisplay()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& name :
        {QStringLiteral("DISPLAY"), QStringLiteral("WAYLAND_DISPLAY"), QStringLiteral("QT_QPA_PLATFORM")})
        environment.remove(name);
    return environment;
}

CliResult runConlab(const QStringList& arguments, const QProcessEnvironment& environment = withoutDisplay())
{
    return conlab::test::runConlab(conlab::test::runArgs(arguments), environment);
}

const QStringList quickRun {QStringLiteral("--workload"), QStringLiteral("cpu"), QStringLiteral("--tasks"),
    QStringLiteral("4"), QStringLiteral("--cpu-ms"), QStringLiteral("20")};

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Lines conlab wrote itself: Qt may add a warning about the environment (XDG_RUNTIME_DIR unset) when it starts.
QList<QByteArray> ownLines(const QByteArray& err)
{
    QList<QByteArray> lines;
    for (const QByteArray& line : err.split('\n')) {
        if (line.startsWith("conlab run:"))
            lines << line;
    }
    return lines;
}

} // namespace

TEST(FiguresCli, WritesPngSvgAndPdfWithNoDisplay)
{
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("a.png"));
    const QString svg = dir.filePath(QStringLiteral("a.svg"));
    const QString pdf = dir.filePath(QStringLiteral("a.pdf"));
    const CliResult result = runConlab(quickRun
        + QStringList {QStringLiteral("--png"), png, QStringLiteral("--svg"), svg, QStringLiteral("--pdf"), pdf});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.out.contains("wall")) << "the summary is printed as without pictures";

    const QImage image(png);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(1600, 900));
    EXPECT_GT(conlab::test::inkPixels(image), 1600 * 900 / 10);
    const conlab::test::SvgCheck check = conlab::test::checkSvg(readAll(svg));
    EXPECT_TRUE(check.wellFormed) << check.error.toStdString();
    EXPECT_EQ(check.root, QStringLiteral("svg"));
    EXPECT_GT(check.drawingElements, 50);
    const QByteArray document = readAll(pdf);
    EXPECT_TRUE(conlab::test::isWholePdf(document));
    EXPECT_GT(document.size(), 5'000);
}

TEST(FiguresCli, ContentScaleAndSizeShapeThePng)
{
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("timeline.png"));
    const CliResult result = runConlab(quickRun
        + QStringList {QStringLiteral("--png"), png, QStringLiteral("--figure"), QStringLiteral("timeline"),
            QStringLiteral("--scale"), QStringLiteral("2"), QStringLiteral("--figure-size"),
            QStringLiteral("800x450")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_EQ(QImage(png).size(), QSize(1600, 900));
}

TEST(FiguresCli, BadFigureOptionsExit2BeforeTheRunNamingTheOption)
{
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("never.png"));
    const std::vector<std::pair<QStringList, QByteArray>> bad {
        {{QStringLiteral("--png"), png, QStringLiteral("--figure"), QStringLiteral("pie")}, "--figure"},
        {{QStringLiteral("--png"), png, QStringLiteral("--scale"), QStringLiteral("3")}, "--scale"},
        {{QStringLiteral("--png"), png, QStringLiteral("--figure-size"), QStringLiteral("10x10")}, "--figure-size"},
        {{QStringLiteral("--png"), png, QStringLiteral("--figure-size"), QStringLiteral("wide")}, "--figure-size"},
        {{QStringLiteral("--scale"), QStringLiteral("2")}, "--scale"},
        {{QStringLiteral("--png")}, "--png"},
    };
    for (const auto& [options, named] : bad) {
        SCOPED_TRACE(options.join(QLatin1Char(' ')).toStdString());
        const CliResult result = runConlab(quickRun + options);
        EXPECT_EQ(result.exitCode, 2);
        EXPECT_TRUE(result.out.isEmpty()) << "nothing ran: " << result.out.toStdString();
        const QList<QByteArray> lines = ownLines(result.err);
        ASSERT_EQ(lines.size(), 1) << result.err.toStdString();
        EXPECT_TRUE(lines[0].contains(named)) << lines[0].toStdString();
    }
    EXPECT_FALSE(QFile::exists(png));
}

TEST(FiguresCli, AFileThatCannotBeWrittenExits1AndTheOthersAreWritten)
{
    QTemporaryDir dir;
    const QString blocker = dir.filePath(QStringLiteral("file"));
    QFile file(blocker);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.close();
    const QString badPng = blocker + QStringLiteral("/a.png");
    const QString svg = dir.filePath(QStringLiteral("a.svg"));
    const CliResult result
        = runConlab(quickRun + QStringList {QStringLiteral("--png"), badPng, QStringLiteral("--svg"), svg});
    EXPECT_EQ(result.exitCode, 1);
    const QList<QByteArray> lines = ownLines(result.err);
    ASSERT_EQ(lines.size(), 1) << result.err.toStdString();
    EXPECT_TRUE(lines[0].contains(badPng.toUtf8())) << lines[0].toStdString();
    EXPECT_TRUE(lines[0].contains("Not a directory")) << lines[0].toStdString();
    EXPECT_TRUE(conlab::test::checkSvg(readAll(svg)).wellFormed);
}

// Without pictures no GUI is started at all: a platform that does not exist would otherwise stop it.
TEST(FiguresCli, WithoutPicturesTheRunNeedsNoGuiAndWithThemNoDisplay)
{
    QProcessEnvironment broken = withoutDisplay();
    broken.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("no-such-platform"));
    const CliResult plain = runConlab(quickRun, broken);
    EXPECT_EQ(plain.exitCode, 0) << plain.err.toStdString();

    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("a.png"));
    const CliResult pictured = runConlab(quickRun + QStringList {QStringLiteral("--png"), png}, broken);
    EXPECT_EQ(pictured.exitCode, 0) << pictured.err.toStdString();
    EXPECT_FALSE(QImage(png).isNull());
}
