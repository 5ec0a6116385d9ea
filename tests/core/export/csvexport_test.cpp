#include "core/export/csvexport.h"
#include "tests/core/englishof.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <limits>

using namespace conlab;

namespace {

constexpr std::int64_t origin = 5'000'000'000;
constexpr float noData = std::numeric_limits<float>::quiet_NaN();

Trace sampleTrace()
{
    Trace trace;
    trace.originNs = origin;
    trace.cores = 2;
    trace.lanes = {{QStringLiteral("worker, \"0\""), LaneKind::Thread}, {QStringLiteral("two\nlines"), LaneKind::Gil}};
    trace.segments = {
        {origin + 2'000'000, origin + 3'500'001, 4, 1, TaskState::Running, 0},
        {origin + 1'234'567, origin + 2'000'000, -1, 0, TaskState::WaitingIo, -1},
        {origin - 1'500, origin, 7, 0, TaskState::StartingUp, 1},
        {origin + 9, origin + 9, 0, 1, static_cast<TaskState>(99), 3},
    };
    trace.cpuSamples
        = {{origin + 50'000'000, {12.5f, noData}}, {origin + 100'000'000, {100.0f, 0.0f}}, {origin, {noData, noData}}};
    return trace;
}

} // namespace

TEST(CsvExport, SegmentsByLaneThenTimeWithExactMilliseconds)
{
    EXPECT_EQ(segmentsCsv(sampleTrace()),
        QByteArray("lane,lane_name,task,state,begin_ms,end_ms,duration_ms,core\r\n"
                   "0,\"worker, \"\"0\"\"\",7,starting_up,-0.001500,0.000000,0.001500,1\r\n"
                   "0,\"worker, \"\"0\"\"\",,waiting_io,1.234567,2.000000,0.765433,\r\n"
                   "1,\"two\nlines\",0,unknown,0.000009,0.000009,0.000000,3\r\n"
                   "1,\"two\nlines\",4,running,2.000000,3.500001,1.500001,0\r\n"));
}

TEST(CsvExport, ImportedTasksGetTheirNames)
{
    Trace trace;
    trace.lanes = {{QStringLiteral("pid 1 / main"), LaneKind::Thread}};
    trace.taskNames = {QStringLiteral("parse"), QStringLiteral("say \"hi\"")};
    trace.segments = {{0, 1000, 1, 0, TaskState::Running, -1}, {1000, 3000, 0, 0, TaskState::Ready, -1}};
    EXPECT_EQ(segmentsCsv(trace),
        QByteArray("lane,lane_name,task,task_name,state,begin_ms,end_ms,duration_ms,core\r\n"
                   "0,pid 1 / main,1,\"say \"\"hi\"\"\",running,0.000000,0.001000,0.001000,\r\n"
                   "0,pid 1 / main,0,parse,ready,0.001000,0.003000,0.002000,\r\n"));
}

// An observed Python run: a thread lane's `task` is its Python function, written by name in a column of its own; the
// GIL lane's task stays the holder's lane.
TEST(CsvExport, PythonThreadLanesNameTheirFunction)
{
    Trace trace;
    trace.lanes = {{QStringLiteral("GIL"), LaneKind::Gil}, {QStringLiteral("MainThread"), LaneKind::Thread}};
    trace.functionNames = {QStringLiteral("burn (cpu.py:3)"), QStringLiteral("main, \"x\"")};
    trace.segments = {{0, 1000, 1, 0, TaskState::Running, 0}, {0, 1000, 1, 1, TaskState::Running, 0},
        {1000, 2000, -1, 1, TaskState::WaitingIo, -1}, {2000, 3000, 0, 1, TaskState::Running, 1}};
    EXPECT_EQ(segmentsCsv(trace),
        QByteArray("lane,lane_name,task,function,state,begin_ms,end_ms,duration_ms,core\r\n"
                   "0,GIL,1,,running,0.000000,0.001000,0.001000,0\r\n"
                   "1,MainThread,,\"main, \"\"x\"\"\",running,0.000000,0.001000,0.001000,0\r\n"
                   "1,MainThread,,,waiting_io,0.001000,0.002000,0.001000,\r\n"
                   "1,MainThread,,burn (cpu.py:3),running,0.002000,0.003000,0.001000,1\r\n"));
}

TEST(CsvExport, SamplesPerCoreWithAverageAndEmptyCellsForNoData)
{
    EXPECT_EQ(samplesCsv(sampleTrace()),
        QByteArray("time_ms,cpu0,cpu1,average\r\n"
                   "50.000000,12.5,,12.5\r\n"
                   "100.000000,100,0,50\r\n"
                   "0.000000,,,\r\n"));
}

TEST(CsvExport, CountersUnderTheirNamesWithoutAverage)
{
    Trace trace;
    trace.originNs = 1000;
    trace.counterNames = {QStringLiteral("memory.heap"), QStringLiteral("queue, length")};
    trace.cpuSamples = {{1000, {10.0f, noData}}, {2500, {12.25f, 3.0f}}};
    EXPECT_EQ(samplesCsv(trace),
        QByteArray("time_ms,memory.heap,\"queue, length\"\r\n"
                   "0.000000,10,\r\n"
                   "0.001500,12.25,3\r\n"));
}

TEST(CsvExport, EmptyTraceHasHeadersOnly)
{
    EXPECT_EQ(segmentsCsv(Trace {}), QByteArray("lane,lane_name,task,state,begin_ms,end_ms,duration_ms,core\r\n"));
    EXPECT_EQ(samplesCsv(Trace {}), QByteArray("time_ms,average\r\n"));
}

TEST(CsvExport, WritesFilesAtomically)
{
    QTemporaryDir dir;
    const Trace trace = sampleTrace();
    QString error;
    const QString segments = dir.filePath(QStringLiteral("segments.csv"));
    const QString samples = dir.filePath(QStringLiteral("samples.csv"));
    ASSERT_TRUE(writeSegmentsCsv(trace, segments, test::EnglishOf(&error))) << error.toStdString();
    ASSERT_TRUE(writeSamplesCsv(trace, samples, test::EnglishOf(&error))) << error.toStdString();
    QFile file(segments);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), segmentsCsv(trace));
    QFile sampleFile(samples);
    ASSERT_TRUE(sampleFile.open(QIODevice::ReadOnly));
    EXPECT_EQ(sampleFile.readAll(), samplesCsv(trace));

    const QString missing = dir.filePath(QStringLiteral("missing/segments.csv"));
    EXPECT_FALSE(writeSegmentsCsv(trace, missing, test::EnglishOf(&error)));
    EXPECT_TRUE(
        error.startsWith(QStringLiteral("Could not write the segments CSV file ") + QDir::toNativeSeparators(missing)))
        << error.toStdString();
    EXPECT_FALSE(writeSamplesCsv(trace, missing, test::EnglishOf(&error)));
    EXPECT_TRUE(error.startsWith(QStringLiteral("Could not write the samples CSV file "))) << error.toStdString();
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
        (QStringList {QStringLiteral("samples.csv"), QStringLiteral("segments.csv")}));
}
