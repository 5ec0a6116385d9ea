#include "tests/app/runconlab.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>

// `conlab open FILE`: a trace read headless, what it holds and what was skipped on stdout, its CSV and figures as a
// run writes them.
namespace {

using conlab::test::runConlab;

QString perfetto(const char* name)
{
    return QStringLiteral(CONLAB_TEST_DATA_DIR "/core/import/fixtures/perfetto/") + QLatin1String(name);
}

QJsonObject jsonOf(const conlab::test::CliResult& result)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << result.out.toStdString();
    return document.object();
}

} // namespace

TEST(OpenCommand, PrintsLanesCountersSpanAndSkippedEventsAsJson)
{
    const auto result = runConlab({QStringLiteral("open"), perfetto("extreme_vals.json"), QStringLiteral("--json")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QJsonObject json = jsonOf(result);
    EXPECT_EQ(json[QStringLiteral("kind")].toString(), QStringLiteral("foreign trace"));
    const QJsonArray lanes = json[QStringLiteral("lanes")].toArray();
    ASSERT_EQ(lanes.size(), 2);
    EXPECT_EQ(lanes[0].toObject()[QStringLiteral("name")].toString(), QStringLiteral("pid 100 / tid 102"));
    EXPECT_EQ(json[QStringLiteral("segments")].toInt(), 2);
    EXPECT_EQ(json[QStringLiteral("events")].toInt(), 4);
    // From 1100 us (the first slice) to 1350 us.
    EXPECT_DOUBLE_EQ(json[QStringLiteral("time_span_ms")][QStringLiteral("duration")].toDouble(), 0.25);
    const QJsonArray skipped = json[QStringLiteral("skipped")].toArray();
    ASSERT_EQ(skipped.size(), 1);
    EXPECT_EQ(skipped[0][QStringLiteral("reason")].toString(), QStringLiteral("x-without-dur"));
    EXPECT_EQ(skipped[0][QStringLiteral("count")].toInt(), 1);
    EXPECT_EQ(skipped[0][QStringLiteral("first_line")].toInt(), 2);
    EXPECT_EQ(json[QStringLiteral("skipped_events")].toInt(), 1);
    EXPECT_FALSE(json[QStringLiteral("ended_early")].toBool());

    const auto counters = runConlab({QStringLiteral("open"), perfetto("metadata.json"), QStringLiteral("--json")});
    ASSERT_EQ(counters.exitCode, 0) << counters.err.toStdString();
    EXPECT_EQ(jsonOf(counters)[QStringLiteral("counters")].toArray().size(), 3);
}

TEST(OpenCommand, SaysInEnglishWhatWasSkippedAndWhyNothingIsDrawn)
{
    auto result = runConlab({QStringLiteral("open"), perfetto("extreme_vals.json")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.out.contains("1 event skipped: X without dur (first at line 2)")) << result.out.toStdString();

    result = runConlab({QStringLiteral("open"), perfetto("async.json"), QStringLiteral("--json")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_EQ(jsonOf(result)[QStringLiteral("why_empty")].toString(),
        QStringLiteral("The file holds 6 events, of phases b, e, which conlab does not draw."));
}

TEST(OpenCommand, WritesCsvAndFiguresLikeARun)
{
    QTemporaryDir dir;
    const QString segments = dir.filePath(QStringLiteral("segments.csv"));
    const QString samples = dir.filePath(QStringLiteral("samples.csv"));
    const QString png = dir.filePath(QStringLiteral("trace.png"));
    const auto result = runConlab({QStringLiteral("open"), perfetto("metadata.json"), QStringLiteral("--segments-csv"),
        segments, QStringLiteral("--samples-csv"), samples, QStringLiteral("--png"), png});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    QFile csv(segments);
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    const QByteArray text = csv.readAll();
    EXPECT_EQ(text.count('\n'), 5) << text.toStdString(); // a header and four slices
    EXPECT_TRUE(text.contains("PidOnlyEvent")) << text.toStdString();
    EXPECT_TRUE(QFile::exists(samples));
    const QImage image(png);
    ASSERT_FALSE(image.isNull());
    EXPECT_GT(image.width(), 800);
}

TEST(OpenCommand, ExitCodesSayOpenedRefusedOrBadOptions)
{
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    {
        QFile file(bad);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("{\"traceEvents\": 42}");
    }
    auto result = runConlab({QStringLiteral("open"), bad});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.contains("line 1, column 17: \"traceEvents\" must be an array, found a number."))
        << result.err.toStdString();
    EXPECT_TRUE(result.out.isEmpty());

    result = runConlab({QStringLiteral("open")});
    EXPECT_EQ(result.exitCode, 2);
    result = runConlab({QStringLiteral("open"), perfetto("metadata.json"), QStringLiteral("--frobnicate")});
    EXPECT_EQ(result.exitCode, 2);
    result = runConlab({QStringLiteral("open"), perfetto("metadata.json"), QStringLiteral("--scale"),
        QStringLiteral("3"), QStringLiteral("--png"), dir.filePath(QStringLiteral("x.png"))});
    EXPECT_EQ(result.exitCode, 2);
}
