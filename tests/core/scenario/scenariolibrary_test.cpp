#include "core/python/exampleknobs.h"
#include "core/scenario/realstepnumbers.h"
#include "core/scenario/scenariolibrary.h"
#include "tests/core/testrun.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <set>

using namespace conlab;

namespace {

// The lessons the product brief asks for, by the names `--scenario` takes.
const QStringList lessons {QStringLiteral("cpu-bound"), QStringLiteral("io-bound"), QStringLiteral("gil-convoy"),
    QStringLiteral("blocking-the-loop"), QStringLiteral("counter-race"), QStringLiteral("process-cost"),
    QStringLiteral("too-many-threads"), QStringLiteral("mixed-workload")};

ScenarioLibrary builtIns()
{
    ScenarioLibrary library;
    library.addDirectory(ScenarioLibrary::builtInDirectory());
    return library;
}

void write(const QString& path, const QByteArray& content)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly)) << path.toStdString();
    file.write(content);
}

QByteArray minimalScenario(const char* title)
{
    return QByteArray(R"({"title": {"en": ")") + title + R"(", "ru": "р"}, "question": {"en": "q", "ru": "в"},
        "explanation": {"en": "e", "ru": "о"}, "look_at": {"en": "l", "ru": "с"},
        "workload": {"kind": "sleep", "tasks": 2, "io_ms": 1}, "steps": [{"model": "threads"}]})";
}

} // namespace

TEST(ScenarioLibrary, EveryBuiltInScenarioLoadsFromTheBinary)
{
    const ScenarioLibrary library = builtIns();
    EXPECT_TRUE(library.errors().isEmpty()) << library.errors().join(QLatin1Char('\n')).toStdString();
    for (const QString& id : lessons)
        EXPECT_TRUE(library.find(id)) << id.toStdString();
    EXPECT_GE(library.scenarios().size(), std::size_t(lessons.size()));
    for (const Scenario& scenario : library.scenarios()) {
        EXPECT_TRUE(scenario.source.startsWith(QLatin1String(":/scenarios/"))) << scenario.source.toStdString();
        EXPECT_FALSE(scenario.steps.empty());
        for (const auto field : {Scenario::Field::Title, Scenario::Field::Question, Scenario::Field::Explanation,
                 Scenario::Field::LookAt}) {
            const QString english = scenario.text(field, QLocale(QLocale::English));
            const QString russian = scenario.text(field, QLocale(QLocale::Russian));
            EXPECT_FALSE(english.isEmpty()) << scenario.id.toStdString();
            EXPECT_NE(english, russian) << scenario.id.toStdString() << ": the Russian text is missing";
        }
        for (std::size_t i = 0; i < scenario.steps.size(); ++i)
            EXPECT_NE(
                scenario.stepLabel(i, QLocale(QLocale::English)), scenario.stepLabel(i, QLocale(QLocale::Russian)))
                << scenario.id.toStdString() << " step " << i << ": built-in steps are labelled in both languages";
    }
}

TEST(ScenarioLibrary, ListsInLessonOrder)
{
    const ScenarioLibrary library = builtIns();
    EXPECT_EQ(library.ids().mid(0, lessons.size()), lessons);
}

// The lessons the brief names, by what they must run.
TEST(ScenarioLibrary, BuiltInLessonsRunWhatTheyPromise)
{
    const ScenarioLibrary library = builtIns();
    const auto steps = [&](const char* id) {
        const Scenario* scenario = library.find(QLatin1String(id));
        return scenario ? scenario->stepConfigs() : std::vector<RunConfig> {};
    };
    const auto has = [](const std::vector<RunConfig>& configs, ModelKind model, bool gil) {
        return std::any_of(configs.begin(), configs.end(),
            [&](const RunConfig& config) { return config.model == model && config.gil == gil; });
    };
    const auto cpu = steps("cpu-bound");
    EXPECT_TRUE(has(cpu, ModelKind::Threads, false) && has(cpu, ModelKind::Threads, true)
        && has(cpu, ModelKind::Processes, false));
    const auto io = steps("io-bound");
    EXPECT_TRUE(has(io, ModelKind::Threads, false) && has(io, ModelKind::EventLoop, false)
        && has(io, ModelKind::Processes, false));
    const auto convoy = steps("gil-convoy");
    EXPECT_TRUE(std::all_of(convoy.begin(), convoy.end(),
        [](const RunConfig& config) { return config.workload.kind == WorkloadKind::Convoy; }));
    const auto loop = steps("blocking-the-loop");
    EXPECT_TRUE(std::any_of(loop.begin(), loop.end(), [](const RunConfig& config) {
        return config.model == ModelKind::EventLoop && config.offload == OffloadKind::None;
    }));
    EXPECT_TRUE(std::any_of(
        loop.begin(), loop.end(), [](const RunConfig& config) { return config.offload != OffloadKind::None; }));
    // The real blocked loop and its real fix, which hands the computation to a thread pool.
    for (const OffloadKind offload : {OffloadKind::None, OffloadKind::Threads}) {
        EXPECT_TRUE(std::any_of(loop.begin(), loop.end(), [&](const RunConfig& config) {
            return config.model == ModelKind::Python && config.offload == offload && config.python
                && config.python->arguments.contains(offloadKey(offload));
        })) << offloadKey(offload).toStdString();
    }
    const auto counter = steps("counter-race");
    EXPECT_TRUE(std::any_of(counter.begin(), counter.end(), [](const RunConfig& c) { return c.workload.lock; }));
    EXPECT_TRUE(std::any_of(counter.begin(), counter.end(), [](const RunConfig& c) { return !c.workload.lock; }));
    const auto many = steps("too-many-threads");
    EXPECT_TRUE(std::any_of(many.begin(), many.end(), [](const RunConfig& c) { return c.workers >= 100 && c.gil; }));
    EXPECT_TRUE(std::any_of(many.begin(), many.end(), [](const RunConfig& c) { return c.workers >= 100 && !c.gil; }));
    const auto mixed = steps("mixed-workload");
    EXPECT_TRUE(!mixed.empty() && mixed.front().workload.kind == WorkloadKind::Mixed);
}

// Every lesson sets real CPython beside its emulation: a step running a shipped example, with an explanation in both
// languages that quotes the real numbers beside those of an emulated step.
TEST(ScenarioLibrary, EveryLessonHasARealCPythonStepWithItsExample)
{
    const ScenarioLibrary library = builtIns();
    for (const QString& id : lessons) {
        const Scenario* scenario = library.find(id);
        ASSERT_TRUE(scenario) << id.toStdString();
        bool explained = false;
        for (std::size_t i = 0; i < scenario->steps.size(); ++i) {
            const ScenarioStep& step = scenario->steps[i];
            if (step.config.model != ModelKind::Python)
                continue;
            ASSERT_TRUE(step.config.python) << id.toStdString();
            const QString script = step.config.python->script;
            EXPECT_TRUE(exampleKnobs(script)) << id.toStdString() << ": " << script.toStdString();
            EXPECT_TRUE(QFile::exists(script)) << script.toStdString();
            if (step.explanation.en.isEmpty())
                continue;
            explained = true;
            ASSERT_TRUE(step.beside) << id.toStdString() << " step " << i;
            EXPECT_NE(scenario->steps[*step.beside].config.model, ModelKind::Python);
            for (const QLocale& locale : {QLocale(QLocale::English), QLocale(QLocale::Russian)}) {
                const QString raw = step.explanation.text(locale);
                EXPECT_TRUE(raw.contains(QLatin1String("{real_")) && raw.contains(QLatin1String("{emulated_")))
                    << id.toStdString() << ": " << raw.toStdString();
                // Every placeholder is one realStepText() knows: nothing run yet, each is a dash.
                const QString filled = realStepText(*scenario, i, {}, locale);
                EXPECT_FALSE(filled.contains(QLatin1Char('{'))) << id.toStdString() << ": " << filled.toStdString();
            }
            EXPECT_NE(step.explanation.en, step.explanation.ru) << id.toStdString() << ": the Russian text is missing";
        }
        EXPECT_TRUE(explained) << id.toStdString() << " has no explained real-CPython step";
    }
}

TEST(ScenarioLibrary, ABadFileIsReportedAndTheOthersStillLoad)
{
    QTemporaryDir dir;
    write(dir.filePath(QStringLiteral("good.json")), minimalScenario("Good"));
    write(dir.filePath(QStringLiteral("broken.json")), QByteArray("{ not json"));
    QByteArray badModel = minimalScenario("Bad");
    badModel.replace("\"threads\"", "\"thread\"");
    write(dir.filePath(QStringLiteral("io-vs-eventloop.json")), badModel);
    write(dir.filePath(QStringLiteral("notes.txt")), QByteArray("not a scenario"));

    ScenarioLibrary library = builtIns();
    const std::size_t builtInCount = library.scenarios().size();
    library.addDirectory(dir.path());
    ASSERT_EQ(library.errors().size(), 2) << library.errors().join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(library.errors().filter(QStringLiteral("scenario broken.json: not valid JSON")).size() == 1);
    EXPECT_TRUE(library.errors()
                    .filter(QStringLiteral("scenario io-vs-eventloop.json: steps[0].model: unknown model 'thread'"))
                    .size()
        == 1)
        << library.errors().join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(library.scenarios().size(), builtInCount + 1);
    ASSERT_TRUE(library.find(QStringLiteral("good")));
    EXPECT_EQ(library.find(QStringLiteral("good"))->source, dir.filePath(QStringLiteral("good.json")));
    EXPECT_FALSE(library.find(QStringLiteral("io-vs-eventloop")));
}

TEST(ScenarioLibrary, AUserFileReplacesTheBuiltInOfTheSameName)
{
    QTemporaryDir dir;
    write(dir.filePath(QStringLiteral("cpu-bound.json")), minimalScenario("My own CPU lesson"));
    ScenarioLibrary library = builtIns();
    const std::size_t builtInCount = library.scenarios().size();
    library.addDirectory(dir.path());
    EXPECT_EQ(library.scenarios().size(), builtInCount);
    ASSERT_TRUE(library.find(QStringLiteral("cpu-bound")));
    EXPECT_EQ(library.find(QStringLiteral("cpu-bound"))->text(Scenario::Field::Title, QLocale(QLocale::English)),
        QStringLiteral("My own CPU lesson"));
}

TEST(ScenarioLibrary, UserScenariosComeFromXdgDataHome)
{
    QTemporaryDir home;
    const QByteArray previous = qgetenv("XDG_DATA_HOME");
    qputenv("XDG_DATA_HOME", home.path().toUtf8());
    const QString directory = ScenarioLibrary::userDirectory();
    ASSERT_TRUE(QDir().mkpath(directory));
    write(directory + QStringLiteral("/homework.json"), minimalScenario("Homework"));
    const ScenarioLibrary library = ScenarioLibrary::load();
    if (previous.isNull())
        qunsetenv("XDG_DATA_HOME");
    else
        qputenv("XDG_DATA_HOME", previous);

    EXPECT_EQ(directory, home.path() + QStringLiteral("/conlab/scenarios"));
    EXPECT_TRUE(library.find(QStringLiteral("homework")));
    EXPECT_TRUE(library.find(QStringLiteral("cpu-bound")));
    EXPECT_TRUE(library.errors().isEmpty()) << library.errors().join(QLatin1Char('\n')).toStdString();
}

TEST(ScenarioLibrary, AMissingDirectoryAddsNothing)
{
    ScenarioLibrary library;
    library.addDirectory(QStringLiteral("/nonexistent/conlab/scenarios"));
    EXPECT_TRUE(library.scenarios().empty());
    EXPECT_TRUE(library.errors().isEmpty());
    EXPECT_FALSE(library.addFile(QStringLiteral("/nonexistent/lesson.json")));
    ASSERT_EQ(library.errors().size(), 1);
    EXPECT_TRUE(library.errors().front().startsWith(QLatin1String("scenario lesson.json: cannot read")));
}

// Every step of every built-in scenario runs headless at test size (the same kinds and models, fewer and shorter
// tasks) and finishes with no error.
TEST(ScenarioLibrary, EveryStepOfEveryBuiltInScenarioRunsHeadless)
{
    const ScenarioLibrary library = builtIns();
    for (const Scenario& scenario : library.scenarios()) {
        std::vector<RunConfig> configs;
        // The real-CPython steps run their examples at full size: PythonScenario.* runs them.
        for (const RunConfig& config : scenario.stepConfigs()) {
            if (config.model != ModelKind::Python)
                configs.push_back(test::shrunkForTest(config));
        }
        const test::SeriesOutcome outcome = test::runSeries(configs);
        ASSERT_EQ(outcome.results.size(), configs.size()) << scenario.id.toStdString();
        EXPECT_FALSE(outcome.cancelled);
        for (std::size_t i = 0; i < configs.size(); ++i) {
            const RunSummary& summary = outcome.results[i].summary;
            EXPECT_TRUE(summary.error.isEmpty())
                << scenario.id.toStdString() << " step " << i << ": " << summary.error.toStdString();
            EXPECT_EQ(summary.tasksCompleted, configs[i].workload.tasks) << scenario.id.toStdString() << " step " << i;
            EXPECT_EQ(summary.config.model, configs[i].model);
            EXPECT_EQ(summary.config.workload.kind, scenario.workload.workload.kind);
        }
    }
}

TEST(ScenarioLibrary, AnUnknownNameIsAnsweredWithEveryName)
{
    const QString error = builtIns().unknownIdError(QStringLiteral("threads-vs-fibers"));
    EXPECT_TRUE(error.startsWith(QStringLiteral("unknown scenario 'threads-vs-fibers' (choose ")))
        << error.toStdString();
    for (const QString& lesson : lessons)
        EXPECT_TRUE(error.contains(lesson)) << lesson.toStdString();
    EXPECT_FALSE(error.contains(QLatin1Char('\n')));
}
