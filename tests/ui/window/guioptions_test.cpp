#include "core/scenario/scenariolibrary.h"
#include "ui/window/guioptions.h"
#include "ui/window/runsession.h"

#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace conlab;

namespace {

std::optional<GuiOptions> parse(const QStringList& arguments, QString* error)
{
    return parseGuiOptions(QStringList {QStringLiteral("conlab")} + arguments, error);
}

struct GuiRun
{
    int exitCode = -1;
    QByteArray err;
};

// The real binary, as a user or a script would start it, on a display that needs no server.
GuiRun runConlab(const QStringList& arguments, const QString& runtimeDir)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir); // else Qt warns about it on stderr
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), runtimeDir); // the recent files stay out of the user's settings
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(CONLAB_BINARY), arguments);
    EXPECT_TRUE(process.waitForFinished(120'000)) << "conlab did not finish";
    return GuiRun {process.exitCode(), process.readAllStandardError()};
}

struct BadInput
{
    QStringList arguments;
    const char* named;
};

class GuiOptionsRejects : public ::testing::TestWithParam<BadInput>
{
};

} // namespace

TEST_P(GuiOptionsRejects, NamingTheArgument)
{
    QString error;
    EXPECT_FALSE(parse(GetParam().arguments, &error).has_value());
    EXPECT_TRUE(error.contains(QLatin1String(GetParam().named))) << error.toStdString();
    EXPECT_FALSE(error.contains(QLatin1Char('\n'))) << error.toStdString();
}

INSTANTIATE_TEST_SUITE_P(BadInputs, GuiOptionsRejects,
    ::testing::Values(BadInput {{QStringLiteral("--model"), QStringLiteral("fibers")}, "--model"},
        BadInput {{QStringLiteral("--tasks"), QStringLiteral("0")}, "--tasks"},
        BadInput {{QStringLiteral("--workers"), QStringLiteral("lots")}, "--workers"},
        BadInput {{QStringLiteral("--cpu-ms"), QStringLiteral("-5")}, "--cpu-ms"},
        BadInput {{QStringLiteral("--offload"), QStringLiteral("gpu")}, "--offload"},
        BadInput {{QStringLiteral("--offload"), QStringLiteral("threads")}, "--offload"},
        BadInput {{QStringLiteral("--switch-interval-ms"), QStringLiteral("2")}, "--switch-interval-ms"},
        BadInput {{QStringLiteral("--gil"), QStringLiteral("--switch-interval-ms"), QStringLiteral("0")},
            "--switch-interval-ms"},
        BadInput {{QStringLiteral("--gil"), QStringLiteral("--switch-interval-ms"), QStringLiteral("soon")},
            "--switch-interval-ms"},
        BadInput {{QStringLiteral("--screenshot=")}, "--screenshot"},
        BadInput {{QStringLiteral("--view"), QStringLiteral("threads")}, "--view"},
        BadInput {{QStringLiteral("--bogus")}, "bogus"}, BadInput {{QStringLiteral("walk")}, "walk"}),
    [](const ::testing::TestParamInfo<BadInput>& instance) { return "case" + std::to_string(instance.index); });

TEST(GuiOptions, ReadsTheModelKnobsAndWhatToDoUnattended)
{
    QString error;
    const auto options
        = parse({QStringLiteral("--model"), QStringLiteral("threads"), QStringLiteral("--gil"),
                    QStringLiteral("--switch-interval-ms"), QStringLiteral("0.5"), QStringLiteral("--workload"),
                    QStringLiteral("mixed"), QStringLiteral("--tasks"), QStringLiteral("6"),
                    QStringLiteral("--autorun"), QStringLiteral("--exit-when-done"), QStringLiteral("--screenshot"),
                    QStringLiteral("a.png"), QStringLiteral("--report"), QStringLiteral("a.json")},
            &error);
    ASSERT_TRUE(options.has_value()) << error.toStdString();
    EXPECT_EQ(options->config.model, ModelKind::Threads);
    EXPECT_TRUE(options->config.gil);
    EXPECT_DOUBLE_EQ(options->config.switchIntervalMs, 0.5);
    EXPECT_EQ(options->config.workload.kind, WorkloadKind::Mixed);
    EXPECT_EQ(options->config.workload.tasks, 6);
    EXPECT_TRUE(options->autorun);
    EXPECT_TRUE(options->exitWhenDone);
    EXPECT_EQ(options->screenshotPath, QStringLiteral("a.png"));
    EXPECT_EQ(options->reportPath, QStringLiteral("a.json"));

    const auto loop = parse({QStringLiteral("--model"), QStringLiteral("eventloop"), QStringLiteral("--offload"),
                                QStringLiteral("processes")},
        &error);
    ASSERT_TRUE(loop.has_value()) << error.toStdString();
    EXPECT_EQ(loop->config.offload, OffloadKind::Processes);

    const auto plain = parse({}, &error);
    ASSERT_TRUE(plain.has_value());
    EXPECT_FALSE(plain->autorun);
    EXPECT_FALSE(plain->exitWhenDone);
    EXPECT_FALSE(plain->coresView);
    EXPECT_TRUE(parse({QStringLiteral("--view"), QStringLiteral("cores")}, &error)->coresView);
    EXPECT_FALSE(parse({QStringLiteral("--view"), QStringLiteral("timeline")}, &error)->coresView);
}

TEST(GuiOptions, AFileToOpenIsTheOnePositionalArgument)
{
    const QString file = QStringLiteral(CONLAB_TEST_DATA_DIR "/core/import/fixtures/foreign-object.json");
    QString error;
    const auto options = parse(
        {file, QStringLiteral("--screenshot"), QStringLiteral("a.png"), QStringLiteral("--exit-when-done")}, &error);
    ASSERT_TRUE(options.has_value()) << error.toStdString();
    EXPECT_EQ(options->openPath, file);
    EXPECT_EQ(options->screenshotPath, QStringLiteral("a.png"));
    EXPECT_TRUE(options->exitWhenDone);
    EXPECT_TRUE(parse({}, &error)->openPath.isEmpty());

    // Several files (a file manager's selection, Exec=conlab %F): the first here, each other in a window of its own.
    const QString other = QStringLiteral(CONLAB_TEST_DATA_DIR "/core/import/fixtures/foreign-array.json");
    const auto several = parse({file, other}, &error);
    ASSERT_TRUE(several.has_value()) << error.toStdString();
    EXPECT_EQ(several->openPath, file);
    EXPECT_EQ(several->moreFiles, QStringList {other});
    EXPECT_TRUE(options->moreFiles.isEmpty());
    EXPECT_FALSE(parse({file, QStringLiteral("no-such.json")}, &error).has_value());
    EXPECT_TRUE(error.contains(QStringLiteral("'no-such.json': no such file"))) << error.toStdString();
    // A scripted window photographs one run.
    EXPECT_FALSE(parse({file, other, QStringLiteral("--exit-when-done")}, &error).has_value());
    EXPECT_TRUE(error.contains(QStringLiteral("opens one file"))) << error.toStdString();
    // A run's own options make no sense for a file's run.
    for (const char* option : {"--autorun", "--report"}) {
        QStringList arguments {file, QLatin1String(option)};
        if (QLatin1String(option) == QLatin1String("--report"))
            arguments << QStringLiteral("r.json");
        EXPECT_FALSE(parse(arguments, &error).has_value()) << option;
        EXPECT_TRUE(error.contains(QLatin1String(option))) << error.toStdString();
    }
}

TEST(GuiOptions, TheBinaryRejectsBadInputWithOneLineAndExitCode2)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const GuiRun run = runConlab({QStringLiteral("--tasks"), QStringLiteral("0")}, dir.path());
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(run.err.count('\n'), 1) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains("--tasks")) << run.err.toStdString();
}

TEST(GuiOptions, AutorunWritesAReportAndAScreenshotThenExits)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString report = dir.filePath(QStringLiteral("run.json"));
    const QString screenshot = dir.filePath(QStringLiteral("run.png"));
    const GuiRun run
        = runConlab({QStringLiteral("--model"), QStringLiteral("threads"), QStringLiteral("--workload"),
                        QStringLiteral("cpu"), QStringLiteral("--tasks"), QStringLiteral("4"),
                        QStringLiteral("--workers"), QStringLiteral("2"), QStringLiteral("--cpu-ms"),
                        QStringLiteral("100"), QStringLiteral("--autorun"), QStringLiteral("--exit-when-done"),
                        QStringLiteral("--report"), report, QStringLiteral("--screenshot"), screenshot},
            dir.path());
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();

    QFile file(report);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    ASSERT_TRUE(doc.isObject()) << parseError.errorString().toStdString();
    const QJsonObject summary = doc.object();
    EXPECT_EQ(summary.value(QStringLiteral("model")).toString(), QStringLiteral("threads"));
    EXPECT_EQ(summary.value(QStringLiteral("tasks_completed")).toInt(), 4);
    EXPECT_FALSE(summary.value(QStringLiteral("cancelled")).toBool());
    const QJsonObject ui = summary.value(QStringLiteral("ui_latency_ms")).toObject();
    EXPECT_GT(ui.value(QStringLiteral("count")).toInt(), 0);
    EXPECT_TRUE(ui.contains(QStringLiteral("p99")));

    const QImage image(screenshot);
    ASSERT_FALSE(image.isNull());
    // The whole window: it opens as wide as the (800-pixel) offscreen screen allows.
    EXPECT_GE(image.width(), 800);
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    }
    EXPECT_GT(colours.size(), 100);
}

TEST(GuiOptions, AReportThatCannotBeWrittenFailsWithExitCode1)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const GuiRun run
        = runConlab({QStringLiteral("--tasks"), QStringLiteral("2"), QStringLiteral("--cpu-ms"), QStringLiteral("10"),
                        QStringLiteral("--autorun"), QStringLiteral("--exit-when-done"), QStringLiteral("--report"),
                        dir.filePath(QStringLiteral("missing/dir/run.json"))},
            dir.path());
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.contains("--report")) << run.err.toStdString();
}

TEST(GuiOptions, AScenarioByNameIsChosenWithItsFirstStepOnTheControls)
{
    const ScenarioLibrary library = ScenarioLibrary::load();
    const Scenario* scenario = library.find(QStringLiteral("gil-convoy"));
    ASSERT_NE(scenario, nullptr);
    QString error;
    const auto options
        = parse({QStringLiteral("--scenario"), QStringLiteral("gil-convoy"), QStringLiteral("--presenter"),
                    QStringLiteral("--autorun"), QStringLiteral("--language"), QStringLiteral("ru")},
            &error);
    ASSERT_TRUE(options.has_value()) << error.toStdString();
    EXPECT_EQ(options->scenario, QStringLiteral("gil-convoy"));
    EXPECT_TRUE(options->autorun);
    EXPECT_TRUE(options->presenter);
    EXPECT_EQ(options->language, QStringLiteral("ru")); // a lesson in the class's language
    EXPECT_EQ(RunSession::settingsKey(options->config), RunSession::settingsKey(scenario->steps[0].config));
    EXPECT_EQ(options->config.workload.kind, WorkloadKind::Convoy);
    EXPECT_TRUE(parse({}, &error)->scenario.isEmpty());
}

TEST(GuiOptions, AnUnknownScenarioIsAnsweredWithTheNames)
{
    QString error;
    EXPECT_FALSE(parse({QStringLiteral("--scenario"), QStringLiteral("threads-vs-fibers")}, &error).has_value());
    EXPECT_EQ(error,
        QStringLiteral("--scenario: ") + ScenarioLibrary::load().unknownIdError(QStringLiteral("threads-vs-fibers")));
    for (const QString& id : ScenarioLibrary::load().ids())
        EXPECT_TRUE(error.contains(id)) << id.toStdString();

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const GuiRun run = runConlab({QStringLiteral("--scenario"), QStringLiteral("threads-vs-fibers")}, dir.path());
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains("--scenario: unknown scenario 'threads-vs-fibers' (choose cpu-bound"))
        << run.err.toStdString();
}

TEST(GuiOptions, AScenarioSetsTheRunItselfSoRunOptionsAndFilesAreRefused)
{
    const QString file = QStringLiteral(CONLAB_TEST_DATA_DIR "/core/import/fixtures/foreign-object.json");
    const std::vector<std::pair<QStringList, const char*>> cases {
        {{QStringLiteral("--tasks"), QStringLiteral("4")}, "--tasks"},
        {{QStringLiteral("--model"), QStringLiteral("threads")}, "--model"},
        {{QStringLiteral("--gil")}, "--gil"},
        {{file}, "foreign-object.json"},
        {{QStringLiteral("--report"), QStringLiteral("r.json")}, "--report"},
    };
    for (const auto& [extra, named] : cases) {
        QString error;
        EXPECT_FALSE(parse(QStringList {QStringLiteral("--scenario"), QStringLiteral("cpu-bound")} + extra, &error))
            << named;
        EXPECT_TRUE(error.contains(QLatin1String(named))) << error.toStdString();
    }
}

TEST(GuiOptions, AScenarioScreenshotShowsTheQuestionOrTheRunOfTheFirstStep)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString question = dir.filePath(QStringLiteral("question.png"));
    // Nothing runs: the picture is taken once the window has painted.
    const GuiRun asked = runConlab({QStringLiteral("--scenario"), QStringLiteral("process-cost"),
                                       QStringLiteral("--screenshot"), question, QStringLiteral("--exit-when-done")},
        dir.path());
    ASSERT_EQ(asked.exitCode, 0) << asked.err.toStdString();
    EXPECT_FALSE(QImage(question).isNull());

    const QString report = dir.filePath(QStringLiteral("run.json"));
    const GuiRun ran
        = runConlab({QStringLiteral("--scenario"), QStringLiteral("process-cost"), QStringLiteral("--autorun"),
                        QStringLiteral("--report"), report, QStringLiteral("--exit-when-done")},
            dir.path());
    ASSERT_EQ(ran.exitCode, 0) << ran.err.toStdString();
    QFile file(report);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonObject summary = QJsonDocument::fromJson(file.readAll()).object();
    const ScenarioLibrary library = ScenarioLibrary::load();
    const Scenario* scenario = library.find(QStringLiteral("process-cost"));
    ASSERT_NE(scenario, nullptr);
    EXPECT_EQ(summary.value(QStringLiteral("model")).toString(), QStringLiteral("sequential"));
    EXPECT_EQ(summary.value(QStringLiteral("tasks_completed")).toInt(), scenario->steps[0].config.workload.tasks);
}
