#include "core/export/runsummaryjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <cmath>
#include <cstdio>
#include <gtest/gtest.h>
#include <limits>

using namespace conlab;

namespace {

RunSummary sampleSummary()
{
    RunSummary summary;
    summary.config.model = ModelKind::Threads;
    summary.config.workload.kind = WorkloadKind::Mixed;
    summary.config.workload.tasks = 12;
    summary.config.workload.cpuMs = 12.5;
    summary.config.workload.ioMs = 40;
    summary.config.workload.phases = 3;
    summary.config.workers = 3; // explicit, so effectiveWorkers() does not depend on the machine
    summary.wallMs = 1234.56789;
    summary.cpuMs = 2000.0004;
    summary.tasksCompleted = 12;
    summary.checksum = 0x00ab'cdef'0123'4567ULL;
    summary.stateMs[static_cast<std::size_t>(TaskState::Running)] = 1000.1234;
    summary.stateMs[static_cast<std::size_t>(TaskState::WaitingIo)] = 500;
    summary.stateMs[static_cast<std::size_t>(TaskState::Ready)] = 0.0005;
    summary.resumeLatencyMs = {0.1234, 0.98765, 2.5, 36};
    summary.peakRssMb = 45.6789;
    summary.cores = 8;
    summary.iterationsPerMs = 123456.78912345678;
    return summary;
}

QString expectedChecksum(std::uint64_t value)
{
    char text[32];
    std::snprintf(text, sizeof text, "0x%016llx", static_cast<unsigned long long>(value));
    return QString::fromLatin1(text);
}

} // namespace

TEST(RunSummaryJson, HasExactlyTheDocumentedKeys)
{
    const QJsonObject json = runSummaryToJson(sampleSummary());
    const QStringList keys = json.keys();
    const QSet<QString> actual(keys.begin(), keys.end());
    const QSet<QString> expected {
        QStringLiteral("model"),
        QStringLiteral("workload"),
        QStringLiteral("tasks"),
        QStringLiteral("workers"),
        QStringLiteral("cpu_ms_per_phase"),
        QStringLiteral("io_ms_per_phase"),
        QStringLiteral("phases"),
        QStringLiteral("wall_ms"),
        QStringLiteral("cpu_ms"),
        QStringLiteral("tasks_completed"),
        QStringLiteral("checksum"),
        QStringLiteral("state_ms"),
        QStringLiteral("resume_latency_ms"),
        QStringLiteral("peak_rss_mb"),
        QStringLiteral("cores"),
        QStringLiteral("iterations_per_ms"),
        QStringLiteral("startup_ms"),
        QStringLiteral("overlapping_segments"),
        QStringLiteral("cancelled"),
    };
    EXPECT_EQ(actual, expected) << QJsonDocument(json).toJson().toStdString();
}

TEST(RunSummaryJson, WritesConfigurationAndResults)
{
    const QJsonObject json = runSummaryToJson(sampleSummary());
    EXPECT_EQ(json.value(QStringLiteral("model")).toString(), QStringLiteral("threads"));
    EXPECT_EQ(json.value(QStringLiteral("workload")).toString(), QStringLiteral("mixed"));
    EXPECT_EQ(json.value(QStringLiteral("tasks")).toInt(), 12);
    EXPECT_EQ(json.value(QStringLiteral("workers")).toInt(), 3);
    EXPECT_EQ(json.value(QStringLiteral("cpu_ms_per_phase")).toDouble(), 12.5);
    EXPECT_EQ(json.value(QStringLiteral("io_ms_per_phase")).toDouble(), 40.0);
    EXPECT_EQ(json.value(QStringLiteral("phases")).toInt(), 3);
    EXPECT_EQ(json.value(QStringLiteral("wall_ms")).toDouble(), 1234.568);
    EXPECT_EQ(json.value(QStringLiteral("cpu_ms")).toDouble(), 2000.0);
    EXPECT_EQ(json.value(QStringLiteral("tasks_completed")).toInt(), 12);
    EXPECT_EQ(json.value(QStringLiteral("checksum")).toString(), QStringLiteral("0x00abcdef01234567"));
    EXPECT_EQ(json.value(QStringLiteral("peak_rss_mb")).toDouble(), 45.679);
    EXPECT_EQ(json.value(QStringLiteral("cores")).toInt(), 8);
    // Exact, not rounded: --calibration must reproduce the checksum.
    EXPECT_EQ(json.value(QStringLiteral("iterations_per_ms")).toDouble(), 123456.78912345678);
    EXPECT_TRUE(json.value(QStringLiteral("cancelled")).isBool());
    EXPECT_FALSE(json.value(QStringLiteral("cancelled")).toBool(true));
}

// Written only where the run counted it: a run saved before migrations were counted does not claim 0.
TEST(RunSummaryJson, WritesMigrationsWhenCounted)
{
    RunSummary summary = sampleSummary();
    EXPECT_FALSE(runSummaryToJson(summary).contains(QStringLiteral("migrations")));
    summary.migrations = 7;
    EXPECT_EQ(runSummaryToJson(summary).value(QStringLiteral("migrations")).toInteger(-1), 7);
    EXPECT_TRUE(runSummaryText(summary).contains(QStringLiteral("core changes")));
}

// other_load_percent only where /proc/stat measured it; the text says when it puts the times in doubt.
TEST(RunSummaryJson, WritesOtherProgramsLoadWhenMeasured)
{
    RunSummary summary = sampleSummary();
    EXPECT_FALSE(runSummaryToJson(summary).contains(QStringLiteral("other_load_percent")));
    summary.otherLoadPercent = 37.4567;
    EXPECT_EQ(runSummaryToJson(summary).value(QStringLiteral("other_load_percent")).toDouble(), 37.457);
    EXPECT_TRUE(runSummaryText(summary).contains(
        QStringLiteral("37 % of the machine during the run: these times are not the model's alone")))
        << runSummaryText(summary).toStdString();
    summary.otherLoadPercent = 4.0;
    EXPECT_FALSE(runSummaryText(summary).contains(QStringLiteral("not the model's alone")));
}

TEST(RunSummaryJson, WritesEveryStateRounded)
{
    const QJsonObject states = runSummaryToJson(sampleSummary()).value(QStringLiteral("state_ms")).toObject();
    EXPECT_EQ(states.size(), taskStateCount);
    for (TaskState state : allTaskStates)
        EXPECT_TRUE(states.value(taskStateKey(state)).isDouble()) << taskStateKey(state).toStdString();
    EXPECT_EQ(states.value(QStringLiteral("running")).toDouble(), 1000.123);
    EXPECT_EQ(states.value(QStringLiteral("waiting_io")).toDouble(), 500.0);
    EXPECT_EQ(states.value(QStringLiteral("ready")).toDouble(), 0.001);
    EXPECT_EQ(states.value(QStringLiteral("waiting_gil")).toDouble(-1), 0.0);
}

TEST(RunSummaryJson, WritesResumeLatency)
{
    const QJsonObject latency = runSummaryToJson(sampleSummary()).value(QStringLiteral("resume_latency_ms")).toObject();
    EXPECT_EQ(latency.size(), 4);
    EXPECT_EQ(latency.value(QStringLiteral("p50")).toDouble(), 0.123);
    EXPECT_EQ(latency.value(QStringLiteral("p99")).toDouble(), 0.988);
    EXPECT_EQ(latency.value(QStringLiteral("max")).toDouble(), 2.5);
    EXPECT_EQ(latency.value(QStringLiteral("count")).toInt(), 36);
}

TEST(RunSummaryJson, FormatsChecksumAsSixteenHexDigits)
{
    for (std::uint64_t value : {std::uint64_t {0}, std::uint64_t {0x1234}, std::uint64_t {0x8000'0000'0000'0001ULL},
             std::numeric_limits<std::uint64_t>::max()}) {
        RunSummary summary;
        summary.checksum = value;
        summary.config.workers = 1;
        EXPECT_EQ(runSummaryToJson(summary).value(QStringLiteral("checksum")).toString(), expectedChecksum(value));
    }
    EXPECT_EQ(expectedChecksum(std::numeric_limits<std::uint64_t>::max()), QStringLiteral("0xffffffffffffffff"));
}

TEST(RunSummaryJson, IncludesErrorAndCancellationWhenSet)
{
    RunSummary summary = sampleSummary();
    summary.cancelled = true;
    summary.error = QStringLiteral("Could not start worker 2: out of memory.");
    const QJsonObject json = runSummaryToJson(summary);
    EXPECT_TRUE(json.value(QStringLiteral("cancelled")).toBool());
    EXPECT_EQ(json.value(QStringLiteral("error")).toString(), summary.error);
}

TEST(RunSummaryJson, NonFiniteNumbersBecomeNull)
{
    RunSummary summary = sampleSummary();
    summary.wallMs = std::numeric_limits<double>::quiet_NaN();
    summary.peakRssMb = std::numeric_limits<double>::infinity();
    const QJsonObject json = runSummaryToJson(summary);
    EXPECT_TRUE(json.value(QStringLiteral("wall_ms")).isNull());
    EXPECT_TRUE(json.value(QStringLiteral("peak_rss_mb")).isNull());
    QJsonParseError error;
    QJsonDocument::fromJson(QJsonDocument(json).toJson(), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError);
}

TEST(RunSummaryJson, RoundTripsThroughText)
{
    const QJsonObject json = runSummaryToJson(sampleSummary());
    const QJsonDocument reparsed = QJsonDocument::fromJson(QJsonDocument(json).toJson(QJsonDocument::Compact));
    EXPECT_EQ(reparsed.object(), json);
    EXPECT_EQ(reparsed.object().value(QStringLiteral("iterations_per_ms")).toDouble(), 123456.78912345678);
}

TEST(RunSummaryText, ListsTheHeadlineNumbers)
{
    const QString text = runSummaryText(sampleSummary());
    const auto has = [&](const char* needle) { return text.contains(QLatin1String(needle)); };
    EXPECT_TRUE(has("threads")) << text.toStdString();
    EXPECT_TRUE(has("mixed")) << text.toStdString();
    EXPECT_TRUE(has("1234.568 ms")) << text.toStdString();
    EXPECT_TRUE(has("2000.000 ms")) << text.toStdString();
    EXPECT_TRUE(has("12 of 12")) << text.toStdString();
    EXPECT_TRUE(has("0x00abcdef01234567")) << text.toStdString();
    EXPECT_TRUE(has("p50 0.123 ms")) << text.toStdString();
    EXPECT_TRUE(has("p99 0.988 ms")) << text.toStdString();
    EXPECT_TRUE(has("max 2.500 ms")) << text.toStdString();
    EXPECT_TRUE(has("45.7 MB")) << text.toStdString();
    EXPECT_TRUE(has("123456.78912345678 iterations/ms")) << text.toStdString();
    EXPECT_TRUE(text.endsWith(QLatin1Char('\n')));
    EXPECT_FALSE(has("error")) << text.toStdString();
}

TEST(RunSummaryText, ListsOnlyNonZeroStates)
{
    const QString text = runSummaryText(sampleSummary());
    const QStringList lines = text.split(QLatin1Char('\n'));
    const auto lineFor = [&](TaskState state) {
        for (const QString& line : lines) {
            if (line.trimmed().startsWith(taskStateLabel(state)))
                return line;
        }
        return QString();
    };
    EXPECT_TRUE(lineFor(TaskState::Running).endsWith(QStringLiteral("1000.123 ms"))) << text.toStdString();
    EXPECT_TRUE(lineFor(TaskState::WaitingIo).endsWith(QStringLiteral("500.000 ms"))) << text.toStdString();
    EXPECT_FALSE(lineFor(TaskState::Ready).isEmpty()) << text.toStdString();
    EXPECT_TRUE(lineFor(TaskState::WaitingGil).isEmpty()) << text.toStdString();
    EXPECT_TRUE(lineFor(TaskState::BlockingLoop).isEmpty()) << text.toStdString();
}

TEST(RunSummaryText, ShowsErrorAndMissingLatency)
{
    RunSummary summary = sampleSummary();
    summary.resumeLatencyMs = {};
    summary.cancelled = true;
    summary.error = QStringLiteral("Could not start worker 2: out of memory.");
    const QString text = runSummaryText(summary);
    EXPECT_TRUE(text.contains(summary.error)) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("cancelled"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("no I/O waits"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("p50"))) << text.toStdString();
}

TEST(RunSummaryJson, GilConvoyCounterAndNotesOnlyWhenTheyApply)
{
    const QJsonObject plain = runSummaryToJson(sampleSummary());
    for (const char* key : {"gil", "switch_interval_ms", "offload", "round_trips", "counter_expected", "counter_actual",
             "lost_updates", "notes"})
        EXPECT_FALSE(plain.contains(QLatin1String(key))) << key;

    RunSummary summary = sampleSummary();
    summary.config.gil = true;
    summary.config.switchIntervalMs = 1;
    summary.gilSwitches = 40;
    summary.gilDropRequests = 20;
    summary.roundTrips = 17;
    summary.counter = CounterResult {800, 500};
    summary.notes << QStringLiteral("each worker process has its own GIL; --gil changes nothing here");
    const QJsonObject json = runSummaryToJson(summary);
    EXPECT_TRUE(json.value(QStringLiteral("gil")).toBool());
    EXPECT_EQ(json.value(QStringLiteral("switch_interval_ms")).toDouble(), 1.0);
    EXPECT_EQ(json.value(QStringLiteral("gil_switches")).toInt(), 40);
    EXPECT_EQ(json.value(QStringLiteral("gil_drop_requests")).toInt(), 20);
    EXPECT_EQ(json.value(QStringLiteral("round_trips")).toInt(), 17);
    EXPECT_EQ(json.value(QStringLiteral("counter_expected")).toInt(), 800);
    EXPECT_EQ(json.value(QStringLiteral("counter_actual")).toInt(), 500);
    EXPECT_EQ(json.value(QStringLiteral("lost_updates")).toInt(), 300);
    ASSERT_EQ(json.value(QStringLiteral("notes")).toArray().size(), 1);
    EXPECT_EQ(json.value(QStringLiteral("notes")).toArray().at(0).toString(), summary.notes.at(0));

    summary.config.model = ModelKind::EventLoop;
    summary.config.offload = OffloadKind::Threads;
    EXPECT_EQ(runSummaryToJson(summary).value(QStringLiteral("offload")).toString(), QStringLiteral("threads"));

    const QString text = runSummaryText(summary);
    EXPECT_TRUE(text.contains(QLatin1String("+ GIL (switch interval 1 ms)"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QLatin1String("thread executor"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QLatin1String("300 updates lost"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QLatin1String("round trips"))) << text.toStdString();
    EXPECT_TRUE(text.contains(summary.notes.at(0))) << text.toStdString();
}
