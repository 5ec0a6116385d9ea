#include "core/export/runfile.h"
#include "core/gil/gillane.h"
#include "core/import/runfilereader.h"
#include "tests/core/englishof.h"
#include "tests/core/testrun.h"
#include "tests/core/tracecompare.h"
#include "tests/testfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <charconv>
#include <gtest/gtest.h>
#include <limits>
#include <map>

using namespace conlab;
using conlab::test::entries;
using conlab::test::expectSameSummary;
using conlab::test::expectSameTrace;
using conlab::test::makeConfig;
using conlab::test::readAll;
using conlab::test::runToCompletion;
using conlab::test::writeFile;

namespace {

// Saves to a real file and opens it again, as File > Save and File > Open do.
SavedRun roundTrip(const SavedRun& saved)
{
    QTemporaryDir dir;
    EXPECT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("run.json"));
    QString error;
    EXPECT_TRUE(writeRunFile(saved, path, test::EnglishOf(&error))) << error.toStdString();
    std::optional<SavedRun> read = readRunFile(path, &error);
    EXPECT_TRUE(read.has_value()) << error.toStdString();
    EXPECT_TRUE(entries(dir.path()) == QStringList {QStringLiteral("run.json")});
    return read.value_or(SavedRun {std::make_shared<const Trace>(), std::nullopt, std::nullopt});
}

void expectRoundTrip(const SavedRun& saved)
{
    const SavedRun read = roundTrip(saved);
    ASSERT_TRUE(read.trace);
    expectSameTrace(*saved.trace, *read.trace);
    expectSameSummary(saved.summary, read.summary);
    expectSameSummary(saved.baseline, read.baseline);
}

struct ViewerEvent
{
    double ts = 0;
    double dur = 0;
};

double parsedNumberAfter(const QByteArray& json, qsizetype& at, const char* key)
{
    at = json.indexOf(key, at) + qsizetype(std::strlen(key));
    double value = 0;
    const auto [end, error] = std::from_chars(json.constData() + at, json.constData() + json.size(), value);
    EXPECT_EQ(error, std::errc()) << "no number after " << key << " at " << at;
    at = end - json.constData();
    return value;
}

// Segment events as a JavaScript viewer reads them: ts and dur each parsed to a double (from_chars rounds exactly as
// strtod and JSON.parse do, whatever the locale), the end their sum in double precision; speedscope (1.25) first
// subtracts the lane's earliest ts from each ts, so that shifted sum is checked too. Counts, lane by lane in order of
// ts, the segments whose end so computed passes the next segment's ts: each one a viewer nests.
int viewerOverlaps(const QByteArray& json)
{
    std::map<int, std::vector<ViewerEvent>> lanes;
    const QByteArray marker = QByteArrayLiteral("\"ph\":\"X\",\"pid\":1,\"tid\":");
    for (qsizetype at = json.indexOf(marker); at >= 0; at = json.indexOf(marker, at)) {
        at += marker.size();
        const int tid = int(parsedNumberAfter(json, at, ""));
        ViewerEvent event;
        event.ts = parsedNumberAfter(json, at, "\"ts\":");
        event.dur = parsedNumberAfter(json, at, "\"dur\":");
        lanes[tid].push_back(event);
    }
    int overlaps = 0;
    for (auto& [tid, events] : lanes) {
        std::stable_sort(events.begin(), events.end(), [](auto& a, auto& b) { return a.ts < b.ts; });
        const double laneStart = events.front().ts;
        for (std::size_t i = 1; i < events.size(); ++i) {
            const ViewerEvent& previous = events[i - 1];
            const double end = previous.ts + previous.dur;
            const double shiftedEnd = (previous.ts - laneStart) + previous.dur;
            if (end > events[i].ts || shiftedEnd > events[i].ts - laneStart) {
                ++overlaps;
                ADD_FAILURE() << "lane " << tid << ": " << previous.ts << " + " << previous.dur << " = " << end
                              << " (from the lane's start: " << shiftedEnd << ") passes the next ts " << events[i].ts
                              << " (" << events[i].ts - laneStart << ")";
            }
        }
    }
    return overlaps;
}

SavedRun savedRun(const RunResult& result, std::optional<RunSummary> baseline = std::nullopt)
{
    EXPECT_TRUE(result.summary.error.isEmpty()) << result.summary.error.toStdString();
    EXPECT_TRUE(result.trace);
    return SavedRun {result.trace, result.summary, std::move(baseline)};
}

// Every field away from its default, NaN and infinities included: a field the file forgot reads back as the
// default and fails the comparison.
RunSummary unusualSummary()
{
    RunSummary summary;
    summary.config.model = ModelKind::EventLoop;
    summary.config.workload.kind = WorkloadKind::Counter;
    summary.config.workload.tasks = 12345;
    summary.config.workload.cpuMs = 0.1 + 0.2; // not a short decimal
    summary.config.workload.ioMs = 1e-300;
    summary.config.workload.phases = 77;
    summary.config.workload.increments = 9'000'000'000'000'000'000;
    summary.config.workload.lock = true;
    summary.config.workload.yieldBetween = true;
    summary.config.workers = 17;
    summary.config.sampleHz = 999;
    summary.config.gil = true;
    summary.config.switchIntervalMs = 0.005;
    summary.config.offload = OffloadKind::Processes;
    summary.config.iterationsPerMs = 123456.789012345;
    // Just before midnight in a zone east of UTC: the date must not move to the reader's zone or to UTC.
    summary.startedAt = QDateTime(QDate(2026, 12, 1), QTime(23, 59, 58, 123), Qt::OffsetFromUTC, 5 * 3600 + 1800);
    summary.wallMs = 1.0 / 3.0;
    summary.cpuMs = std::numeric_limits<double>::quiet_NaN();
    summary.tasksCompleted = -3;
    summary.checksum = 0xfedcba9876543210ull;
    for (std::size_t state = 0; state < summary.stateMs.size(); ++state)
        summary.stateMs[state] = 0.125 * double(state + 1) + 1e-9;
    summary.resumeLatencyMs = {0.01, 0.99, std::numeric_limits<double>::infinity(), 42};
    summary.peakRssMb = 123.456789;
    summary.startupMs = -std::numeric_limits<double>::infinity();
    summary.workerPeakRssMb = {10.5, 11.25, std::numeric_limits<double>::denorm_min()};
    summary.cores = 64;
    summary.iterationsPerMs = 5e8 + 0.5;
    summary.cancelled = true;
    summary.error = QString::fromUtf8("worker 3 died: \"signal 9\"\n\xe2\x86\x92 \\ \xf0\x9f\x90\x8d");
    summary.uiLatencyMs = LatencyStats {1, 2, 3, 4};
    summary.roundTrips = 987;
    summary.counter = CounterResult {-5, std::numeric_limits<std::int64_t>::min()};
    summary.gilSwitches = std::numeric_limits<std::uint64_t>::max();
    summary.gilDropRequests = 1ull << 63;
    summary.notes = {QStringLiteral("first"), QString(), QStringLiteral("third, with a comma")};
    return summary;
}

Trace unusualTrace()
{
    Trace trace;
    trace.originNs = 4'000'000'000'000'000; // microseconds since 1970 would be about this large
    trace.cores = 3;
    trace.lanes = {{QStringLiteral("worker \"0\""), LaneKind::Thread}, {QStringLiteral("p"), LaneKind::Process},
        {QStringLiteral("slot"), LaneKind::LoopSlot}, {QStringLiteral("GIL"), LaneKind::Gil}};
    const auto segment = [&](std::int64_t begin, std::int64_t end, int task, int lane, int state, int core) {
        trace.segments.push_back(Segment {trace.originNs + begin, trace.originNs + end, task, std::uint16_t(lane),
            static_cast<TaskState>(state), std::int8_t(core)});
    };
    segment(0, 1, 0, 0, 0, 0);
    segment(-1'500, 0, -1, 1, 3, -1); // began before the origin
    segment(7, 7, std::numeric_limits<std::int32_t>::max(), 2, 6, 127);
    segment(8, 9'000'000'000'000, -7, 3, 200, -128); // a state from a newer version, an odd task and core
    segment(10, 11, std::numeric_limits<std::int32_t>::min(), 0, 4, 5);
    const float nan = std::numeric_limits<float>::quiet_NaN();
    trace.cpuSamples = {{trace.originNs + 5, {nan, 0.1f, 100.0f}}, {trace.originNs + 6, {nan, nan, nan}},
        {trace.originNs - 3, {}}, {trace.originNs + 9, {1e-45f, std::numeric_limits<float>::infinity(), 3.0f}}};
    trace.instants
        = {{trace.originNs + 3, 0, InstantKind::GilDropRequest}, {trace.originNs - 2, 3, InstantKind::GilDropRequest}};
    trace.taskNames = {QStringLiteral("alpha"), QString::fromUtf8("\xce\xb2\xce\xb7\xcf\x84\xce\xb1")};
    trace.counterNames = {QStringLiteral("memory.heap"), QStringLiteral("queue"), QStringLiteral("fps")};
    return trace;
}

} // namespace

TEST(RunFile, EveryFieldOfAnUnusualRunSurvives)
{
    RunSummary baseline = unusualSummary();
    baseline.config.model = ModelKind::Sequential;
    baseline.uiLatencyMs.reset();
    baseline.counter.reset();
    baseline.roundTrips.reset();
    expectRoundTrip(SavedRun {std::make_shared<const Trace>(unusualTrace()), unusualSummary(), baseline});
}

TEST(RunFile, TraceAloneSurvivesWithoutNumbers)
{
    expectRoundTrip(SavedRun {std::make_shared<const Trace>(unusualTrace()), std::nullopt, std::nullopt});
    expectRoundTrip(SavedRun {std::make_shared<const Trace>(), std::nullopt, std::nullopt});
}

TEST(RunFile, ThreadsWithGilRoundTrip)
{
    RunConfig config = makeConfig(ModelKind::Threads, WorkloadKind::Cpu, 4, 2, 30, 0);
    config.gil = true;
    config.switchIntervalMs = 1;
    const RunResult result = runToCompletion(config);
    ASSERT_TRUE(result.trace);
    EXPECT_GE(gilLaneIndex(result.trace->lanes), 0);
    EXPECT_FALSE(result.trace->instants.empty()) << "no drop requests: the instants go untested";
    EXPECT_GT(result.summary.gilSwitches, 0u);
    RunConfig sequential = config;
    sequential.model = ModelKind::Sequential;
    sequential.gil = false;
    expectRoundTrip(savedRun(result, runToCompletion(sequential).summary));
}

// 74403.63 + 5150.944 is 79554.57400000001 in double precision, past the next segment's 79554.574: written as
// three-decimal texts, speedscope drew the next segment nested under this one.
TEST(RunFile, ViewersAddingTsAndDurInDoublesNeverPassTheNextSegment)
{
    auto trace = std::make_shared<Trace>();
    trace->originNs = 5'000'000'000;
    trace->lanes = {LaneInfo {QStringLiteral("worker 0"), LaneKind::Thread},
        LaneInfo {QStringLiteral("worker 1"), LaneKind::Thread}};
    // Lane 0: the sum passes the next ts as parsed. Lane 1: it does only once speedscope has subtracted the lane's
    // first ts (34234.786) from each ts: 126614.243 + 66496.172 passes 193110.415.
    const std::vector<std::vector<std::int64_t>> bounds {
        {0, 74'403'630, 79'554'574, 79'554'575, 1'000'000'000'123, 1'000'000'001'000},
        {34'234'786, 160'849'029, 227'345'201, 227'345'300},
    };
    for (std::size_t lane = 0; lane < bounds.size(); ++lane) {
        for (std::size_t i = 1; i < bounds[lane].size(); ++i)
            trace->segments.push_back(Segment {trace->originNs + bounds[lane][i - 1], trace->originNs + bounds[lane][i],
                0, std::uint16_t(lane), i % 2 ? TaskState::Running : TaskState::Ready, -1});
    }
    SavedRun saved {trace, std::nullopt, std::nullopt};
    const QByteArray json = runFileJson(saved);
    EXPECT_EQ(viewerOverlaps(json), 0);
    // The one that needed it is written with more digits, not a nanosecond shorter: it reads back exactly.
    EXPECT_FALSE(json.contains("\"ts\":74403.630,\"dur\":5150.944,")) << json.constData();
    EXPECT_FALSE(json.contains("\"ts\":160849.029,\"dur\":66496.172,")) << json.constData();
    expectRoundTrip(saved);
}

// A real run on every lane, the GIL's included (20 segments of a 6-task run ended past their successors before).
TEST(RunFile, SixTaskThreadsWithGilRunShowsNoOverlapToViewers)
{
    RunConfig config = makeConfig(ModelKind::Threads, WorkloadKind::Mixed, 6, 2, 10, 2);
    config.gil = true;
    config.switchIntervalMs = 0.5;
    config.workload.phases = 3;
    const RunResult result = runToCompletion(config);
    ASSERT_TRUE(result.trace);
    ASSERT_GT(result.trace->segments.size(), 100u);
    EXPECT_EQ(viewerOverlaps(runFileJson(savedRun(result))), 0);
    expectRoundTrip(savedRun(result));
}

TEST(RunFile, ProcessesRoundTrip)
{
    const RunResult result = runToCompletion(makeConfig(ModelKind::Processes, WorkloadKind::Cpu, 4, 2, 5, 0));
    ASSERT_TRUE(result.trace);
    EXPECT_EQ(result.summary.workerPeakRssMb.size(), 2u);
    EXPECT_GT(result.summary.startupMs, 0.0);
    expectRoundTrip(savedRun(result));
}

TEST(RunFile, CounterRoundTrip)
{
    RunConfig config = makeConfig(ModelKind::Threads, WorkloadKind::Counter, 4, 2, 0, 0);
    config.workload.increments = 20'000;
    const RunResult result = runToCompletion(config);
    ASSERT_TRUE(result.summary.counter.has_value());
    expectRoundTrip(savedRun(result));
}

TEST(RunFile, EventLoopRoundTrip)
{
    RunConfig config = makeConfig(ModelKind::EventLoop, WorkloadKind::Mixed, 6, 0, 5, 5);
    config.offload = OffloadKind::Threads;
    config.sampleHz = 200;
    const RunResult result = runToCompletion(config);
    ASSERT_TRUE(result.trace);
    EXPECT_FALSE(result.trace->cpuSamples.empty());
    EXPECT_GT(result.summary.resumeLatencyMs.count, 0);
    expectRoundTrip(savedRun(result));
}

TEST(RunFile, RecordIsTheLastTopLevelMemberAndViewersFindTheirKeys)
{
    const QByteArray json = runFileJson(SavedRun {std::make_shared<const Trace>(unusualTrace()), unusualSummary(), {}});
    // Perfetto's importer stops at the first top-level key it does not know: traceEvents must come first and the
    // record last.
    EXPECT_TRUE(json.startsWith("{\"traceEvents\":[")) << json.left(40).toStdString();
    EXPECT_GT(json.lastIndexOf("\n\"conlab\":{\"format\":1,"), json.lastIndexOf("\"otherData\""));
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(json, &error).object();
    ASSERT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
    EXPECT_EQ(root.keys(),
        (QStringList {QStringLiteral("conlab"), QStringLiteral("displayTimeUnit"), QStringLiteral("otherData"),
            QStringLiteral("traceEvents")}));
    // speedscope treats top-level "samples" and "stackFrames" as a different format.
    EXPECT_FALSE(root.contains(QStringLiteral("samples")));
    EXPECT_FALSE(root.contains(QStringLiteral("stackFrames")));
    const QJsonObject summary = root[QLatin1String("conlab")].toObject()[QLatin1String("summary")].toObject();
    EXPECT_EQ(summary[QLatin1String("config")].toObject()[QLatin1String("sample_hz")].toInt(), 999);
    EXPECT_TRUE(summary[QLatin1String("cpu_ms")].isNull()); // NaN
    EXPECT_EQ(summary[QLatin1String("startup_ms")].toString(), QStringLiteral("-Infinity"));
}

TEST(RunFile, WriteIsByteForByteTheJson)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.json"));
    const SavedRun saved {std::make_shared<const Trace>(unusualTrace()), unusualSummary(), std::nullopt};
    QString error;
    ASSERT_TRUE(writeRunFile(saved, path, test::EnglishOf(&error))) << error.toStdString();
    EXPECT_EQ(readAll(path), runFileJson(saved));
}

// Disk full, a full device and a read-only folder: tests/core/export/outputfile_test.cpp, for every export.

TEST(RunFile, WriteFailsWhereTheParentIsAFileOrMissing)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("plain.txt"));
    ASSERT_TRUE(writeFile(file, "not a directory"));
    const SavedRun saved {std::make_shared<const Trace>(unusualTrace()), std::nullopt, std::nullopt};
    for (const QString& path : {file + QStringLiteral("/run.json"), dir.filePath(QStringLiteral("missing/run.json"))}) {
        SCOPED_TRACE(path.toStdString());
        QString error;
        EXPECT_FALSE(writeRunFile(saved, path, test::EnglishOf(&error)));
        EXPECT_TRUE(error.contains(QDir::toNativeSeparators(path))) << error.toStdString();
        EXPECT_FALSE(writeRunFile(saved, path, nullptr));
    }
    EXPECT_EQ(readAll(file), QByteArray("not a directory"));
    EXPECT_EQ(entries(dir.path()), QStringList {QStringLiteral("plain.txt")});
}

TEST(RunFile, NoTraceIsAnErrorNotACrash)
{
    QTemporaryDir dir;
    QString error;
    EXPECT_FALSE(writeRunFile(SavedRun {}, dir.filePath(QStringLiteral("run.json")), test::EnglishOf(&error)));
    EXPECT_TRUE(error.contains(QStringLiteral("run.json"))) << error.toStdString();
    EXPECT_TRUE(entries(dir.path()).isEmpty());
}

namespace {

SavedRun pythonRun()
{
    RunSummary summary;
    summary.config.model = ModelKind::Python;
    summary.config.python = PythonScript {QStringLiteral("/home/student/race.py"), QStringLiteral("/usr/bin/python3"),
        {QStringLiteral("--tasks"), QStringLiteral("4")}};
    summary.wallMs = 812.5;
    PythonRunFacts python;
    python.executable = QStringLiteral("/usr/bin/python3.11");
    python.version = QStringLiteral("3.11.2");
    python.observerMode = QStringLiteral("memory");
    python.threads = {PythonThreadFacts {QStringLiteral("MainThread"), 10, 10, 1.5, 0.25},
        PythonThreadFacts {QStringLiteral("Thread-1"), 10, 11, 400.125, 3}};
    python.processes = {10};
    python.exitCode = 1;
    python.stdoutText = QStringLiteral("started\nhalf way\n");
    python.stderrText = QStringLiteral("Traceback (most recent call last):\n  File \"race.py\", line 3\nValueError\n");
    summary.python = python;
    Trace trace;
    trace.lanes = {{QStringLiteral("GIL"), LaneKind::Gil}, {QStringLiteral("MainThread"), LaneKind::Thread}};
    SavedRun saved {std::make_shared<const Trace>(trace), summary, std::nullopt};
    saved.scriptSource
        = QString::fromUtf8("\"\"\"A race.\"\"\"\nimport threading\n\nprint('\xe2\x86\x92 \\\\ \\t {}')\n");
    return saved;
}

} // namespace

// A saved Python run keeps what the window shows beside it: the script's source, its output, how it ended.
TEST(RunFile, PythonRunKeepsItsSourceAndOutput)
{
    const SavedRun saved = pythonRun();
    const SavedRun read = roundTrip(saved);
    EXPECT_EQ(read.scriptSource, saved.scriptSource);
    ASSERT_TRUE(read.summary && read.summary->python);
    const PythonRunFacts& python = *read.summary->python;
    const PythonRunFacts& original = *saved.summary->python;
    EXPECT_EQ(python.stdoutText, original.stdoutText);
    EXPECT_EQ(python.stderrText, original.stderrText);
    EXPECT_EQ(python.exitCode, original.exitCode);
    EXPECT_EQ(python.version, original.version);
    EXPECT_EQ(python.observerMode, original.observerMode);
    ASSERT_EQ(python.threads.size(), 2u);
    EXPECT_EQ(python.threads[1].name, QStringLiteral("Thread-1"));
    EXPECT_EQ(python.threads[1].gilHoldMs, 400.125);
    ASSERT_TRUE(read.summary->config.python);
    EXPECT_EQ(read.summary->config.python->script, QStringLiteral("/home/student/race.py"));
    EXPECT_EQ(read.summary->config.python->arguments, saved.summary->config.python->arguments);
}

// Files written before the source was kept have no "script_source": they still open, without it.
TEST(RunFile, PythonRunWrittenBeforeTheSourceWasKeptStillReads)
{
    SavedRun old = pythonRun();
    old.scriptSource.reset();
    const QByteArray json = runFileJson(old);
    EXPECT_FALSE(json.contains("script_source"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.json"));
    ASSERT_TRUE(writeFile(path, json));
    QString error;
    const std::optional<SavedRun> read = readRunFile(path, &error);
    ASSERT_TRUE(read.has_value()) << error.toStdString();
    EXPECT_FALSE(read->scriptSource.has_value());
    ASSERT_TRUE(read->summary && read->summary->python);
    EXPECT_EQ(read->summary->python->stdoutText, QStringLiteral("started\nhalf way\n"));
}

// A Python run's thread lanes name their functions: saved and opened again exactly, and written where Perfetto shows
// them (args.function of each slice), never on the GIL lane, whose task is the holder's lane.
TEST(RunFile, PythonRunKeepsItsFunctions)
{
    Trace trace;
    trace.originNs = 1'000;
    trace.lanes = {{QStringLiteral("GIL"), LaneKind::Gil}, {QStringLiteral("alpha"), LaneKind::Thread},
        {QStringLiteral("beta"), LaneKind::Thread}};
    trace.functionNames = {QStringLiteral("spin_alpha (demo.py:3)"), QString::fromUtf8("\xd1\x84 (demo.py:9)")};
    trace.segments
        = {Segment {1'000, 2'000, 0, 1, TaskState::Running, 0}, Segment {2'000, 3'000, -1, 1, TaskState::WaitingGil, 0},
            Segment {1'000, 3'000, 1, 2, TaskState::Running, 1}, Segment {1'000, 2'000, 1, 0, TaskState::Running, 0}};
    const SavedRun saved {std::make_shared<const Trace>(trace), std::nullopt, std::nullopt};
    expectRoundTrip(saved);

    const QJsonObject file = QJsonDocument::fromJson(runFileJson(saved)).object();
    std::map<int, QString> functionByTid;
    int withFunction = 0;
    for (const QJsonValue& value : file.value(QStringLiteral("traceEvents")).toArray()) {
        const QJsonObject event = value.toObject();
        if (event.value(QStringLiteral("ph")).toString() != QLatin1String("X"))
            continue;
        const QJsonValue function = event.value(QStringLiteral("args")).toObject().value(QStringLiteral("function"));
        if (function.isUndefined())
            continue;
        ++withFunction;
        functionByTid[event.value(QStringLiteral("tid")).toInt()] = function.toString();
    }
    EXPECT_EQ(withFunction, 2) << "the thread segments with a function, and not the GIL's";
    EXPECT_EQ(functionByTid[2], QStringLiteral("spin_alpha (demo.py:3)"));
    EXPECT_EQ(functionByTid[3], QString::fromUtf8("\xd1\x84 (demo.py:9)"));
    EXPECT_EQ(functionByTid.count(1), 0u);
}

// Every other run has no function names, and writes none: its files stay as they were.
TEST(RunFile, ARunWithoutFunctionsWritesNone)
{
    const SavedRun saved = pythonRun();
    EXPECT_FALSE(runFileJson(saved).contains("function"));
}
