#include "core/import/runfilereader.h"
#include "tests/app/runconlab.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using conlab::test::CliResult;
using conlab::test::runArgs;
using conlab::test::runConlab;

namespace {

struct BadInput
{
    QStringList arguments;
    const char* named; // what the message must name
};

class CliRejects : public ::testing::TestWithParam<BadInput>
{
};

} // namespace

TEST_P(CliRejects, WithOneLineNamingTheArgumentAndExitCode2)
{
    const CliResult result = runConlab(runArgs(GetParam().arguments));
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.out.isEmpty()) << result.out.toStdString();
    EXPECT_EQ(result.err.count('\n'), 1) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(GetParam().named)) << result.err.toStdString();
}

INSTANTIATE_TEST_SUITE_P(BadInputs, CliRejects,
    ::testing::Values(BadInput {{QStringLiteral("--model"), QStringLiteral("fibers")}, "--model"},
        BadInput {{QStringLiteral("--workload"), QStringLiteral("gpu")}, "--workload"},
        BadInput {{QStringLiteral("--tasks"), QStringLiteral("0")}, "--tasks"},
        BadInput {{QStringLiteral("--tasks"), QStringLiteral("-3")}, "--tasks"},
        BadInput {{QStringLiteral("--tasks"), QStringLiteral("many")}, "--tasks"},
        BadInput {{QStringLiteral("--tasks"), QStringLiteral("1000001")}, "--tasks"},
        BadInput {{QStringLiteral("--workers"), QStringLiteral("257")}, "--workers"},
        BadInput {{QStringLiteral("--workers"), QStringLiteral("0")}, "--workers"},
        BadInput {{QStringLiteral("--phases"), QStringLiteral("0")}, "--phases"},
        BadInput {{QStringLiteral("--cpu-ms"), QStringLiteral("3600001")}, "--cpu-ms"},
        BadInput {{QStringLiteral("--io-ms"), QStringLiteral("-1")}, "--io-ms"},
        BadInput {{QStringLiteral("--io-ms"), QStringLiteral("soon")}, "--io-ms"},
        BadInput {{QStringLiteral("--bogus")}, "bogus"},
        BadInput {{QStringLiteral("--gil"), QStringLiteral("--switch-interval-ms"), QStringLiteral("0")},
            "--switch-interval-ms"},
        BadInput {{QStringLiteral("--gil"), QStringLiteral("--switch-interval-ms"), QStringLiteral("often")},
            "--switch-interval-ms"},
        BadInput {{QStringLiteral("--switch-interval-ms"), QStringLiteral("1")}, "--switch-interval-ms"},
        BadInput {{QStringLiteral("--workload"), QStringLiteral("counter"), QStringLiteral("--increments"),
                      QStringLiteral("0")},
            "--increments"},
        BadInput {{QStringLiteral("--increments"), QStringLiteral("10")}, "--increments"},
        BadInput {{QStringLiteral("--lock")}, "--lock"},
        BadInput {{QStringLiteral("--workload"), QStringLiteral("counter"), QStringLiteral("--yield-between")},
            "--yield-between"},
        BadInput {{QStringLiteral("--model"), QStringLiteral("eventloop"), QStringLiteral("--offload"),
                      QStringLiteral("gpu")},
            "--offload"},
        BadInput {{QStringLiteral("--model"), QStringLiteral("threads"), QStringLiteral("--offload"),
                      QStringLiteral("threads")},
            "--offload"},
        BadInput {{QStringLiteral("--model"), QStringLiteral("threads"), QStringLiteral("--workload"),
                      QStringLiteral("convoy"), QStringLiteral("--workers"), QStringLiteral("1")},
            "--workers"}),
    [](const ::testing::TestParamInfo<BadInput>& instance) {
        QString name = instance.param.arguments.join(QLatin1Char('_')).remove(QLatin1Char('-'));
        return QStringLiteral("%1_%2")
            .arg(instance.index)
            .arg(name.replace(QLatin1Char('-'), QLatin1Char('m')))
            .toStdString();
    });

TEST(Cli, JsonPrintsExactlyOneObjectWithEveryKey)
{
    const CliResult result = runConlab(runArgs({QStringLiteral("--model"), QStringLiteral("threads"),
        QStringLiteral("--workload"), QStringLiteral("mixed"), QStringLiteral("--tasks"), QStringLiteral("4"),
        QStringLiteral("--workers"), QStringLiteral("2"), QStringLiteral("--cpu-ms"), QStringLiteral("5"),
        QStringLiteral("--io-ms"), QStringLiteral("5"), QStringLiteral("--json")}));
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_EQ(result.out.count('\n'), 1);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(result.out, &error);
    ASSERT_TRUE(doc.isObject()) << error.errorString().toStdString();
    const QJsonObject summary = doc.object();
    for (const char* key : {"model", "workload", "tasks", "workers", "wall_ms", "cpu_ms", "tasks_completed", "checksum",
             "state_ms", "resume_latency_ms", "peak_rss_mb", "cores"})
        EXPECT_TRUE(summary.contains(QLatin1String(key))) << key;
    EXPECT_EQ(summary[QLatin1String("model")].toString(), QStringLiteral("threads"));
    EXPECT_EQ(summary[QLatin1String("tasks_completed")].toInt(), 4);
    EXPECT_EQ(summary[QLatin1String("resume_latency_ms")].toObject()[QLatin1String("count")].toInt(), 8);
}

TEST(Cli, TraceFileOpensAsChromeTrace)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.json"));
    const CliResult result
        = runConlab(runArgs({QStringLiteral("--model"), QStringLiteral("threads"), QStringLiteral("--workload"),
            QStringLiteral("io"), QStringLiteral("--tasks"), QStringLiteral("6"), QStringLiteral("--workers"),
            QStringLiteral("3"), QStringLiteral("--io-ms"), QStringLiteral("20"), QStringLiteral("--trace"), path}));
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_FALSE(result.out.isEmpty()); // the human summary
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    const QJsonArray events = doc.object()[QLatin1String("traceEvents")].toArray();
    int spans = 0;
    int threadNames = 0;
    for (const auto& value : events) {
        const QJsonObject event = value.toObject();
        spans += event[QLatin1String("ph")].toString() == QLatin1String("X");
        threadNames += event[QLatin1String("name")].toString() == QLatin1String("thread_name");
    }
    EXPECT_EQ(threadNames, 3);
    EXPECT_GE(spans, 6 * 3 + 3); // per task: wait, ready, run; per thread: start-up
}

TEST(Cli, TraceFileOpensAgainWithTheRunsSummary)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.json"));
    const CliResult result = runConlab(runArgs({QStringLiteral("--model"), QStringLiteral("processes"),
        QStringLiteral("--tasks"), QStringLiteral("4"), QStringLiteral("--workers"), QStringLiteral("2"),
        QStringLiteral("--cpu-ms"), QStringLiteral("5"), QStringLiteral("--sample-hz"), QStringLiteral("97"),
        QStringLiteral("--json"), QStringLiteral("--trace"), path}));
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QJsonObject printed = QJsonDocument::fromJson(result.out).object();
    QString error;
    const std::optional<conlab::SavedRun> saved = conlab::readRunFile(path, &error);
    ASSERT_TRUE(saved) << error.toStdString();
    ASSERT_TRUE(saved->summary);
    const conlab::RunSummary& summary = *saved->summary;
    EXPECT_EQ(summary.tasksCompleted, 4);
    EXPECT_EQ(summary.config.sampleHz, 97); // not in --json: only the file keeps it
    EXPECT_NEAR(summary.wallMs, printed[QLatin1String("wall_ms")].toDouble(), 0.0005);
    EXPECT_EQ(QStringLiteral("0x%1").arg(summary.checksum, 16, 16, QLatin1Char('0')),
        printed[QLatin1String("checksum")].toString());
    EXPECT_EQ(summary.workerPeakRssMb.size(), 2u);
    EXPECT_FALSE(saved->baseline);
    EXPECT_EQ(saved->trace->lanes.size(), 2u);
}

TEST(Cli, CsvOptionsWriteSegmentsAndSamples)
{
    QTemporaryDir dir;
    const QString trace = dir.filePath(QStringLiteral("run.json"));
    const QString segments = dir.filePath(QStringLiteral("segments.csv"));
    const QString samples = dir.filePath(QStringLiteral("samples.csv"));
    const CliResult result
        = runConlab(runArgs({QStringLiteral("--model"), QStringLiteral("threads"), QStringLiteral("--workload"),
            QStringLiteral("sleep"), QStringLiteral("--tasks"), QStringLiteral("4"), QStringLiteral("--workers"),
            QStringLiteral("2"), QStringLiteral("--io-ms"), QStringLiteral("60"), QStringLiteral("--trace"), trace,
            QStringLiteral("--segments-csv"), segments, QStringLiteral("--samples-csv"), samples}));
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const std::optional<conlab::SavedRun> saved = conlab::readRunFile(trace, nullptr);
    ASSERT_TRUE(saved);

    QFile segmentFile(segments);
    ASSERT_TRUE(segmentFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = segmentFile.readAll().split('\n');
    EXPECT_EQ(rows.first(), QByteArray("lane,lane_name,task,state,begin_ms,end_ms,duration_ms,core\r"));
    EXPECT_EQ(rows.size() - 2, qsizetype(saved->trace->segments.size())); // header, and the empty end
    QFile sampleFile(samples);
    ASSERT_TRUE(sampleFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> sampleRows = sampleFile.readAll().split('\n');
    EXPECT_TRUE(sampleRows.first().startsWith("time_ms,cpu0,")) << sampleRows.first().toStdString();
    EXPECT_EQ(sampleRows.size() - 2, qsizetype(saved->trace->cpuSamples.size()));
    EXPECT_GE(saved->trace->cpuSamples.size(), 2u); // 120 ms at 20 Hz
}

TEST(Cli, UnwritableFileFailsWithOneLineAndTheOthersAreStillWritten)
{
    QTemporaryDir dir;
    const QString trace = dir.filePath(QStringLiteral("run.json"));
    const QString bad = dir.filePath(QStringLiteral("missing/segments.csv"));
    const CliResult result
        = runConlab(runArgs({QStringLiteral("--tasks"), QStringLiteral("2"), QStringLiteral("--cpu-ms"),
            QStringLiteral("1"), QStringLiteral("--segments-csv"), bad, QStringLiteral("--trace"), trace}));
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_EQ(result.err.count('\n'), 1) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains("Could not write the segments CSV file")) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(bad.toUtf8())) << result.err.toStdString();
    EXPECT_TRUE(conlab::readRunFile(trace, nullptr).has_value());
}

TEST(Cli, HelpAndVersion)
{
    EXPECT_EQ(runConlab({QStringLiteral("--version")}).exitCode, 0);
    const CliResult help = runConlab(runArgs({QStringLiteral("--help")}));
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains("--workload"));
}

TEST(Cli, WorkerModeStartedByHandExplainsAndExits2)
{
    for (const QByteArray& input : {QByteArray("hello, are you a worker?\n"), QByteArray()}) {
        QProcess process;
        process.start(QStringLiteral(CONLAB_BINARY), {QStringLiteral("worker")});
        ASSERT_TRUE(process.waitForStarted());
        process.write(input);
        process.closeWriteChannel();
        ASSERT_TRUE(process.waitForFinished(15'000));
        EXPECT_EQ(process.exitCode(), 2);
        const QByteArray err = process.readAllStandardError();
        EXPECT_TRUE(err.contains("internal")) << err.toStdString();
        EXPECT_TRUE(process.readAllStandardOutput().isEmpty());
    }
}

TEST(Cli, ProcessesModelRunsFromTheCommandLine)
{
    const CliResult result
        = runConlab(runArgs({QStringLiteral("--model"), QStringLiteral("processes"), QStringLiteral("--workload"),
            QStringLiteral("cpu"), QStringLiteral("--tasks"), QStringLiteral("4"), QStringLiteral("--workers"),
            QStringLiteral("2"), QStringLiteral("--cpu-ms"), QStringLiteral("5"), QStringLiteral("--json")}));
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QJsonObject summary = QJsonDocument::fromJson(result.out).object();
    EXPECT_EQ(summary[QLatin1String("tasks_completed")].toInt(), 4);
    EXPECT_EQ(summary[QLatin1String("worker_peak_rss_mb")].toArray().size(), 2);
    EXPECT_GT(summary[QLatin1String("startup_ms")].toDouble(), 0.0);
}

namespace {

QJsonObject runJson(const QStringList& arguments)
{
    const CliResult result = runConlab(runArgs(arguments + QStringList {QStringLiteral("--json")}));
    EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
    return QJsonDocument::fromJson(result.out).object();
}

} // namespace

TEST(Cli, CounterReportsLostUpdates)
{
    const QJsonObject summary = runJson(
        {QStringLiteral("--model"), QStringLiteral("threads"), QStringLiteral("--workload"), QStringLiteral("counter"),
            QStringLiteral("--tasks"), QStringLiteral("4"), QStringLiteral("--workers"), QStringLiteral("2"),
            QStringLiteral("--increments"), QStringLiteral("1000"), QStringLiteral("--lock"), QStringLiteral("--gil")});
    EXPECT_EQ(summary[QLatin1String("counter_expected")].toInt(), 4000);
    EXPECT_EQ(summary[QLatin1String("counter_actual")].toInt(), 4000);
    EXPECT_EQ(summary[QLatin1String("lost_updates")].toInt(), 0);
    EXPECT_TRUE(summary[QLatin1String("gil")].toBool());
    EXPECT_FALSE(summary.contains(QLatin1String("round_trips")));
    EXPECT_FALSE(summary.contains(QLatin1String("notes")));
}

TEST(Cli, ConvoyReportsRoundTripsAndProcessesExplainTheGil)
{
    const QJsonObject convoy = runJson({QStringLiteral("--model"), QStringLiteral("threads"),
        QStringLiteral("--workload"), QStringLiteral("convoy"), QStringLiteral("--cpu-ms"), QStringLiteral("60"),
        QStringLiteral("--io-ms"), QStringLiteral("0.1"), QStringLiteral("--gil")});
    EXPECT_EQ(convoy[QLatin1String("tasks")].toInt(), 2);
    EXPECT_GE(convoy[QLatin1String("round_trips")].toInt(), 1);
    EXPECT_EQ(convoy[QLatin1String("round_trips")].toInt(),
        convoy[QLatin1String("resume_latency_ms")].toObject()[QLatin1String("count")].toInt());
    EXPECT_FALSE(convoy.contains(QLatin1String("counter_actual")));

    const CliResult text = runConlab(runArgs({QStringLiteral("--model"), QStringLiteral("processes"),
        QStringLiteral("--workload"), QStringLiteral("cpu"), QStringLiteral("--tasks"), QStringLiteral("2"),
        QStringLiteral("--cpu-ms"), QStringLiteral("5"), QStringLiteral("--gil")}));
    ASSERT_EQ(text.exitCode, 0) << text.err.toStdString();
    EXPECT_TRUE(text.out.contains("each worker process has its own GIL; --gil changes nothing here"))
        << text.out.toStdString();
}

TEST(Cli, TraceShowsTheGilLaneAndDropRequests)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("gil.json"));
    const CliResult result
        = runConlab(runArgs({QStringLiteral("--model"), QStringLiteral("threads"), QStringLiteral("--workload"),
            QStringLiteral("cpu"), QStringLiteral("--tasks"), QStringLiteral("4"), QStringLiteral("--workers"),
            QStringLiteral("2"), QStringLiteral("--cpu-ms"), QStringLiteral("30"), QStringLiteral("--gil"),
            QStringLiteral("--switch-interval-ms"), QStringLiteral("1"), QStringLiteral("--trace"), path}));
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonArray events = QJsonDocument::fromJson(file.readAll()).object()[QLatin1String("traceEvents")].toArray();
    int gilTid = -1;
    for (const auto& value : events) {
        const QJsonObject event = value.toObject();
        if (event[QLatin1String("name")].toString() == QLatin1String("thread_name")
            && event[QLatin1String("args")].toObject()[QLatin1String("name")].toString() == QLatin1String("GIL"))
            gilTid = event[QLatin1String("tid")].toInt();
    }
    ASSERT_EQ(gilTid, 3);
    int instants = 0;
    int held = 0;
    for (const auto& value : events) {
        const QJsonObject event = value.toObject();
        if (event[QLatin1String("tid")].toInt() != gilTid || event[QLatin1String("pid")].toInt() != 1)
            continue;
        instants += event[QLatin1String("ph")].toString() == QLatin1String("i");
        held += event[QLatin1String("ph")].toString() == QLatin1String("X");
    }
    EXPECT_GT(instants, 0);
    EXPECT_GT(held, 1);
}
