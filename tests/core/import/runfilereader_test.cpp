#include "core/export/runfile.h"
#include "core/import/runfilereader.h"
#include "tests/core/tracecompare.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <limits>

using namespace conlab;
using conlab::test::expectSameTrace;

namespace {

constexpr float noData = std::numeric_limits<float>::quiet_NaN();

QString fixture(const char* name)
{
    return QStringLiteral(CONLAB_TEST_DATA_DIR "/core/import/fixtures/") + QLatin1String(name);
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

Segment segment(std::int64_t beginUs, std::int64_t endUs, int task, int lane, TaskState state)
{
    return Segment {beginUs * 1000, endUs * 1000, task, std::uint16_t(lane), state, -1};
}

// The error a text gives; empty when it opened.
QString errorOf(const QByteArray& json, const RunFileLimits& limits = {})
{
    QString error;
    const std::optional<SavedRun> run = parseRunFile(json, QStringLiteral("t.json"), &error, limits);
    EXPECT_EQ(run.has_value(), error.isEmpty()) << error.toStdString();
    return run ? QString() : error;
}

QByteArray events(const QByteArray& list)
{
    return "{\"traceEvents\":[" + list + "]}";
}

// Where `needle` first starts, as "line L, column C": columns count characters, not bytes.
QString positionOf(const QByteArray& json, const QByteArray& needle)
{
    const qsizetype at = json.indexOf(needle);
    EXPECT_GE(at, 0) << needle.toStdString();
    const qsizetype lineStart = json.lastIndexOf('\n', at - 1) + 1;
    qsizetype column = 1;
    for (qsizetype i = lineStart; i < at; ++i)
        column += (static_cast<unsigned char>(json[i]) & 0xc0) != 0x80;
    return QStringLiteral("line %1, column %2").arg(json.left(at).count('\n') + 1).arg(column);
}

void expectError(const QByteArray& json, const QByteArray& at, const QString& problem, const RunFileLimits& limits = {})
{
    const QString expected = QStringLiteral("t.json, %1: %2.").arg(positionOf(json, at), problem);
    EXPECT_EQ(errorOf(json, limits).toStdString(), expected.toStdString());
}

// Another tool's file with one bad event opens; the event is counted under its reason, with where it is and what
// exactly is wrong with it.
void expectSkipped(const QByteArray& json, const QByteArray& at, SkipReason reason, const QString& problem)
{
    QString error;
    const std::optional<SavedRun> run = parseRunFile(json, QStringLiteral("t.json"), &error);
    ASSERT_TRUE(run) << error.toStdString();
    const SkippedEvents& skipped = run->import.skipped[std::size_t(reason)];
    EXPECT_EQ(skipped.count, 1) << json.toStdString();
    EXPECT_EQ(skipped.firstDetail.toStdString(), problem.toStdString());
    EXPECT_EQ(
        QStringLiteral("line %1, column %2").arg(skipped.firstLine).arg(skipped.firstColumn), positionOf(json, at))
        << problem.toStdString();
}

QByteArray conlabJson()
{
    Trace trace;
    trace.originNs = 1'000'000;
    trace.cores = 2;
    trace.lanes = {{QStringLiteral("thread 1"), LaneKind::Thread}, {QStringLiteral("GIL"), LaneKind::Gil}};
    trace.segments
        = {{1'000'000, 2'000'000, 0, 0, TaskState::Running, 1}, {1'500'000, 2'500'000, 0, 1, TaskState::Running, -1}};
    trace.instants = {{1'200'000, 0, InstantKind::GilDropRequest}};
    trace.cpuSamples = {{1'100'000, {50.0f, noData}}};
    RunSummary summary;
    summary.wallMs = 1.5;
    summary.startedAt = QDateTime(QDate(2026, 12, 1), QTime(10, 30), Qt::OffsetFromUTC, 3600);
    return runFileJson(SavedRun {std::make_shared<const Trace>(trace), summary, std::nullopt});
}

} // namespace

TEST(RunFileReader, ForeignObjectFormWithNestingCountersAndSortOrder)
{
    QString error;
    const std::optional<SavedRun> run = readRunFile(fixture("foreign-object.json"), &error);
    ASSERT_TRUE(run) << error.toStdString();
    EXPECT_FALSE(run->summary);
    EXPECT_FALSE(run->baseline);

    Trace expected;
    expected.originNs = 100'000;
    // Renderer (sort index -1) before Browser; in Renderer, worker (sort index -5) before main.
    expected.lanes = {{QStringLiteral("Renderer / worker"), LaneKind::Thread},
        {QStringLiteral("Renderer / main"), LaneKind::Thread}, {QStringLiteral("Browser / tid 9"), LaneKind::Thread}};
    expected.segments = {
        Segment {105'500, 155'750, 0, 0, TaskState::Running, -1},
        // frame > layout > read file, B/E and X mixed; the stray E at 210 changes nothing.
        segment(100, 120, 1, 1, TaskState::Running),
        segment(120, 130, 2, 1, TaskState::Running),
        segment(130, 140, 3, 1, TaskState::WaitingIo), // args.state
        segment(140, 150, 2, 1, TaskState::Running),
        segment(150, 200, 1, 1, TaskState::Running),
        // Never closed: it lasts until the trace's last moment; "ready" comes from its name.
        segment(110, 210, 4, 2, TaskState::Ready),
    };
    expected.taskNames = {QStringLiteral("compute"), QStringLiteral("frame"), QStringLiteral("layout"),
        QStringLiteral("read file"), QStringLiteral("idle_wait (ready)")};
    // memory has two arguments, queue one; each keeps its value until its next event.
    expected.counterNames = {QStringLiteral("memory.heap"), QStringLiteral("memory.gpu"), QStringLiteral("queue")};
    expected.cpuSamples
        = {{100'000, {10.0f, 2.5f, noData}}, {150'000, {10.0f, 2.5f, 3.0f}}, {200'000, {12.0f, 2.5f, 3.0f}}};
    expectSameTrace(expected, *run->trace);
}

TEST(RunFileReader, ForeignArrayFormWithoutItsClosingBracket)
{
    const QByteArray json = readAll(fixture("foreign-array.json"));
    ASSERT_TRUE(json.trimmed().endsWith(",")) << "the fixture should be cut off after an event";
    QString error;
    const std::optional<SavedRun> run = parseRunFile(json, QStringLiteral("foreign-array.json"), &error);
    ASSERT_TRUE(run) << error.toStdString();
    Trace expected;
    expected.lanes = {{QStringLiteral("pid 1 / loop"), LaneKind::Thread}};
    expected.segments = {segment(0, 200, 0, 0, TaskState::Running), segment(200, 500, 1, 0, TaskState::BlockingLoop),
        segment(500, 1000, 0, 0, TaskState::Running)};
    expected.taskNames = {QStringLiteral("poll"), QStringLiteral("callback")};
    expected.counterNames = {QStringLiteral("fps")};
    expected.cpuSamples = {{500'000, {60.0f}}};
    expectSameTrace(expected, *run->trace);

    // The same with its bracket, and without the trailing comma.
    const QByteArray closed = json.trimmed().chopped(1) + "]";
    ASSERT_TRUE(parseRunFile(closed, QStringLiteral("closed.json"), &error)) << error.toStdString();
    ASSERT_TRUE(parseRunFile(json.trimmed().chopped(1), QStringLiteral("cut.json"), &error)) << error.toStdString();
}

TEST(RunFileReader, ConlabFileWithoutItsRecordReadsAsAForeignTrace)
{
    QByteArray json = conlabJson();
    const qsizetype record = json.indexOf(",\n\"conlab\":");
    ASSERT_GT(record, 0);
    json = json.left(record) + "}";
    QString error;
    const std::optional<SavedRun> run = parseRunFile(json, QStringLiteral("t.json"), &error);
    ASSERT_TRUE(run) << error.toStdString();
    EXPECT_FALSE(run->summary);
    ASSERT_EQ(run->trace->lanes.size(), 2u);
    EXPECT_EQ(run->trace->lanes[0].name, QStringLiteral("conlab run / thread 1"));
    // One argument each (the NaN core is not written): the counters' own names.
    EXPECT_EQ(run->trace->counterNames,
        (std::vector<QString> {QStringLiteral("cpu utilisation"), QStringLiteral("average")}));
}

TEST(RunFileReader, MalformedJsonNamesThePosition)
{
    expectError(events("{\"ph\":\"X\" \"name\":\"a\"}"), "\"name\"",
        QStringLiteral("expected ',' or '}' after an object member, found '\"'"));
    expectError("{\"traceEvents\":[]} trailing", "trailing",
        QStringLiteral("expected the end of the file after the trace, found 't'"));
    expectError("{\"traceEvents\":[],\n\"traceEvents\":[]}", "[]}", QStringLiteral("\"traceEvents\" appears twice"));
    expectError("{\"displayTimeUnit\":\"ms\"}", "{",
        QStringLiteral("the object has no \"traceEvents\" array: this is not a Chrome trace file"));
    expectError("{\"traceEvents\":{}}", "{}", QStringLiteral("\"traceEvents\" must be an array, found an object"));
    expectError("42", "42",
        QStringLiteral(
            "expected a Chrome trace (an object with \"traceEvents\", or an array of events), found a number"));
    expectSkipped(
        "[1]", "1", SkipReason::NotAnObject, QStringLiteral("each trace event must be an object, found a number"));
    EXPECT_EQ(errorOf(""), QStringLiteral("t.json, line 1, column 1: the file is empty."));
    EXPECT_EQ(errorOf(" \n\t "), QStringLiteral("t.json, line 2, column 3: the file is empty."));
    expectError(events("{\"name\":\"caf\xc3\xa9\xff\",\"ph\":\"X\"}"), "\xff",
        QStringLiteral("invalid UTF-8: byte 0xff cannot start a character"));
}

TEST(RunFileReader, EveryPrefixIsAnErrorOrATraceNeverACrash)
{
    for (const QByteArray& json : {readAll(fixture("foreign-object.json")), conlabJson()}) {
        ASSERT_FALSE(json.isEmpty());
        // A file cut off after its first complete event opens with what it holds, and says it ended early.
        qsizetype firstEvent = json.indexOf('[', json.indexOf("\"traceEvents\""));
        for (int depth = 0; json.at(++firstEvent) != '}' || --depth > 0;)
            depth += json.at(firstEvent) == '{';
        ++firstEvent; // just past the first event's closing brace (no braces in its strings)
        for (qsizetype length = 0; length < json.size(); ++length) {
            QString error;
            const std::optional<SavedRun> run = parseRunFile(json.left(length), QStringLiteral("t.json"), &error);
            if (!run) {
                EXPECT_TRUE(error.startsWith(QStringLiteral("t.json, line "))) << error.toStdString();
                continue;
            }
            EXPECT_GE(length, firstEvent);
            if (run->summary) {
                EXPECT_GE(length, json.trimmed().size()) << "a cut run file is not conlab's record";
            }
        }
        for (qsizetype length = firstEvent; length < json.indexOf("]"); ++length) {
            QString error;
            const std::optional<SavedRun> run = parseRunFile(json.left(length), QStringLiteral("t.json"), &error);
            ASSERT_TRUE(run) << length << ": " << error.toStdString();
            EXPECT_TRUE(run->import.endedEarly) << length;
            EXPECT_EQ(run->import.endedAtLine, json.left(length).count('\n') + 1);
        }
        EXPECT_TRUE(errorOf(json).isEmpty());
    }
    // conlab's record cut off: its own file is read exactly or refused.
    const QByteArray run = conlabJson();
    const QByteArray cut = run.left(run.indexOf("\"conlab\":") + 40);
    EXPECT_TRUE(errorOf(cut).contains(QStringLiteral("truncated"))) << errorOf(cut).toStdString();
    EXPECT_TRUE(errorOf(run.trimmed().chopped(1)).contains(QStringLiteral("truncated")))
        << errorOf(run.trimmed().chopped(1)).toStdString();
    // Before the first event, a cut file is no trace.
    EXPECT_EQ(errorOf("{\"traceEvents\":[{\"ph\":\"X\""),
        QStringLiteral("t.json, line 1, column 26: the file ends inside an object: it is truncated."));
    // The array form may end after any complete event, and is then not early: the format allows it.
    const QByteArray array = readAll(fixture("foreign-array.json"));
    for (qsizetype length = 1; length < array.size(); ++length) {
        const QString error = errorOf(array.left(length));
        if (!error.isEmpty()) {
            EXPECT_TRUE(error.startsWith(QStringLiteral("t.json, line "))) << error.toStdString();
        }
        if (array.at(length - 1) == '\n') {
            EXPECT_TRUE(error.isEmpty()) << length << ": " << error.toStdString();
        }
    }
}

TEST(RunFileReader, TrailingCommasAndNumbersInStringsAreRead)
{
    QString error;
    const std::optional<SavedRun> run
        = parseRunFile("{\"traceEvents\":[{\"name\":\"a\",\"ph\":\"X\",\"ts\":\"1.5\",\"dur\":"
                       "\"2\",\"pid\":\"7\",\"tid\":\"8\",\"args\":{\"x\":1,},},],}",
            QStringLiteral("t.json"), &error);
    ASSERT_TRUE(run) << error.toStdString();
    ASSERT_EQ(run->trace->segments.size(), 1u);
    EXPECT_EQ(run->trace->segments[0].beginNs, 1500);
    EXPECT_EQ(run->trace->segments[0].endNs, 3500);
    EXPECT_EQ(run->trace->lanes[0].name, QStringLiteral("pid 7 / tid 8"));
}

TEST(RunFileReader, BadEventsAreSkippedAndCountedByReason)
{
    const QString micros = QStringLiteral("a number (microseconds, at most 3000000000000000 from zero)");
    QByteArray json = events("{\"name\":\"a\",\"ph\":\"X\",\"ts\":\"abc\",\"dur\":1}");
    expectSkipped(json, "\"abc\"", SkipReason::NoTime, QStringLiteral("\"ts\" must be %1, found a string").arg(micros));
    json = events("{\"name\":\"a\",\"ph\":\"X\",\"ts\":1e300,\"dur\":1}");
    expectSkipped(json, "1e300", SkipReason::NoTime, QStringLiteral("\"ts\" must be %1, not 1e300").arg(micros));
    // A number of a thousand digits is quoted by its start.
    json = events("{\"name\":\"a\",\"ph\":\"X\",\"dur\":1,\"ts\":" + QByteArray(1000, '7') + "}");
    expectSkipped(json, "777", SkipReason::NoTime,
        QStringLiteral("\"ts\" must be %1, not %2").arg(micros, QString(40, QLatin1Char('7'))));
    json = events("{\"name\":\"a\",\"ph\":\"X\",\"ts\":5,\"dur\":-2.5}");
    expectSkipped(json, "-2.5", SkipReason::NegativeDuration,
        QStringLiteral("\"dur\" is negative (-2.5): a slice cannot end before it begins"));
    json = events("{\"name\":\"a\",\"ph\":\"X\",\"ts\":5}");
    expectSkipped(
        json, "{\"name", SkipReason::NoDuration, QStringLiteral("the \"X\" event that starts here has no \"dur\""));
    json = events("{\"name\":\"a\",\"ts\":5}");
    expectSkipped(
        json, "{\"name", SkipReason::NoPhase, QStringLiteral("the event that starts here has no \"ph\" (its phase)"));
    json = events("{\"name\":\"a\",\"ph\":1}");
    expectSkipped(json, "1}", SkipReason::NoPhase, QStringLiteral("\"ph\" must be a string, found a number"));
    json = events("{\"name\":7,\"ph\":\"X\",\"ts\":5,\"dur\":1}");
    expectSkipped(json, "7,", SkipReason::BadName, QStringLiteral("\"name\" must be a string, found a number"));
    json = events("{\"name\":\"a\",\"ph\":\"X\",\"ts\":5,\"dur\":1,\"pid\":1.5}");
    expectSkipped(json, "1.5", SkipReason::BadThread, QStringLiteral("\"pid\" must be an integer or a name, not 1.5"));
    json = events("{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":1,\"args\":{\"name\":5}}");
    expectSkipped(
        json, "5}", SkipReason::BadMetadata, QStringLiteral("\"args.name\" must be a string, found a number"));
    json = events("{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":1,\"tid\":1,\"args\":{}}");
    expectSkipped(json, "{\"name", SkipReason::BadMetadata,
        QStringLiteral("the \"M\" event that starts here has no \"args.sort_index\""));
    json = events("{\"name\":\"mem\",\"ph\":\"C\",\"ts\":1,\"args\":{\"used\":1,\"unit\":\"MB\"}}");
    expectSkipped(json, "\"MB\"", SkipReason::CounterValue,
        QStringLiteral("counter values must be numbers, but \"args.unit\" is a string"));
    json = events("{\"name\":\"mem\",\"ph\":\"C\",\"ts\":1,\"args\":[1]}");
    expectSkipped(json, "[1]", SkipReason::BadCounter,
        QStringLiteral("\"args\" must be an object of counter values, found an array"));

    // Counted by reason, the first line of each named; the good events are all there.
    json = "[\n{\"name\":\"ok\",\"ph\":\"X\",\"ts\":0,\"dur\":5},\n{\"name\":\"a\",\"ph\":\"X\",\"ts\":1},\n"
           "{\"name\":\"b\",\"ph\":\"X\",\"ts\":2},\n{\"name\":\"c\",\"ph\":\"X\",\"ts\":\"soon\",\"dur\":1},\n"
           "{\"name\":\"d\",\"ph\":\"X\",\"ts\":3}]";
    QString error;
    const std::optional<SavedRun> run = parseRunFile(json, QStringLiteral("t.json"), &error);
    ASSERT_TRUE(run) << error.toStdString();
    EXPECT_EQ(run->trace->segments.size(), 1u);
    EXPECT_EQ(run->import.skippedCount(), 4);
    EXPECT_EQ(skippedLines(run->import),
        (QStringList {QStringLiteral("1 event skipped: ts missing or not a number (first at line 5)"),
            QStringLiteral("3 events skipped: X without dur (first at line 3)")}));

    // Phases the viewer skips are not checked beyond their JSON.
    EXPECT_TRUE(errorOf(events("{\"ph\":\"s\",\"ts\":\"whenever\"},{\"ph\":\"i\",\"name\":\"x\"}")).isEmpty());
    // conlab's own arguments mean nothing in another tool's file.
    EXPECT_TRUE(
        errorOf(events("{\"name\":\"a\",\"ph\":\"X\",\"ts\":0,\"dur\":1,\"args\":{\"core\":\"big\",\"task\":1e99}}"))
            .isEmpty());
}

// conlab's own files are read exactly: an event its writer would never write is the file's error, not a skip.
TEST(RunFileReader, NothingIsSkippedInConlabsOwnFiles)
{
    QByteArray json = conlabJson();
    const qsizetype dur = json.indexOf("\"dur\":");
    ASSERT_GT(dur, 0) << json.toStdString();
    json.insert(dur + 6, "-");
    const QString error = errorOf(json);
    EXPECT_TRUE(error.contains(QStringLiteral("\"dur\" is negative"))) << error.toStdString();
}

TEST(RunFileReader, DepthBombIsRefused)
{
    // Three levels to the event, then args: the 62nd bracket is the 65th level.
    const QByteArray json = "{\"traceEvents\":[{\"args\":" + QByteArray(1'000'000, '[');
    EXPECT_EQ(errorOf(json), QStringLiteral("t.json, line 1, column 86: the values nest deeper than 64 levels."));
}

TEST(RunFileReader, LimitsAreEnforcedWithTheirNumbers)
{
    const QByteArray json = readAll(fixture("foreign-object.json"));
    RunFileLimits limits;
    limits.maxFileBytes = 100;
    EXPECT_EQ(errorOf(json, limits),
        QStringLiteral("t.json is %1 KiB; files over 100 bytes are not opened.").arg(json.size() / 1024.0, 0, 'f', 1));

    limits = {};
    limits.maxEvents = 3;
    expectError(json, "{\"name\": \"process_name\", \"ph\": \"M\", \"pid\": 3",
        QStringLiteral("the trace holds more than 3 events, the most a file may have"), limits);

    limits = {};
    limits.maxLanes = 2;
    expectError(json, "{\"name\": \"idle_wait",
        QStringLiteral("this event is on thread number 3 with slices; a timeline holds at most 2 lanes"), limits);

    limits = {};
    limits.maxStringBytes = 11; // "traceEvents" fits, "process_name" does not
    expectError(json, "\"process_name\"", QStringLiteral("a string is longer than the limit of 11 bytes"), limits);

    limits = {};
    limits.maxCounters = 2;
    expectError(json, "{\"name\": \"queue\"",
        QStringLiteral("the trace has more than 2 counter series, the most a file may have"), limits);

    limits = {};
    limits.maxCounterValues = 5;
    expectError(json, "{\"name\": \"queue\"",
        QStringLiteral("the counters need more than 5 values once each holds its value between its events, the most a "
                       "file may have"),
        limits);
}

TEST(RunFileReader, SixtyFiveThousandLanesAtMost)
{
    QByteArray list;
    for (int tid = 0; tid <= 65535; ++tid)
        list += (tid ? ",{" : "{") + QByteArray("\"name\":\"a\",\"ph\":\"X\",\"ts\":0,\"dur\":1,\"tid\":")
            + QByteArray::number(tid) + "}";
    RunFileLimits limits;
    limits.maxLanes = 1'000'000; // cannot go past what Segment::lane holds
    const QByteArray json = events(list);
    expectError(json, "{\"name\":\"a\",\"ph\":\"X\",\"ts\":0,\"dur\":1,\"tid\":65535}",
        QStringLiteral("this event is on thread number 65536 with slices; a timeline holds at most 65535 lanes"),
        limits);
}

TEST(RunFileReader, RecordProblemsNameTheField)
{
    const QByteArray json = conlabJson();
    ASSERT_TRUE(errorOf(json).isEmpty()) << errorOf(json).toStdString();

    QByteArray changed = json;
    changed.replace("\"wall_ms\":1.5", "\"wall_ms\":\"slow\"");
    expectError(changed, "\"slow\"",
        QStringLiteral("\"conlab.summary.wall_ms\" must be a number, null or \"Infinity\", not the string \"slow\""));

    changed = json;
    changed.replace("\"format\":1", "\"format\":2");
    expectError(changed, "2,\"origin_ns\"",
        QStringLiteral("the file was written by a newer conlab (record format 2; this version reads format 1)"));

    changed = json;
    const qsizetype sampleHz = changed.indexOf("\"sample_hz\":");
    ASSERT_GE(sampleHz, 0);
    changed.remove(sampleHz, changed.indexOf(',', sampleHz) + 1 - sampleHz); // the field, whatever its value
    expectError(changed, "{\"model\"", QStringLiteral("\"conlab.summary.config\" has no \"sample_hz\""));

    changed = json;
    changed.replace("\"kind\":\"gil\"", "\"kind\":\"fibre\"");
    expectError(changed, "\"fibre\"",
        QStringLiteral("\"conlab.lanes[1].kind\" is \"fibre\", which this version of conlab does not know"));

    changed = json;
    changed.replace("\"tasks\":8", "\"tasks\":8.5");
    expectError(changed, "8.5",
        QStringLiteral("\"conlab.summary.config.workload.tasks\" must be an integer from -2147483648 to 2147483647, "
                       "not 8.5"));

    changed = json;
    changed.replace("\"wall_ms\":1.5", "\"wall_ms\":1.5,\"wall_ms\":2");
    expectError(changed, "2,\"cpu_ms\"", QStringLiteral("\"conlab.summary.wall_ms\" appears twice"));

    changed = json;
    changed.replace("\"started_at\":\"2026-12-01T10:30:00.000+01:00\"", "\"started_at\":\"yesterday\"");
    expectError(changed, "\"yesterday\"",
        QStringLiteral("\"conlab.summary.started_at\" is \"yesterday\", which is not an ISO 8601 date and time"));

    // A newer writer's extra members are skipped.
    changed = json;
    changed.replace("\"format\":1,", "\"format\":1,\"future\":{\"x\":[1,2]},");
    EXPECT_TRUE(errorOf(changed).isEmpty()) << errorOf(changed).toStdString();
}

// Files written before the run's date was recorded open with the date unknown, not refused.
TEST(RunFileReader, TheStartDateIsKeptAndMayBeMissing)
{
    const QByteArray json = conlabJson();
    QString error;
    std::optional<SavedRun> run = parseRunFile(json, QStringLiteral("t.json"), &error);
    ASSERT_TRUE(run && run->summary) << error.toStdString();
    EXPECT_EQ(run->summary->startedAt.date(), QDate(2026, 12, 1));
    EXPECT_EQ(run->summary->startedAt.time(), QTime(10, 30));
    EXPECT_EQ(run->summary->startedAt.offsetFromUtc(), 3600);

    QByteArray old = json;
    ASSERT_EQ(old.count("\"started_at\":\"2026-12-01T10:30:00.000+01:00\","), 1);
    old.replace("\"started_at\":\"2026-12-01T10:30:00.000+01:00\",", "");
    run = parseRunFile(old, QStringLiteral("t.json"), &error);
    ASSERT_TRUE(run && run->summary) << error.toStdString();
    EXPECT_FALSE(run->summary->startedAt.isValid());
    EXPECT_DOUBLE_EQ(run->summary->wallMs, 1.5);
}

TEST(RunFileReader, ConlabEventsMustMatchTheRecord)
{
    Trace trace;
    trace.lanes = {{QStringLiteral("only"), LaneKind::Thread}};
    trace.segments = {{0, 10, 1, 3, TaskState::Running, 0}};
    QByteArray json = runFileJson(SavedRun {std::make_shared<const Trace>(trace), std::nullopt, std::nullopt});
    expectError(json, "{\"name\":\"running\",\"cat\":\"task\"",
        QStringLiteral("an event on lane 3, but the file's record names only 1 lanes"));

    trace.segments = {{0, 10, 1, 0, TaskState::Running, 0}};
    json = runFileJson(SavedRun {std::make_shared<const Trace>(trace), std::nullopt, std::nullopt});
    QByteArray changed = json;
    changed.replace("\"name\":\"running\",\"cat\":\"task\"", "\"name\":\"dozing\",\"cat\":\"task\"");
    expectError(changed, "{\"name\":\"dozing\"",
        QStringLiteral("a segment named \"dozing\", which is not a state this version of conlab knows"));
    changed = json;
    changed.replace("\"core\":0", "\"core\":300");
    expectError(changed, "300", QStringLiteral("\"args.core\" must be an integer from -128 to 127"));

    QByteArray gil = conlabJson();
    gil.replace("\"args\":{\"lane\":0", "\"args\":{\"lane\":\"x\"");
    expectError(gil, "\"x\"", QStringLiteral("\"args.lane\" must be a lane number, found a string"));
    // The same arguments in another tool's file are nobody's business.
    gil = gil.left(gil.indexOf(",\n\"conlab\":")) + "}";
    EXPECT_TRUE(errorOf(gil).isEmpty()) << errorOf(gil).toStdString();
}

TEST(RunFileReader, ReadsFilesAndNamesTheOnesItCannot)
{
    QTemporaryDir dir;
    QString error;
    const QString missing = dir.filePath(QStringLiteral("missing.json"));
    EXPECT_FALSE(readRunFile(missing, &error));
    EXPECT_TRUE(
        error.startsWith(QStringLiteral("Could not open ") + QDir::toNativeSeparators(missing) + QLatin1Char(':')))
        << error.toStdString();

    EXPECT_FALSE(readRunFile(dir.path(), &error));
    EXPECT_TRUE(error.contains(QDir::toNativeSeparators(dir.path()))) << error.toStdString();

    // A sparse file: 3 GiB on paper, nothing on disk, refused before a byte is read.
    const QString huge = dir.filePath(QStringLiteral("huge.json"));
    {
        QFile file(huge);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        ASSERT_TRUE(file.resize(std::int64_t(3) << 30));
    }
    EXPECT_FALSE(readRunFile(huge, &error));
    EXPECT_EQ(
        error, QDir::toNativeSeparators(huge) + QStringLiteral(" is 3.0 GiB; files over 2.0 GiB are not opened."));

    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    ASSERT_TRUE(writeFile(bad, "{\"traceEvents\":[\n  {\"ph\":\"X\",,}]}"));
    EXPECT_FALSE(readRunFile(bad, &error));
    EXPECT_EQ(error,
        QDir::toNativeSeparators(bad)
            + QStringLiteral(", line 2, column 13: expected a member name in double quotes, found ','."));

    const QString good = dir.filePath(QStringLiteral("good.json"));
    ASSERT_TRUE(writeFile(good, conlabJson()));
    const std::optional<SavedRun> run = readRunFile(good, &error);
    ASSERT_TRUE(run) << error.toStdString();
    EXPECT_EQ(run->trace->instants.size(), 1u);
    ASSERT_TRUE(run->summary);
    EXPECT_EQ(run->summary->wallMs, 1.5);
}
