#include "tests/figurefiles.h"
#include "tests/filefaults.h"
#include "tests/ui/export/sampletrace.h"
#include "ui/export/renderedfigure.h"
#include "ui/plots/statepalette.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace conlab {
namespace {

using test::SamplePlots;

constexpr QSize figureSize(1200, 700);

using test::readAll;

TEST(RenderedFigure, PngDecodesAtItsSizeAndShowsTheStateColours)
{
    SamplePlots plots(test::sampleTrace());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("figure.png"));
    QString error;
    ASSERT_TRUE(writeFigure(plots.figure(), FigureFormat::Png, figureSize, 1, path, &error)) << error.toStdString();

    const QImage image(path);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), figureSize);
    EXPECT_GT(test::inkPixels(image), figureSize.width() * figureSize.height() / 10);
    // Segments are much larger than the legend's swatches (28 x 14 pixels each).
    for (TaskState state : {TaskState::Running, TaskState::WaitingIo})
        EXPECT_GT(test::pixelsOf(image, stateColor(state)), 5000) << taskStateKey(state).toStdString();
    EXPECT_GT(test::pixelsOf(image, averageColor()), 200); // the utilisation's average line
}

TEST(RenderedFigure, TwiceTheScaleIsTwiceTheSizeAndDrawnAtThatResolution)
{
    SamplePlots plots(test::sampleTrace());
    const Figure figure = plots.figure();
    const RenderedFigure one = RenderedFigure::render(figure, FigureFormat::Png, figureSize, 1);
    const RenderedFigure two = RenderedFigure::render(figure, FigureFormat::Png, figureSize, 2);
    const RenderedFigure four = RenderedFigure::render(figure, FigureFormat::Png, figureSize, 4);
    ASSERT_EQ(one.image().size(), figureSize);
    ASSERT_EQ(two.image().size(), figureSize * 2);
    ASSERT_EQ(four.image().size(), figureSize * 4);
    // Documents place it at its logical size: the resolution doubles with the pixels.
    EXPECT_NEAR(double(two.image().dotsPerMeterX()) / one.image().dotsPerMeterX(), 2.0, 0.01);

    // The same picture, so the colours cover about four times the pixels...
    const int runningOne = test::pixelsOf(one.image(), stateColor(TaskState::Running));
    const int runningTwo = test::pixelsOf(two.image(), stateColor(TaskState::Running));
    EXPECT_NEAR(double(runningTwo) / runningOne, 4.0, 0.6);
    // ...but drawn afresh, not the 1x pixels enlarged: text and edges differ from a pixel-doubled copy.
    const QImage doubled = one.image().scaled(figureSize * 2, Qt::IgnoreAspectRatio, Qt::FastTransformation);
    const QImage drawn = two.image().convertToFormat(doubled.format());
    int different = 0;
    for (int y = 0; y < drawn.height(); ++y) {
        for (int x = 0; x < drawn.width(); ++x)
            different += drawn.pixel(x, y) != doubled.pixel(x, y);
    }
    EXPECT_GT(different, drawn.width() * drawn.height() / 200);
}

TEST(RenderedFigure, SvgIsWellFormedXmlThatDrawsTheFigure)
{
    SamplePlots plots(test::sampleTrace());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("figure.svg"));
    QString error;
    ASSERT_TRUE(writeFigure(plots.figure(), FigureFormat::Svg, figureSize, 1, path, &error)) << error.toStdString();
    const QByteArray svg = readAll(path);
    const test::SvgCheck check = test::checkSvg(svg);
    EXPECT_TRUE(check.wellFormed) << check.error.toStdString();
    EXPECT_EQ(check.root, QStringLiteral("svg"));
    EXPECT_GT(check.drawingElements, 100);
    EXPECT_GT(check.textElements, 10); // caption, legend, lane names, tick labels: text, not pixels
    EXPECT_TRUE(svg.contains("viewBox=\"0 0 1200 700\""));
    EXPECT_TRUE(svg.contains("Threads")) << "the caption";
}

TEST(RenderedFigure, PdfIsOneWholePageOfTheFiguresSize)
{
    SamplePlots plots(test::sampleTrace());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("figure.pdf"));
    QString error;
    ASSERT_TRUE(writeFigure(plots.figure(), FigureFormat::Pdf, figureSize, 1, path, &error)) << error.toStdString();
    const QByteArray pdf = readAll(path);
    EXPECT_TRUE(test::isWholePdf(pdf));
    EXPECT_GT(pdf.size(), 10'000);
    // 1200 x 700 pixels at 96 dpi are 900 x 525 points.
    static const QRegularExpression mediaBox(QStringLiteral("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]"));
    const QRegularExpressionMatch box = mediaBox.match(QString::fromLatin1(pdf));
    ASSERT_TRUE(box.hasMatch());
    EXPECT_NEAR(box.captured(1).toDouble(), 900.0, 1.0);
    EXPECT_NEAR(box.captured(2).toDouble(), 525.0, 1.0);
    EXPECT_EQ(pdf.count("/Type /Page\n") + pdf.count("/Type /Page\r") + pdf.count("/Type /Page "), 1);
}

TEST(RenderedFigure, AFailedWriteNamesTheFileAndTheReasonAndLeavesWhatWasThere)
{
    SamplePlots plots(test::sampleTrace());
    QTemporaryDir dir;
    // A path below a regular file cannot be created, whoever runs the test.
    const QString blocker = dir.filePath(QStringLiteral("not-a-folder"));
    {
        QFile file(blocker);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("keep me");
    }
    const QString path = blocker + QStringLiteral("/figure.png");
    for (FigureFormat format : allFigureFormats) {
        QString error;
        EXPECT_FALSE(writeFigure(plots.figure(), format, figureSize, 1, path, &error));
        EXPECT_TRUE(error.contains(path)) << error.toStdString();
        EXPECT_TRUE(error.startsWith(QStringLiteral("Could not write the picture"))) << error.toStdString();
        EXPECT_FALSE(error.endsWith(QStringLiteral(": ."))) << "a reason is given: " << error.toStdString();
    }
    EXPECT_EQ(readAll(blocker), QByteArray("keep me"));

    // A picture that could not be drawn is not written over an existing file either.
    const QString existing = dir.filePath(QStringLiteral("old.png"));
    QString error;
    ASSERT_TRUE(writeFigure(plots.figure(), FigureFormat::Png, figureSize, 1, existing, &error));
    const QByteArray before = readAll(existing);
    EXPECT_FALSE(RenderedFigure().write(existing, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("could not be drawn"))) << error.toStdString();
    EXPECT_EQ(readAll(existing), before);
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files).size(), 2) << "no temporary file is left behind";
}

// The faults a save meets (tests/filefaults.h), for every picture format: a clear message naming the file and the
// reason, the old file as it was, and no temporary file left behind.
class FigureFaults : public ::testing::TestWithParam<FigureFormat>
{
};

void expectNamedError(const QString& error, const QString& path, const QString& reason)
{
    const QString start = QStringLiteral("Could not write the picture %1: ").arg(path);
    EXPECT_TRUE(error.startsWith(start)) << error.toStdString();
    EXPECT_TRUE(error.endsWith(reason + QLatin1Char('.'))) << error.toStdString();
}

TEST_P(FigureFaults, DiskFullLeavesTheOldPicture)
{
    SamplePlots plots(test::sampleTrace());
    // Rendered first: drawing a PNG's pixels needs no disk, only its writing does.
    const RenderedFigure figure = RenderedFigure::render(plots.figure(), GetParam(), figureSize, 2);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("figure"));
    ASSERT_TRUE(test::writeFile(path, "old picture"));
    QString error;
    bool written = true;
    {
        // Every format of this figure is larger than 4 KiB.
        const test::FileSizeLimit disk(4 * 1024);
        ASSERT_TRUE(disk.ok());
        written = figure.write(path, &error);
    }
    EXPECT_FALSE(written);
    expectNamedError(error, path, QStringLiteral("File too large"));
    EXPECT_EQ(readAll(path), QByteArray("old picture"));
    EXPECT_EQ(test::entries(dir.path()), QStringList {QStringLiteral("figure")});
    EXPECT_TRUE(figure.write(path, &error)) << error.toStdString();
}

TEST_P(FigureFaults, AFullDeviceSaysNoSpace)
{
    SamplePlots plots(test::sampleTrace());
    const RenderedFigure figure = RenderedFigure::render(plots.figure(), GetParam(), figureSize, 1);
    QTemporaryDir dir;
    const std::optional<QString> full = test::fullDevice(dir);
    if (!full)
        GTEST_SKIP() << "no full device: as root, device nodes cannot be made in " << dir.path().toStdString();
    QString error;
    EXPECT_FALSE(figure.write(*full, &error));
    expectNamedError(error, *full, QStringLiteral("No space left on device"));
    EXPECT_TRUE(test::isCharacterDevice(*full)) << "the device was replaced by a file";
}

TEST_P(FigureFaults, AReadOnlyFolderLeavesTheOldPicture)
{
    SamplePlots plots(test::sampleTrace());
    const RenderedFigure figure = RenderedFigure::render(plots.figure(), GetParam(), figureSize, 1);
    const test::ReadOnlyFolder folder({QStringLiteral("figure")});
    ASSERT_TRUE(folder.ok());
    QString error;
    bool written = true;
    {
        const test::AsOrdinaryUser user;
        ASSERT_TRUE(user.ok());
        written = figure.write(folder.filePath(QStringLiteral("figure")), &error);
    }
    EXPECT_FALSE(written);
    expectNamedError(error, folder.filePath(QStringLiteral("figure")), QStringLiteral("Permission denied"));
    EXPECT_TRUE(folder.untouched());
}

INSTANTIATE_TEST_SUITE_P(EveryFormat, FigureFaults, ::testing::ValuesIn(allFigureFormats),
    [](const ::testing::TestParamInfo<FigureFormat>& instance) {
        return figureFormatKey(instance.param).toStdString();
    });

} // namespace
} // namespace conlab
