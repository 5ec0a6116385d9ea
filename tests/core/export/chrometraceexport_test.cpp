#include "core/export/chrometraceexport.h"
#include "core/export/runfile.h"
#include "tests/core/englishof.h"
#include "tests/testfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <map>

using namespace conlab;
using conlab::test::entries;
using conlab::test::writeFile;

namespace {

constexpr std::int64_t origin = 1'000'000'000;

Segment segment(std::int64_t beginNs, std::int64_t endNs, int task, int lane, TaskState state, int core)
{
    Segment s;
    s.beginNs = origin + beginNs;
    s.endNs = origin + endNs;
    s.task = task;
    s.lane = static_cast<std::uint16_t>(lane);
    s.state = state;
    s.core = static_cast<std::int8_t>(core);
    return s;
}

// Names a viewer must show verbatim: a quote, a backslash, control characters, accented Latin, a BMP symbol and
// a character outside the BMP (a surrogate pair in QString, four bytes in UTF-8).
QString quotedLaneName()
{
    return QStringLiteral("worker \"0\"");
}
QString controlLaneName()
{
    return QString::fromUtf8("na\xc3\xafve \xe2\x86\x92 lane\\1\n\t\x01");
}
QString emojiLaneName()
{
    return QString::fromUtf8("GIL \xf0\x9f\x90\x8d");
}

Trace sampleTrace()
{
    Trace trace;
    trace.originNs = origin;
    trace.cores = 2;
    trace.lanes = {
        {quotedLaneName(), LaneKind::Thread},
        {controlLaneName(), LaneKind::Process},
        {emojiLaneName(), LaneKind::Gil},
    };
    trace.segments = {
        segment(0, 1'234'567, 0, 0, TaskState::Running, 1),
        segment(1'234'567, 2'000'000, 0, 0, TaskState::WaitingIo, -1),
        segment(500, 1'500, -1, 1, TaskState::StartingUp, -1),
        segment(2'000'001, 3'000'000, 7, 2, TaskState::WaitingGil, 0),
        segment(-1'500, 0, -1, 1, TaskState::Ready, 3), // began before the run's origin
    };
    const float nan = std::numeric_limits<float>::quiet_NaN();
    trace.cpuSamples = {
        {origin + 100'000'000, {10.5f, 20.25f}},
        {origin + 150'000'000, {nan, 50.0f}},
        {origin + 200'000'000, {100.0f, 0.0f}},
    };
    return trace;
}

// The events are always written as part of a whole run file.
SavedRun saved(const Trace& trace)
{
    return SavedRun {std::make_shared<const Trace>(trace), std::nullopt, std::nullopt};
}

QByteArray chromeTraceJson(const Trace& trace)
{
    return runFileJson(saved(trace));
}

bool writeChromeTrace(const Trace& trace, const QString& path, QString* error)
{
    return writeRunFile(saved(trace), path, test::EnglishOf(error));
}

QJsonObject parse(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString() << " at " << error.offset;
    EXPECT_TRUE(document.isObject());
    return document.object();
}

std::vector<QJsonObject> eventsWithPhase(const QJsonObject& root, const QString& phase)
{
    std::vector<QJsonObject> events;
    for (const QJsonValue& value : root.value(QStringLiteral("traceEvents")).toArray()) {
        const QJsonObject event = value.toObject();
        if (event.value(QStringLiteral("ph")).toString() == phase)
            events.push_back(event);
    }
    return events;
}

std::vector<QJsonObject> metadata(const QJsonObject& root, const QString& name)
{
    std::vector<QJsonObject> events;
    for (const QJsonObject& event : eventsWithPhase(root, QStringLiteral("M"))) {
        if (event.value(QStringLiteral("name")).toString() == name)
            events.push_back(event);
    }
    return events;
}

QString readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace

TEST(ChromeTraceExport, ProducesValidJsonWithTopLevelFields)
{
    const QJsonObject root = parse(chromeTraceJson(sampleTrace()));
    EXPECT_TRUE(root.value(QStringLiteral("traceEvents")).isArray());
    EXPECT_EQ(root.value(QStringLiteral("displayTimeUnit")).toString(), QStringLiteral("ms"));
    const QJsonObject other = root.value(QStringLiteral("otherData")).toObject();
    EXPECT_EQ(other.value(QStringLiteral("generator")).toString(), QStringLiteral("conlab"));
    EXPECT_EQ(other.value(QStringLiteral("cores")).toInt(), 2);
}

TEST(ChromeTraceExport, WritesOneCompleteEventPerSegmentWithExactTimes)
{
    const Trace trace = sampleTrace();
    const std::vector<QJsonObject> events = eventsWithPhase(parse(chromeTraceJson(trace)), QStringLiteral("X"));
    ASSERT_EQ(events.size(), trace.segments.size());

    struct Expected
    {
        const char* name;
        const char* state;
        int tid;
        double ts;
        double dur;
        int task; // -1: absent
        int core; // -1: absent
    };
    const Expected expected[] = {
        {"running", "running on CPU", 1, 0.0, 1234.567, 0, 1},
        {"waiting_io", "waiting for I/O", 1, 1234.567, 765.433, 0, -1},
        {"starting_up", "starting up", 2, 0.5, 1.0, -1, -1},
        {"waiting_gil", "waiting for the GIL", 3, 2000.001, 999.999, 7, 0},
        {"ready", "ready, not running", 2, -1.5, 1.5, -1, 3},
    };
    for (std::size_t i = 0; i < events.size(); ++i) {
        SCOPED_TRACE(i);
        const QJsonObject& event = events[i];
        const Expected& want = expected[i];
        EXPECT_EQ(event.value(QStringLiteral("name")).toString(), QLatin1String(want.name));
        EXPECT_EQ(event.value(QStringLiteral("cat")).toString(), QStringLiteral("task"));
        EXPECT_EQ(event.value(QStringLiteral("pid")).toInt(), 1);
        EXPECT_EQ(event.value(QStringLiteral("tid")).toInt(), want.tid);
        EXPECT_EQ(event.value(QStringLiteral("ts")).toDouble(), want.ts);
        EXPECT_EQ(event.value(QStringLiteral("dur")).toDouble(), want.dur);
        const QJsonObject args = event.value(QStringLiteral("args")).toObject();
        EXPECT_EQ(args.value(QStringLiteral("state")).toString(), QLatin1String(want.state));
        if (want.task < 0) {
            EXPECT_FALSE(args.contains(QStringLiteral("task")));
        } else {
            EXPECT_EQ(args.value(QStringLiteral("task")).toInt(-100), want.task);
        }
        if (want.core < 0) {
            EXPECT_FALSE(args.contains(QStringLiteral("core")));
        } else {
            EXPECT_EQ(args.value(QStringLiteral("core")).toInt(-100), want.core);
        }
    }
}

TEST(ChromeTraceExport, WritesTimesWithThreeDecimals)
{
    const QByteArray json = chromeTraceJson(sampleTrace());
    EXPECT_TRUE(json.contains("\"ts\":0.000,\"dur\":1234.567,"));
    EXPECT_TRUE(json.contains("\"ts\":2000.001,\"dur\":999.999,"));
    EXPECT_TRUE(json.contains("\"ts\":-1.500,\"dur\":1.500,"));
}

TEST(ChromeTraceExport, KeepsNanosecondPrecisionFarFromOrigin)
{
    Trace trace;
    trace.originNs = 0;
    // Eleven days in: a double in microseconds would still hold this, but only barely; the text must be exact.
    Segment s;
    s.beginNs = 950'400'000'000'001;
    s.endNs = 950'400'000'000'002;
    trace.segments = {s};
    const QByteArray json = chromeTraceJson(trace);
    const QByteArray head = "\"ts\":950400000000.001,\"dur\":";
    const qsizetype at = json.indexOf(head);
    ASSERT_GE(at, 0) << json.constData();
    // Here the doubles are 0.12 ns apart, so the duration may be written a hair short of 0.001 for the viewers'
    // sake (chrometraceexport.cpp); it still reads back as exactly 1 ns.
    const QByteArray dur = json.mid(at + head.size(), json.indexOf(',', at + head.size()) - at - head.size());
    EXPECT_LT(std::abs(dur.toDouble() * 1000.0 - 1.0), 0.5) << dur.constData();
}

TEST(ChromeTraceExport, NamesProcessesAndLanesInOrder)
{
    const Trace trace = sampleTrace();
    const QJsonObject root = parse(chromeTraceJson(trace));

    std::map<int, QString> processNames;
    for (const QJsonObject& event : metadata(root, QStringLiteral("process_name")))
        processNames[event.value(QStringLiteral("pid")).toInt()]
            = event.value(QStringLiteral("args")).toObject().value(QStringLiteral("name")).toString();
    EXPECT_EQ(processNames.size(), 2u);
    EXPECT_EQ(processNames[1], QStringLiteral("conlab run"));
    EXPECT_EQ(processNames[2], QStringLiteral("CPU utilisation"));

    const std::vector<QJsonObject> names = metadata(root, QStringLiteral("thread_name"));
    const std::vector<QJsonObject> sortIndices = metadata(root, QStringLiteral("thread_sort_index"));
    ASSERT_EQ(names.size(), trace.lanes.size());
    ASSERT_EQ(sortIndices.size(), trace.lanes.size());
    for (std::size_t i = 0; i < trace.lanes.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_EQ(names[i].value(QStringLiteral("pid")).toInt(), 1);
        EXPECT_EQ(names[i].value(QStringLiteral("tid")).toInt(), static_cast<int>(i) + 1);
        EXPECT_EQ(names[i].value(QStringLiteral("args")).toObject().value(QStringLiteral("name")).toString(),
            trace.lanes[i].name);
        EXPECT_EQ(sortIndices[i].value(QStringLiteral("pid")).toInt(), 1);
        EXPECT_EQ(sortIndices[i].value(QStringLiteral("tid")).toInt(), static_cast<int>(i) + 1);
        EXPECT_EQ(sortIndices[i].value(QStringLiteral("args")).toObject().value(QStringLiteral("sort_index")).toInt(-1),
            static_cast<int>(i));
    }
}

TEST(ChromeTraceExport, EscapesLaneNamesAndKeepsUtf8)
{
    const QByteArray json = chromeTraceJson(sampleTrace());
    EXPECT_TRUE(json.contains(R"("name":"worker \"0\"")"));
    EXPECT_TRUE(json.contains("na\xc3\xafve \xe2\x86\x92 lane\\\\1\\n\\t\\u0001"));
    EXPECT_TRUE(json.contains("GIL \xf0\x9f\x90\x8d"));
    // No raw control character may survive inside a string; newlines between events are fine.
    for (const char c : json) {
        const auto byte = static_cast<unsigned char>(c);
        EXPECT_TRUE(byte >= 0x20 || c == '\n') << "raw control byte " << int(byte);
    }
}

TEST(ChromeTraceExport, WritesCounterEventsWithoutNan)
{
    const QJsonObject root = parse(chromeTraceJson(sampleTrace()));
    std::vector<QJsonObject> perCore;
    std::vector<QJsonObject> averages;
    for (const QJsonObject& event : eventsWithPhase(root, QStringLiteral("C"))) {
        EXPECT_EQ(event.value(QStringLiteral("pid")).toInt(), 2);
        const QString name = event.value(QStringLiteral("name")).toString();
        if (name == QStringLiteral("cpu utilisation"))
            perCore.push_back(event);
        else if (name == QStringLiteral("average"))
            averages.push_back(event);
        else
            ADD_FAILURE() << "unexpected counter " << name.toStdString();
        const QJsonObject args = event.value(QStringLiteral("args")).toObject();
        EXPECT_FALSE(args.isEmpty());
        for (auto it = args.begin(); it != args.end(); ++it) {
            EXPECT_TRUE(it.value().isDouble()) << it.key().toStdString();
            EXPECT_TRUE(std::isfinite(it.value().toDouble())) << it.key().toStdString();
        }
    }
    ASSERT_EQ(perCore.size(), 3u);
    ASSERT_EQ(averages.size(), 3u);

    const auto arg = [](const QJsonObject& event, const char* key) {
        return event.value(QStringLiteral("args")).toObject().value(QLatin1String(key));
    };
    EXPECT_EQ(perCore[0].value(QStringLiteral("ts")).toDouble(), 100000.0);
    EXPECT_EQ(arg(perCore[0], "cpu0").toDouble(), 10.5);
    EXPECT_EQ(arg(perCore[0], "cpu1").toDouble(), 20.25);
    // The NaN core is left out, not written as 0.
    EXPECT_EQ(perCore[1].value(QStringLiteral("ts")).toDouble(), 150000.0);
    EXPECT_FALSE(perCore[1].value(QStringLiteral("args")).toObject().contains(QStringLiteral("cpu0")));
    EXPECT_EQ(arg(perCore[1], "cpu1").toDouble(), 50.0);
    EXPECT_EQ(arg(perCore[2], "cpu0").toDouble(), 100.0);
    EXPECT_EQ(arg(perCore[2], "cpu1").toDouble(), 0.0);

    EXPECT_EQ(arg(averages[0], "percent").toDouble(), 15.375);
    EXPECT_EQ(arg(averages[1], "percent").toDouble(), 50.0);
    EXPECT_EQ(arg(averages[2], "percent").toDouble(), 50.0);
    EXPECT_EQ(averages[1].value(QStringLiteral("ts")).toDouble(), 150000.0);
}

TEST(ChromeTraceExport, SkipsSampleWithNoCoreData)
{
    Trace trace;
    trace.originNs = origin;
    const float nan = std::numeric_limits<float>::quiet_NaN();
    trace.cpuSamples = {{origin + 1000, {nan, nan}}};
    const QJsonObject root = parse(chromeTraceJson(trace));
    EXPECT_TRUE(eventsWithPhase(root, QStringLiteral("C")).empty());
}

TEST(ChromeTraceExport, EmptyTraceIsValid)
{
    const QJsonObject root = parse(chromeTraceJson(Trace {}));
    EXPECT_TRUE(eventsWithPhase(root, QStringLiteral("X")).empty());
    EXPECT_EQ(metadata(root, QStringLiteral("process_name")).size(), 2u);
    EXPECT_EQ(root.value(QStringLiteral("otherData")).toObject().value(QStringLiteral("cores")).toInt(-1), 0);
}

TEST(ChromeTraceExport, UnknownStateStillExports)
{
    Trace trace;
    trace.originNs = origin;
    trace.segments = {segment(0, 10, 1, 0, static_cast<TaskState>(200), 0)};
    const std::vector<QJsonObject> events = eventsWithPhase(parse(chromeTraceJson(trace)), QStringLiteral("X"));
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].value(QStringLiteral("name")).toString(), QStringLiteral("unknown"));
}

TEST(ChromeTraceExport, WriteChromeTraceWritesTheJson)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("trace.json"));
    const Trace trace = sampleTrace();
    QString error;
    ASSERT_TRUE(writeChromeTrace(trace, path, &error)) << error.toStdString();
    EXPECT_TRUE(error.isEmpty());
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), chromeTraceJson(trace));
    EXPECT_EQ(entries(dir.path()), QStringList {QStringLiteral("trace.json")});
}

TEST(ChromeTraceExport, WriteChromeTraceStreamsLargeTraceIdentically)
{
    // Several MB of events and a lane name longer than the file writer's 1 MiB window.
    Trace trace = sampleTrace();
    trace.lanes.push_back({QString(1'500'000, QLatin1Char('x')), LaneKind::Thread});
    for (int i = 0; i < 40'000; ++i)
        trace.segments.push_back(
            segment(i * 1000LL, i * 1000LL + 999, i, i % 4, allTaskStates[i % taskStateCount], i % 3 ? i % 16 : -1));
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("trace.json"));
    QString error;
    ASSERT_TRUE(writeChromeTrace(trace, path, &error)) << error.toStdString();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    const QByteArray expected = chromeTraceJson(trace);
    EXPECT_GT(expected.size(), 5 * 1024 * 1024);
    EXPECT_TRUE(written == expected);
    EXPECT_EQ(eventsWithPhase(parse(written), QStringLiteral("X")).size(), trace.segments.size());
}

TEST(ChromeTraceExport, WriteChromeTraceReplacesExistingFile)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("trace.json"));
    ASSERT_TRUE(writeFile(path, "old"));
    QString error;
    ASSERT_TRUE(writeChromeTrace(sampleTrace(), path, &error)) << error.toStdString();
    parse(readFile(path).toUtf8());
    EXPECT_EQ(entries(dir.path()), QStringList {QStringLiteral("trace.json")});
}

TEST(ChromeTraceExport, WriteChromeTraceFailsForMissingDirectory)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString missingDir = dir.filePath(QStringLiteral("missing"));
    const QString path = missingDir + QStringLiteral("/trace.json");
    QString error;
    EXPECT_FALSE(writeChromeTrace(sampleTrace(), path, &error));
    EXPECT_TRUE(error.contains(QDir::toNativeSeparators(path))) << error.toStdString();
    EXPECT_GT(error.size(), QDir::toNativeSeparators(path).size() + 20) << "no reason given: " << error.toStdString();
    EXPECT_FALSE(QFileInfo::exists(missingDir));
    EXPECT_TRUE(entries(dir.path()).isEmpty());
    // The caller may not care why.
    EXPECT_FALSE(writeChromeTrace(sampleTrace(), path, nullptr));
}

TEST(ChromeTraceExport, WriteChromeTraceFailsWhenPathIsADirectory)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("trace.json"));
    ASSERT_TRUE(QDir(dir.path()).mkdir(QStringLiteral("trace.json")));
    QString error;
    EXPECT_FALSE(writeChromeTrace(sampleTrace(), path, &error));
    EXPECT_TRUE(error.contains(QDir::toNativeSeparators(path))) << error.toStdString();
    EXPECT_TRUE(QFileInfo(path).isDir());
    EXPECT_EQ(entries(dir.path()), QStringList {QStringLiteral("trace.json")});
}

// Disk full, a full device and a read-only folder: tests/core/export/outputfile_test.cpp, for every export.
