#include "core/import/runfilereader.h"

#include <QFile>
#include <QStringList>
#include <algorithm>
#include <gtest/gtest.h>
#include <tuple>

// Perfetto's own JSON parser cases (test/trace_processor/diff_tests/parser/json/tests.py in google/perfetto), each
// trace copied into fixtures/perfetto/ as Perfetto's test writes it. Every case opens, and its lanes, slice names,
// starts and ends are those of Perfetto's expected output, flattened as conlab's timeline shows nesting (the
// innermost slice owns each moment). Where conlab decides otherwise, the case says so and the README says why.
namespace {

using namespace conlab;

struct Piece
{
    QString lane;
    QString name;
    std::int64_t beginNs = 0;
    std::int64_t endNs = 0;

    bool operator==(const Piece&) const = default;
    bool operator<(const Piece& other) const
    {
        return std::tie(lane, beginNs, endNs, name) < std::tie(other.lane, other.beginNs, other.endNs, other.name);
    }
};

void PrintTo(const Piece& piece, std::ostream* out)
{
    *out << piece.lane.toStdString() << " | " << piece.name.toStdString() << " [" << piece.beginNs << ", "
         << piece.endNs << ")";
}

SavedRun open(const char* name)
{
    const QString path = QStringLiteral(CONLAB_TEST_DATA_DIR "/core/import/fixtures/perfetto/") + QLatin1String(name);
    QString error;
    std::optional<SavedRun> run = readRunFile(path, &error);
    EXPECT_TRUE(run) << error.toStdString();
    return run ? std::move(*run) : SavedRun {std::make_shared<const Trace>(), std::nullopt, std::nullopt};
}

std::vector<Piece> piecesOf(const Trace& trace)
{
    std::vector<Piece> pieces;
    for (const Segment& segment : trace.segments)
        pieces.push_back({trace.lanes[segment.lane].name, trace.taskNames[std::size_t(segment.task)], segment.beginNs,
            segment.endNs});
    std::sort(pieces.begin(), pieces.end());
    return pieces;
}

std::vector<Piece> sorted(std::vector<Piece> pieces)
{
    std::sort(pieces.begin(), pieces.end());
    return pieces;
}

QStringList laneNames(const Trace& trace)
{
    QStringList names;
    for (const LaneInfo& lane : trace.lanes)
        names << lane.name;
    return names;
}

std::int64_t skipped(const SavedRun& run, SkipReason reason)
{
    return run.import.skipped[std::size_t(reason)].count;
}

} // namespace

// Perfetto: 5100, 500100, "name.exec", process "foo", thread "bar". "XXX" is an X by its first letter.
TEST(PerfettoJson, StringPidTid)
{
    const SavedRun run = open("string_pid_tid.json");
    EXPECT_EQ(laneNames(*run.trace), QStringList {QStringLiteral("foo / bar")});
    EXPECT_EQ(piecesOf(*run.trace),
        (std::vector<Piece> {{QStringLiteral("foo / bar"), QStringLiteral("name.exec"), 5100, 5100 + 500100}}));
    EXPECT_EQ(run.import.skippedCount(), 0);
}

// Perfetto: two async slices (phase "b"), with the args written with trailing commas. conlab draws no async events;
// the file opens and says so.
TEST(PerfettoJson, ArgsOrderedWithTrailingCommas)
{
    const SavedRun run = open("args_ordered.json");
    EXPECT_TRUE(run.trace->lanes.empty());
    EXPECT_EQ(
        emptyTraceText(run.import), QStringLiteral("The file holds 2 events, of phase b, which conlab does not draw."));
}

// Perfetto: Parent 1000+10000 at depth 0, Child 1000+5000 at depth 1; the Child has no tid, so it is on its pid's
// main thread (tid = pid), the Parent's.
TEST(PerfettoJson, XEventOrder)
{
    const SavedRun run = open("x_event_order.json");
    const QString lane = QStringLiteral("pid 1 / tid 1");
    EXPECT_EQ(laneNames(*run.trace), QStringList {lane});
    EXPECT_EQ(piecesOf(*run.trace),
        sorted({{lane, QStringLiteral("Child"), 1000, 6000}, {lane, QStringLiteral("Parent"), 6000, 11000}}));
}

// Perfetto: one slice at 4619295550000. The array form may end after any event.
TEST(PerfettoJson, Incomplete)
{
    const SavedRun run = open("json_incomplete.json");
    const QString lane = QStringLiteral("pid 306339 / tid 3");
    EXPECT_EQ(piecesOf(*run.trace),
        (std::vector<Piece> {{lane, QStringLiteral("typecheck"), 4619295550000, 4619295550000 + 8000000}}));
}

// Perfetto: BeginEvent at 100000 left open (dur -1: its E is named "EndEvent", which Perfetto does not match) and
// CompleteEvent 250000+50000; instants as slices of no duration. conlab ends a B at the next E of its thread whatever
// the E is named, as the format says, and draws no instants of another tool. (test_json_flow reads the same trace.)
TEST(PerfettoJson, AllSliceTypes)
{
    const SavedRun run = open("all_slice_types.json");
    EXPECT_EQ(
        laneNames(*run.trace), (QStringList {QStringLiteral("pid 10 / tid 11"), QStringLiteral("pid 10 / tid 12")}));
    EXPECT_EQ(piecesOf(*run.trace),
        sorted({{QStringLiteral("pid 10 / tid 11"), QStringLiteral("BeginEvent"), 100000, 200000},
            {QStringLiteral("pid 10 / tid 12"), QStringLiteral("CompleteEvent"), 250000, 300000}}));
    EXPECT_EQ(run.import.skippedCount(), 0);
    EXPECT_EQ(run.import.eventsByPhase.at("I"), 4);
}

// Perfetto: ActivityOnThread31 790000+25000 on MyProcess30 / MyRevisedThread31Name, EventMissingCatAndArgs
// 900000+50000 on tid 32, PidOnlyEvent 960000+10000 on pid 33 tid 33, NoPidNoTidEvent 970000+10000 on pid 0 tid 0;
// the counter value "25.7" is a number. Lanes go by process sort index (-2 for process 30), then thread sort index.
TEST(PerfettoJson, Metadata)
{
    const SavedRun run = open("metadata.json");
    const QString thread31 = QStringLiteral("MyProcess30 / MyRevisedThread31Name");
    const QString thread32 = QStringLiteral("MyProcess30 / tid 32");
    const QString pid0 = QStringLiteral("pid 0 / tid 0");
    const QString pid33 = QStringLiteral("pid 33 / tid 33");
    EXPECT_EQ(laneNames(*run.trace), (QStringList {thread32, thread31, pid0, pid33}));
    EXPECT_EQ(piecesOf(*run.trace),
        sorted({{thread31, QStringLiteral("ActivityOnThread31"), 790000, 815000},
            {thread32, QStringLiteral("EventMissingCatAndArgs"), 900000, 950000},
            {pid33, QStringLiteral("PidOnlyEvent"), 960000, 970000},
            {pid0, QStringLiteral("NoPidNoTidEvent"), 970000, 980000}}));
    EXPECT_EQ(run.trace->counterNames,
        (std::vector<QString> {QStringLiteral("MyCounters.counter1_float"), QStringLiteral("MyCounters.counter2_int"),
            QStringLiteral("MyCounters.counter3_str_num")}));
    ASSERT_EQ(run.trace->cpuSamples.size(), 1u);
    EXPECT_EQ(run.trace->cpuSamples[0].timeNs, 800000);
    EXPECT_EQ(run.trace->cpuSamples[0].perCore, (std::vector<float> {100.5f, -50.0f, 25.7f}));
    EXPECT_EQ(run.import.skippedCount(), 0);
}

// Perfetto: the X without dur is dropped; BeginNoTTS 1100000 (left open: its E is named otherwise, see
// AllSliceTypes) and CompleteNoTDUR 1300000+50000.
TEST(PerfettoJson, ExtremeValues)
{
    const SavedRun run = open("extreme_vals.json");
    EXPECT_EQ(piecesOf(*run.trace),
        sorted({{QStringLiteral("pid 100 / tid 102"), QStringLiteral("BeginNoTTS"), 1100000, 1200000},
            {QStringLiteral("pid 100 / tid 103"), QStringLiteral("CompleteNoTDUR"), 1300000, 1350000}}));
    EXPECT_EQ(skipped(run, SkipReason::NoDuration), 1);
    EXPECT_EQ(run.import.skipped[std::size_t(SkipReason::NoDuration)].firstLine, 2);
    EXPECT_EQ(
        skippedLines(run.import), QStringList {QStringLiteral("1 event skipped: X without dur (first at line 2)")});
}

// Perfetto: no thread or process slices (async events are on tracks of their own). Nor in conlab, which says why.
TEST(PerfettoJson, AsyncAndId2)
{
    for (const char* name : {"async.json", "id2.json"}) {
        const SavedRun run = open(name);
        EXPECT_TRUE(run.trace->lanes.empty()) << name;
        EXPECT_TRUE(emptyTraceText(run.import).contains(QStringLiteral("of phases b, e, which conlab does not draw")))
            << emptyTraceText(run.import).toStdString();
    }
}

// Perfetto: five counters from strings (.75, 246., 01.23, 050, +10.5); "1.5e", "2e+", ".", "+" and "-" are not
// numbers and are left out.
TEST(PerfettoJson, CounterValuesInStrings)
{
    const SavedRun run = open("counter_args.json");
    const QString name = QStringLiteral("CounterStringEdgeCases.");
    EXPECT_EQ(run.trace->counterNames,
        (std::vector<QString> {name + QStringLiteral("leading_dot"), name + QStringLiteral("trailing_dot"),
            name + QStringLiteral("leading_zero_float"), name + QStringLiteral("leading_zero_int_str"),
            name + QStringLiteral("plus_val")}));
    ASSERT_EQ(run.trace->cpuSamples.size(), 1u);
    EXPECT_EQ(run.trace->cpuSamples[0].perCore, (std::vector<float> {0.75f, 246.0f, 1.23f, 50.0f, 10.5f}));
    EXPECT_EQ(skipped(run, SkipReason::CounterValue), 5);
    EXPECT_EQ(run.import.skippedCount(), 0) << "values are left out, not events";
}

// Perfetto: Bar 4890000+3764289708, Foo 3473608458+295555500, from an array with a trailing comma; displayTimeUnit
// "ms" changes no time.
TEST(PerfettoJson, TrailingComma)
{
    const SavedRun run = open("trailing_comma.json");
    const QString lane = QStringLiteral("pid 0 / tid 0");
    EXPECT_EQ(piecesOf(*run.trace),
        sorted(
            {{lane, QStringLiteral("Bar"), 4890000, 3473608458}, {lane, QStringLiteral("Foo"), 3473608458, 3769163958},
                {lane, QStringLiteral("Bar"), 3769163958, 4890000 + 3764289708}}));
    EXPECT_EQ(run.import.displayTimeUnit, QStringLiteral("ms"));
}
