#include "tests/app/runconlab.h"
#include "tests/figurefiles.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>

// `conlab FILE.json`: the window opens the file at start; with --screenshot and --exit-when-done it photographs it and
// quits, which is how the README's pictures of opened files are made.
namespace {

using Result = conlab::test::CliResult;

// The window on a display that needs no server, with settings (recent files) in a folder of the test's own.
Result runConlab(const QStringList& arguments, const QTemporaryDir& home)
{
    return conlab::test::runConlab(arguments, conlab::test::offscreenEnvironment(home.path()), 120'000);
}

QString fixture(const char* name)
{
    return QStringLiteral(CONLAB_TEST_DATA_DIR "/core/import/fixtures/") + QLatin1String(name);
}

// A screenshot of the whole window with plots drawn: many colours, much ink.
void expectWindowPicture(const QString& path)
{
    const QImage image(path);
    ASSERT_FALSE(image.isNull()) << path.toStdString();
    // The window opens no larger than its screen, and the offscreen screen is 800 px wide.
    EXPECT_GE(image.width(), 800);
    EXPECT_GT(image.height(), 500);
    EXPECT_GT(conlab::test::inkPixels(image), image.width() * image.height() / 4);
}

} // namespace

TEST(OpenCli, OpensASavedRunAndPhotographsIt)
{
    QTemporaryDir dir;
    const QString run = dir.filePath(QStringLiteral("run.json"));
    QProcess headless;
    headless.start(QStringLiteral(CONLAB_BINARY),
        {QStringLiteral("run"), QStringLiteral("--model"), QStringLiteral("threads"), QStringLiteral("--tasks"),
            QStringLiteral("4"), QStringLiteral("--workers"), QStringLiteral("2"), QStringLiteral("--cpu-ms"),
            QStringLiteral("30"), QStringLiteral("--trace"), run});
    ASSERT_TRUE(headless.waitForFinished(60'000));
    ASSERT_EQ(headless.exitCode(), 0) << headless.readAllStandardError().toStdString();

    const QString png = dir.filePath(QStringLiteral("run.png"));
    const Result result
        = runConlab({run, QStringLiteral("--screenshot"), png, QStringLiteral("--exit-when-done")}, dir);
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    expectWindowPicture(png);
}

TEST(OpenCli, OpensATraceFromAnotherTool)
{
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("foreign.png"));
    const Result result = runConlab(
        {fixture("foreign-object.json"), QStringLiteral("--screenshot"), png, QStringLiteral("--exit-when-done")}, dir);
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    expectWindowPicture(png);
}

TEST(OpenCli, ABadFileExitsWith1AndTheReadersMessage)
{
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile file(bad);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    // Not JSON (a comma missing on line 2): a bad event alone would be skipped and the file opened.
    file.write("{\"traceEvents\": [\n  {\"ph\": \"X\" \"ts\": 1}\n]}\n");
    file.close();
    const QString png = dir.filePath(QStringLiteral("bad.png"));
    const Result result
        = runConlab({bad, QStringLiteral("--screenshot"), png, QStringLiteral("--exit-when-done")}, dir);
    EXPECT_EQ(result.exitCode, 1);
    QByteArray own;
    for (const QByteArray& line : result.err.split('\n')) {
        if (line.startsWith("conlab:"))
            own += line;
    }
    EXPECT_TRUE(own.contains("bad.json")) << result.err.toStdString();
    EXPECT_TRUE(own.contains("line 2")) << result.err.toStdString();
    EXPECT_FALSE(QFile::exists(png)) << "no picture of a file that was not opened";
}

TEST(OpenCli, AFileThatIsNotThereOrAnOptionThatDoesNotFitExitsWith2)
{
    QTemporaryDir dir;
    Result result = runConlab({dir.filePath(QStringLiteral("nothing.json"))}, dir);
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains("nothing.json")) << result.err.toStdString();

    result = runConlab({fixture("foreign-object.json"), QStringLiteral("--autorun")}, dir);
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains("--autorun")) << result.err.toStdString();

    // Several files open in a window each (a file manager's selection), but a scripted window photographs one.
    result = runConlab(
        {fixture("foreign-object.json"), fixture("foreign-array.json"), QStringLiteral("--exit-when-done")}, dir);
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains("opens one file")) << result.err.toStdString();
}
