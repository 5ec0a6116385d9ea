#include "tests/figurefiles.h"
#include "tests/ui/export/sampletrace.h"
#include "ui/export/headlessfigure.h"

#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace conlab {
namespace {

RunResult sampleResult()
{
    RunResult result;
    result.summary = test::sampleSummary();
    result.trace = std::make_shared<const Trace>(test::sampleTrace());
    return result;
}

TEST(HeadlessFigure, WritesEveryFileAskedFor)
{
    QTemporaryDir dir;
    FigureRequest request;
    request.size = QSize(1000, 600);
    request.scale = 2;
    request.files = {{FigureFormat::Png, dir.filePath(QStringLiteral("run.png"))},
        {FigureFormat::Svg, dir.filePath(QStringLiteral("run.svg"))},
        {FigureFormat::Pdf, dir.filePath(QStringLiteral("run.pdf"))}};
    const QStringList errors = writeRunFigures(sampleResult(), request);
    EXPECT_TRUE(errors.isEmpty()) << errors.join(QLatin1Char('\n')).toStdString();

    const QImage png(dir.filePath(QStringLiteral("run.png")));
    EXPECT_EQ(png.size(), QSize(2000, 1200));
    EXPECT_GT(test::inkPixels(png), 2000 * 1200 / 10);
    QFile svg(dir.filePath(QStringLiteral("run.svg")));
    ASSERT_TRUE(svg.open(QIODevice::ReadOnly));
    EXPECT_TRUE(test::checkSvg(svg.readAll()).wellFormed);
    QFile pdf(dir.filePath(QStringLiteral("run.pdf")));
    ASSERT_TRUE(pdf.open(QIODevice::ReadOnly));
    EXPECT_TRUE(test::isWholePdf(pdf.readAll()));
}

TEST(HeadlessFigure, AFileThatCannotBeWrittenIsReportedAndTheOthersAreWritten)
{
    QTemporaryDir dir;
    const QString blocker = dir.filePath(QStringLiteral("file"));
    QFile file(blocker);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.close();
    FigureRequest request;
    request.files = {{FigureFormat::Png, blocker + QStringLiteral("/run.png")},
        {FigureFormat::Svg, dir.filePath(QStringLiteral("run.svg"))}};
    const QStringList errors = writeRunFigures(sampleResult(), request);
    ASSERT_EQ(errors.size(), 1);
    EXPECT_TRUE(errors[0].contains(blocker + QStringLiteral("/run.png"))) << errors[0].toStdString();
    EXPECT_TRUE(QFile::exists(dir.filePath(QStringLiteral("run.svg"))));
}

TEST(HeadlessFigure, AnEmptyRequestDoesNothing)
{
    EXPECT_TRUE(writeRunFigures(sampleResult(), FigureRequest {}).isEmpty());
}

} // namespace
} // namespace conlab
