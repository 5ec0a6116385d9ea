#include "core/sampling/usablecores.h"
#include "tests/app/runconlab.h"
#include "tests/figurefiles.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <csignal>
#include <gtest/gtest.h>

using conlab::test::CliResult;
using conlab::test::runArgs;

namespace {

const QStringList lessons {QStringLiteral("cpu-bound"), QStringLiteral("io-bound"), QStringLiteral("gil-convoy"),
    QStringLiteral("blocking-the-loop"), QStringLiteral("counter-race"), QStringLiteral("process-cost"),
    QStringLiteral("too-many-threads"), QStringLiteral("mixed-workload")};

// Every test gets its own empty $XDG_DATA_HOME: the user's own scenarios must not change what the tests see.
class SeriesCli : public ::testing::Test
{
protected:
    CliResult run(const QStringList& arguments) const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home.path());
        return conlab::test::runConlab(runArgs(arguments), environment);
    }

    QJsonObject json(const QStringList& arguments) const
    {
        const CliResult result = run(arguments + QStringList {QStringLiteral("--json")});
        EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
        EXPECT_EQ(result.out.count('\n'), 1) << "one JSON object on one line";
        EXPECT_TRUE(result.err.isEmpty()) << result.err.toStdString();
        return QJsonDocument::fromJson(result.out).object();
    }

    void writeUserScenario(const QString& fileName, const QByteArray& content) const
    {
        const QString directory = m_home.path() + QStringLiteral("/conlab/scenarios");
        ASSERT_TRUE(QDir().mkpath(directory));
        QFile file(directory + QLatin1Char('/') + fileName);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(content);
    }

    QTemporaryDir m_home;
};

QStringList models(const QJsonArray& summaries)
{
    QStringList models;
    for (const auto& summary : summaries)
        models << summary.toObject()[QLatin1String("model")].toString()
                + (summary.toObject()[QLatin1String("gil")].toBool() ? QStringLiteral("+gil") : QString());
    return models;
}

} // namespace

TEST_F(SeriesCli, ListScenariosNamesEveryLessonWithItsTitle)
{
    const CliResult result = run({QStringLiteral("--list-scenarios")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.err.isEmpty()) << result.err.toStdString();
    const QStringList lines = QString::fromUtf8(result.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), lessons.size()) << result.out.toStdString();
    for (qsizetype i = 0; i < lessons.size(); ++i) {
        EXPECT_TRUE(lines[i].startsWith(lessons[i] + QLatin1Char(' '))) << lines[i].toStdString();
        EXPECT_GT(lines[i].simplified().size(), lessons[i].size() + 5) << "and a title";
    }
    EXPECT_TRUE(result.out.contains("The GIL convoy effect"));
}

TEST_F(SeriesCli, ScenarioRunsEveryStepInTurn)
{
    // Run options given explicitly shrink the lesson's workload to test size.
    const QJsonObject object = json({QStringLiteral("--scenario"), QStringLiteral("cpu-bound"),
        QStringLiteral("--tasks"), QStringLiteral("2"), QStringLiteral("--cpu-ms"), QStringLiteral("5")});
    EXPECT_EQ(object[QLatin1String("scenario")].toString(), QStringLiteral("cpu-bound"));
    const QJsonArray runs = object[QLatin1String("runs")].toArray();
    EXPECT_EQ(models(runs),
        (QStringList {QStringLiteral("sequential"), QStringLiteral("threads"), QStringLiteral("threads+gil"),
            QStringLiteral("processes"), QStringLiteral("python"), QStringLiteral("python")}));
    for (const auto& value : runs) {
        const QJsonObject summary = value.toObject();
        EXPECT_EQ(summary[QLatin1String("tasks")].toInt(), 2);
        EXPECT_EQ(summary[QLatin1String("cpu_ms_per_phase")].toDouble(), 5.0);
        // A real-CPython step's tasks run inside the script, which reports what it did on its output.
        if (summary[QLatin1String("model")].toString() != QLatin1String("python")) {
            EXPECT_EQ(summary[QLatin1String("tasks_completed")].toInt(), 2);
        }
        EXPECT_FALSE(summary.contains(QLatin1String("error")));
    }
}

TEST_F(SeriesCli, ScenarioTextShowsTheQuestionEveryStepAndTheExplanation)
{
    const CliResult result = run({QStringLiteral("--scenario"), QStringLiteral("counter-race"),
        QStringLiteral("--increments"), QStringLiteral("2000")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QString out = QString::fromUtf8(result.out);
    EXPECT_TRUE(out.contains(QLatin1String("Ask the class first: Four tasks"))) << out.toStdString();
    for (const char* label : {"Step 1 of 7: Threads, no lock", "Step 2 of 7: Threads with a lock",
             "Step 6 of 7: Event loop, await between read and write", "Step 7 of 7: CPython threads"})
        EXPECT_TRUE(out.contains(QLatin1String(label))) << label;
    EXPECT_EQ(out.count(QLatin1String("\ncounter ")), 6) << "a counter line per emulated step";
    EXPECT_TRUE(out.contains(QLatin1String("8000 of 8000 expected: 0 updates lost"))); // with the lock
    const qsizetype shows = out.indexOf(QLatin1String("\nWhat it shows\n"));
    const qsizetype lookAt = out.indexOf(QLatin1String("\nWhat to look at\n"));
    EXPECT_GT(shows, out.lastIndexOf(QLatin1String("Step 7 of 7")));
    EXPECT_GT(lookAt, shows);
}

TEST_F(SeriesCli, ScenarioWithAModelRunsOnlyThatModelOnItsWorkload)
{
    const QJsonObject object
        = json({QStringLiteral("--scenario"), QStringLiteral("io-bound"), QStringLiteral("--model"),
            QStringLiteral("threads"), QStringLiteral("--gil"), QStringLiteral("--io-ms"), QStringLiteral("5")});
    const QJsonArray runs = object[QLatin1String("runs")].toArray();
    ASSERT_EQ(runs.size(), 1);
    const QJsonObject summary = runs[0].toObject();
    EXPECT_EQ(summary[QLatin1String("model")].toString(), QStringLiteral("threads"));
    EXPECT_TRUE(summary[QLatin1String("gil")].toBool());
    EXPECT_EQ(summary[QLatin1String("workload")].toString(), QStringLiteral("io"));
    EXPECT_EQ(summary[QLatin1String("tasks")].toInt(), 32); // the scenario's
    EXPECT_EQ(summary[QLatin1String("io_ms_per_phase")].toDouble(), 5.0); // the override
}

TEST_F(SeriesCli, UnknownScenarioExits2ListingTheNames)
{
    const CliResult result = run({QStringLiteral("--scenario"), QStringLiteral("threads-vs-fibers")});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.out.isEmpty());
    EXPECT_EQ(result.err.count('\n'), 1) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains("--scenario: unknown scenario 'threads-vs-fibers'")) << result.err.toStdString();
    for (const QString& id : lessons)
        EXPECT_TRUE(result.err.contains(id.toUtf8())) << id.toStdString();
}

TEST_F(SeriesCli, AnOverrideAStepCannotUseIsRefusedNamingTheStep)
{
    // The convoy's first step has no GIL, so a switch interval means nothing there.
    const CliResult result = run({QStringLiteral("--scenario"), QStringLiteral("gil-convoy"),
        QStringLiteral("--switch-interval-ms"), QStringLiteral("2")});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err.count('\n'), 1) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains("--switch-interval-ms")) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains("step 1 of scenario gil-convoy")) << result.err.toStdString();
}

TEST_F(SeriesCli, UserScenariosLoadAndABadOneIsReportedNotFatal)
{
    writeUserScenario(QStringLiteral("homework.json"), QByteArray(R"({
        "title": {"en": "Homework: sleeps", "ru": "Домашнее задание"}, "question": {"en": "q", "ru": "в"},
        "explanation": {"en": "e", "ru": "о"}, "look_at": {"en": "l", "ru": "с"},
        "workload": {"kind": "sleep", "tasks": 4, "io_ms": 5},
        "steps": [{"model": "threads", "workers": 4}, {"model": "eventloop"}]})"));
    writeUserScenario(QStringLiteral("broken.json"), QByteArray(R"({"title": 1})"));

    const CliResult list = run({QStringLiteral("--list-scenarios")});
    EXPECT_EQ(list.exitCode, 0);
    EXPECT_TRUE(list.out.contains("homework")) << list.out.toStdString();
    EXPECT_TRUE(list.out.contains("Homework: sleeps"));
    EXPECT_EQ(list.err.count('\n'), 1) << list.err.toStdString();
    EXPECT_TRUE(list.err.contains("scenario broken.json: ")) << list.err.toStdString();

    const CliResult result = run({QStringLiteral("--scenario"), QStringLiteral("homework"), QStringLiteral("--json")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QJsonArray runs = QJsonDocument::fromJson(result.out).object()[QLatin1String("runs")].toArray();
    EXPECT_EQ(models(runs), (QStringList {QStringLiteral("threads"), QStringLiteral("eventloop")}));
}

TEST_F(SeriesCli, CompareRunsEveryModelOnTheWorkload)
{
    const QJsonObject object = json({QStringLiteral("--compare"), QStringLiteral("--workload"), QStringLiteral("cpu"),
        QStringLiteral("--tasks"), QStringLiteral("2"), QStringLiteral("--cpu-ms"), QStringLiteral("5")});
    const QJsonArray rows = object[QLatin1String("compare")].toArray();
    ASSERT_EQ(rows.size(), 5);
    QStringList labels;
    QJsonArray summaries;
    for (const auto& value : rows) {
        const QJsonObject row = value.toObject();
        labels << row[QLatin1String("label")].toString();
        summaries.append(row[QLatin1String("summary")]);
        EXPECT_GT(row[QLatin1String("speedup")].toDouble(), 0.0);
        EXPECT_EQ(row[QLatin1String("summary")].toObject()[QLatin1String("checksum")],
            rows[0].toObject()[QLatin1String("summary")].toObject()[QLatin1String("checksum")]);
    }
    EXPECT_EQ(labels,
        (QStringList {QStringLiteral("sequential"), QStringLiteral("processes"), QStringLiteral("threads"),
            QStringLiteral("threads + GIL"), QStringLiteral("event loop")}));
    EXPECT_EQ(rows[0].toObject()[QLatin1String("speedup")].toDouble(), 1.0);
}

TEST_F(SeriesCli, CompareTablePrintsWallTimeAndSpeedUp)
{
    const CliResult result = run(
        {QStringLiteral("--compare"), QStringLiteral("--workload"), QStringLiteral("sleep"), QStringLiteral("--tasks"),
            QStringLiteral("4"), QStringLiteral("--io-ms"), QStringLiteral("5"), QStringLiteral("--model"),
            QStringLiteral("eventloop"), QStringLiteral("--offload"), QStringLiteral("threads")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QString out = QString::fromUtf8(result.out);
    EXPECT_TRUE(out.contains(QLatin1String("[5/5] event loop + thread executor: "))) << out.toStdString();
    const qsizetype header = out.indexOf(QLatin1String("\nmodel "));
    ASSERT_GE(header, 0) << out.toStdString();
    const QStringList table = out.mid(header + 1).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(table.size(), 6) << out.toStdString();
    EXPECT_TRUE(table[0].contains(QLatin1String("wall")) && table[0].contains(QLatin1String("speed-up")));
    EXPECT_TRUE(table[1].startsWith(QLatin1String("sequential")) && table[1].endsWith(QLatin1String("1.00x")));
    EXPECT_TRUE(table[4].startsWith(QLatin1String("threads + GIL")));
}

TEST_F(SeriesCli, SweepMeasuresEveryWorkerCountAndFitsAmdahl)
{
    const QJsonObject object = json({QStringLiteral("--sweep"), QStringLiteral("--model"), QStringLiteral("threads"),
        QStringLiteral("--workload"), QStringLiteral("cpu"), QStringLiteral("--tasks"), QStringLiteral("4"),
        QStringLiteral("--cpu-ms"), QStringLiteral("10")});
    const QJsonObject sweep = object[QLatin1String("sweep")].toObject();
    EXPECT_EQ(sweep[QLatin1String("model")].toString(), QStringLiteral("threads"));
    EXPECT_EQ(
        sweep[QLatin1String("baseline")].toObject()[QLatin1String("model")].toString(), QStringLiteral("sequential"));
    const QJsonArray points = sweep[QLatin1String("points")].toArray();
    const int expected = std::min(4, 2 * conlab::usableCores());
    ASSERT_EQ(points.size(), expected);
    for (int i = 0; i < expected; ++i) {
        const QJsonObject point = points[i].toObject();
        EXPECT_EQ(point[QLatin1String("workers")].toInt(), i + 1);
        EXPECT_EQ(point[QLatin1String("summary")].toObject()[QLatin1String("workers")].toInt(), i + 1);
        EXPECT_GT(point[QLatin1String("speedup")].toDouble(), 0.0);
        EXPECT_GT(point[QLatin1String("amdahl")].toDouble(), 0.0);
    }
    EXPECT_DOUBLE_EQ(points[0].toObject()[QLatin1String("amdahl")].toDouble(), 1.0);
    const double p = sweep[QLatin1String("parallel_fraction")].toDouble(-1);
    EXPECT_GE(p, 0.0);
    EXPECT_LE(p, 1.0);
    EXPECT_GE(sweep[QLatin1String("rms_relative_error")].toDouble(-1), 0.0);
    // CPU work: the fit caps the parallelism at the usable cores, so its curve is flat past them.
    const int cores = conlab::usableCores();
    EXPECT_EQ(sweep[QLatin1String("parallelism_cap")].toInt(), cores);
    if (expected > cores) {
        EXPECT_DOUBLE_EQ(points[expected - 1].toObject()[QLatin1String("amdahl")].toDouble(),
            points[cores - 1].toObject()[QLatin1String("amdahl")].toDouble());
    }
    if (expected > 1) {
        EXPECT_GE(sweep[QLatin1String("parallel_fraction_error")].toDouble(-1), 0.0);
    }
}

TEST_F(SeriesCli, SweepTableForIoGoesPastTheCores)
{
    const CliResult result = run({QStringLiteral("--sweep"), QStringLiteral("--model"), QStringLiteral("eventloop"),
        QStringLiteral("--workload"), QStringLiteral("sleep"), QStringLiteral("--tasks"), QStringLiteral("64"),
        QStringLiteral("--io-ms"), QStringLiteral("2")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QString out = QString::fromUtf8(result.out);
    EXPECT_TRUE(out.contains(QLatin1String("Scaling sweep of event loop"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QLatin1String("workers"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QLatin1String("Amdahl's law fitted: parallel fraction p = "))) << out.toStdString();
    // The last row is every task at once.
    EXPECT_TRUE(out.contains(QLatin1String("\n     64  "))) << out.toStdString();
}

TEST_F(SeriesCli, RepeatRunsEachPointNTimesAndGivesTheMedianWithItsRange)
{
    const QJsonObject object = json({QStringLiteral("--sweep"), QStringLiteral("--repeat"), QStringLiteral("3"),
        QStringLiteral("--model"), QStringLiteral("threads"), QStringLiteral("--workload"), QStringLiteral("sleep"),
        QStringLiteral("--tasks"), QStringLiteral("2"), QStringLiteral("--io-ms"), QStringLiteral("5")});
    const QJsonObject sweep = object[QLatin1String("sweep")].toObject();
    EXPECT_EQ(sweep[QLatin1String("repeat")].toInt(), 3);
    const QJsonArray points = sweep[QLatin1String("points")].toArray();
    ASSERT_FALSE(points.isEmpty());
    for (const auto& value : points) {
        const QJsonObject point = value.toObject();
        EXPECT_EQ(point[QLatin1String("runs")].toInt(), 3);
        const double min = point[QLatin1String("wall_min_ms")].toDouble(-1);
        const double median = point[QLatin1String("wall_ms")].toDouble(-1);
        const double max = point[QLatin1String("wall_max_ms")].toDouble(-1);
        EXPECT_GT(min, 0.0);
        EXPECT_LE(min, median);
        EXPECT_LE(median, max);
        // The slowest repeat gives the smallest speed-up.
        const double speedupMin = point[QLatin1String("speedup_min")].toDouble(-1);
        const double speedup = point[QLatin1String("speedup")].toDouble(-1);
        const double speedupMax = point[QLatin1String("speedup_max")].toDouble(-1);
        EXPECT_GT(speedupMin, 0.0);
        EXPECT_LE(speedupMin, speedup);
        EXPECT_LE(speedup, speedupMax);
        EXPECT_EQ(point[QLatin1String("summary")].toObject()[QLatin1String("wall_ms")].toDouble(), median);
    }
    // Headless runs once unless told.
    const QJsonObject once = json({QStringLiteral("--compare"), QStringLiteral("--workload"), QStringLiteral("sleep"),
        QStringLiteral("--tasks"), QStringLiteral("2"), QStringLiteral("--io-ms"), QStringLiteral("2")});
    EXPECT_EQ(once[QLatin1String("repeat")].toInt(), 1);
    for (const auto& value : once[QLatin1String("compare")].toArray()) {
        const QJsonObject run = value.toObject();
        EXPECT_EQ(run[QLatin1String("runs")].toInt(), 1);
        EXPECT_EQ(run[QLatin1String("wall_min_ms")].toDouble(), run[QLatin1String("wall_max_ms")].toDouble());
    }
}

TEST_F(SeriesCli, RepeatOutOfRangeOrWithoutASeriesIsRefused)
{
    for (const QString& bad : {QStringLiteral("0"), QStringLiteral("21"), QStringLiteral("three")}) {
        const CliResult result = run({QStringLiteral("--compare"), QStringLiteral("--repeat"), bad});
        EXPECT_EQ(result.exitCode, 2) << bad.toStdString();
        EXPECT_TRUE(result.out.isEmpty());
        EXPECT_TRUE(result.err.contains("--repeat must be a whole number from 1 to 20")) << result.err.toStdString();
    }
    const CliResult alone = run({QStringLiteral("--repeat"), QStringLiteral("3")});
    EXPECT_EQ(alone.exitCode, 2);
    EXPECT_TRUE(alone.err.contains("--compare or --sweep")) << alone.err.toStdString();
}

TEST_F(SeriesCli, CompareAndSweepWriteTheirPictures)
{
    const CliResult compare = run({QStringLiteral("--compare"), QStringLiteral("--workload"), QStringLiteral("cpu"),
        QStringLiteral("--tasks"), QStringLiteral("2"), QStringLiteral("--cpu-ms"), QStringLiteral("5"),
        QStringLiteral("--png"), m_home.filePath(QStringLiteral("compare.png")), QStringLiteral("--svg"),
        m_home.filePath(QStringLiteral("compare.svg"))});
    ASSERT_EQ(compare.exitCode, 0) << compare.err.toStdString();
    const QImage bars(m_home.filePath(QStringLiteral("compare.png")));
    ASSERT_FALSE(bars.isNull());
    EXPECT_EQ(bars.size(), QSize(1600, 1500)); // the compare view's own size: five timelines under the bars
    EXPECT_GT(conlab::test::inkPixels(bars), 1600 * 1500 / 20);
    QFile svg(m_home.filePath(QStringLiteral("compare.svg")));
    ASSERT_TRUE(svg.open(QIODevice::ReadOnly));
    EXPECT_TRUE(conlab::test::checkSvg(svg.readAll()).wellFormed);

    const CliResult sweep = run({QStringLiteral("--sweep"), QStringLiteral("--model"), QStringLiteral("threads"),
        QStringLiteral("--workload"), QStringLiteral("cpu"), QStringLiteral("--tasks"), QStringLiteral("4"),
        QStringLiteral("--cpu-ms"), QStringLiteral("10"), QStringLiteral("--png"),
        m_home.filePath(QStringLiteral("sweep.png")), QStringLiteral("--figure-size"), QStringLiteral("1200x800"),
        QStringLiteral("--scale"), QStringLiteral("2")});
    ASSERT_EQ(sweep.exitCode, 0) << sweep.err.toStdString();
    const QImage speedups(m_home.filePath(QStringLiteral("sweep.png")));
    ASSERT_FALSE(speedups.isNull());
    EXPECT_EQ(speedups.size(), QSize(2400, 1600));
    EXPECT_GT(conlab::test::inkPixels(speedups), 2400 * 1600 / 50);
}

struct SeriesBadInput
{
    const char* name;
    QStringList arguments;
    const char* named;
};

class SeriesCliRejects : public SeriesCli, public ::testing::WithParamInterface<SeriesBadInput>
{
};

TEST_P(SeriesCliRejects, WithOneLineAndExitCode2)
{
    const CliResult result = run(GetParam().arguments);
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.out.isEmpty()) << result.out.toStdString();
    EXPECT_EQ(result.err.count('\n'), 1) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(GetParam().named)) << result.err.toStdString();
}

INSTANTIATE_TEST_SUITE_P(BadInputs, SeriesCliRejects,
    ::testing::Values(SeriesBadInput {"SweepSequential", {QStringLiteral("--sweep")}, "--sweep: the sequential model"},
        SeriesBadInput {"SweepConvoy",
            {QStringLiteral("--sweep"), QStringLiteral("--model"), QStringLiteral("threads"),
                QStringLiteral("--workload"), QStringLiteral("convoy")},
            "--sweep: the convoy"},
        SeriesBadInput {"CompareAndSweep", {QStringLiteral("--compare"), QStringLiteral("--sweep")}, "choose one"},
        SeriesBadInput {"ScenarioWithTrace",
            {QStringLiteral("--scenario"), QStringLiteral("cpu-bound"), QStringLiteral("--trace"),
                QStringLiteral("t.json")},
            "--trace"},
        SeriesBadInput {"CompareWithTrace",
            {QStringLiteral("--compare"), QStringLiteral("--trace"), QStringLiteral("t.json")}, "--trace"},
        // Not --png itself: that starts an offscreen GUI, which may add a line of its own about the environment.
        SeriesBadInput {"ScenarioWithFigureSize",
            {QStringLiteral("--scenario"), QStringLiteral("cpu-bound"), QStringLiteral("--figure-size"),
                QStringLiteral("800x600")},
            "--figure-size"},
        SeriesBadInput {"CompareBadTasks",
            {QStringLiteral("--compare"), QStringLiteral("--tasks"), QStringLiteral("0")}, "--tasks"},
        SeriesBadInput {"ScenarioMisplacedLock",
            {QStringLiteral("--scenario"), QStringLiteral("cpu-bound"), QStringLiteral("--lock")}, "--lock"}),
    [](const auto& instance) { return std::string(instance.param.name); });

// Its bound is on wall time (exits within 2 s of the interrupt): labelled `timing`, see tests/CMakeLists.txt.
class SeriesCliTiming : public SeriesCli
{
};

TEST_F(SeriesCliTiming, InterruptCancelsTheSeriesAndExits130)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home.path());
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(CONLAB_BINARY),
        runArgs({QStringLiteral("--compare"), QStringLiteral("--workload"), QStringLiteral("sleep"),
            QStringLiteral("--tasks"), QStringLiteral("4"), QStringLiteral("--io-ms"), QStringLiteral("20000"),
            QStringLiteral("--json")}));
    ASSERT_TRUE(process.waitForStarted());
    QThread::msleep(500);
    QElapsedTimer sinceInterrupt;
    sinceInterrupt.start();
    ::kill(pid_t(process.processId()), SIGINT);
    ASSERT_TRUE(process.waitForFinished(5'000));
    EXPECT_LT(sinceInterrupt.elapsed(), 2'000);
    EXPECT_EQ(process.exitCode(), 130);
    const QJsonArray rows
        = QJsonDocument::fromJson(process.readAllStandardOutput()).object()[QLatin1String("compare")].toArray();
    ASSERT_EQ(rows.size(), 1); // the sequential run, cancelled; the rest dropped
    EXPECT_TRUE(rows[0].toObject()[QLatin1String("summary")].toObject()[QLatin1String("cancelled")].toBool());
}
