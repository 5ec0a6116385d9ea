#include "core/run/modellabel.h"
#include "core/scenario/scenarioparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>

using namespace conlab;

namespace {

QJsonObject text(const char* en, const char* ru)
{
    return QJsonObject {{QStringLiteral("en"), QLatin1String(en)}, {QStringLiteral("ru"), QString::fromUtf8(ru)}};
}

QJsonObject step(const char* model)
{
    return QJsonObject {{QStringLiteral("model"), QLatin1String(model)}};
}

// A scenario that validates; each malformed case below breaks one thing in it.
QJsonObject validScenario()
{
    return QJsonObject {
        {QStringLiteral("title"), text("Title", "Заголовок")},
        {QStringLiteral("question"), text("Question?", "Вопрос?")},
        {QStringLiteral("explanation"), text("Because.", "Потому что.")},
        {QStringLiteral("look_at"), text("The plot.", "График.")},
        {QStringLiteral("workload"),
            QJsonObject {{QStringLiteral("kind"), QStringLiteral("io")}, {QStringLiteral("tasks"), 16},
                {QStringLiteral("io_ms"), 20}}},
        {QStringLiteral("steps"),
            QJsonArray {step("sequential"),
                QJsonObject {{QStringLiteral("model"), QStringLiteral("threads")}, {QStringLiteral("workers"), 4},
                    {QStringLiteral("gil"), true}, {QStringLiteral("label"), text("4 threads", "4 потока")}},
                QJsonObject {{QStringLiteral("model"), QStringLiteral("eventloop")},
                    {QStringLiteral("offload"), QStringLiteral("threads")}}}},
    };
}

QByteArray bytes(const QJsonObject& object)
{
    return QJsonDocument(object).toJson();
}

// Sets `value` at a dotted path like "workload.tasks" or "steps[1].model" (a null value removes the key).
QJsonObject with(QJsonObject scenario, const QString& path, const QJsonValue& value)
{
    const QStringList parts = path.split(QLatin1Char('.'));
    const auto set = [&](QJsonObject object, const QString& key) {
        if (value.isNull())
            object.remove(key);
        else
            object.insert(key, value);
        return object;
    };
    if (parts.size() == 1)
        return set(scenario, parts[0]);
    if (parts[0].startsWith(QLatin1String("steps["))) {
        const int index = parts[0].mid(6, parts[0].size() - 7).toInt();
        QJsonArray steps = scenario.value(QLatin1String("steps")).toArray();
        steps[index] = set(steps[index].toObject(), parts[1]);
        scenario.insert(QStringLiteral("steps"), steps);
        return scenario;
    }
    scenario.insert(parts[0], set(scenario.value(parts[0]).toObject(), parts[1]));
    return scenario;
}

struct Malformed
{
    const char* name;
    QByteArray json;
    const char* error; // the whole message must contain this
};

class ParseScenarioRejects : public ::testing::TestWithParam<Malformed>
{
};

} // namespace

TEST(ParseScenario, ReadsTextsWorkloadAndSteps)
{
    QString error;
    const auto scenario = parseScenario(QStringLiteral("io-lesson.json"), bytes(validScenario()), &error);
    ASSERT_TRUE(scenario) << error.toStdString();
    EXPECT_EQ(scenario->id, QStringLiteral("io-lesson"));
    EXPECT_EQ(scenario->text(Scenario::Field::Question, QLocale(QLocale::English)), QStringLiteral("Question?"));
    EXPECT_EQ(scenario->text(Scenario::Field::LookAt, QLocale(QLocale::Russian)), QStringLiteral("График."));
    EXPECT_EQ(scenario->workload.workload.kind, WorkloadKind::Io);
    EXPECT_EQ(scenario->workload.workload.tasks, 16);
    EXPECT_EQ(scenario->workload.workload.ioMs, 20);

    const std::vector<RunConfig> configs = scenario->stepConfigs();
    ASSERT_EQ(configs.size(), 3u);
    EXPECT_EQ(configs[0].model, ModelKind::Sequential);
    EXPECT_EQ(configs[1].model, ModelKind::Threads);
    EXPECT_TRUE(configs[1].gil);
    EXPECT_EQ(configs[1].workers, 4); // the step's override
    EXPECT_EQ(configs[2].workers, 0); // the workload's (the model's default)
    EXPECT_EQ(configs[2].offload, OffloadKind::Threads);
    for (const RunConfig& config : configs) {
        EXPECT_EQ(config.workload.tasks, 16);
        EXPECT_TRUE(config.validationError().isEmpty()) << config.validationError().toStdString();
    }
    EXPECT_EQ(scenario->stepLabel(1, QLocale(QLocale::Russian)), QStringLiteral("4 потока"));
    // No label: the model's English name, in every language.
    EXPECT_EQ(scenario->stepLabel(2, QLocale(QLocale::Russian)), modelLabel(configs[2]));
    EXPECT_EQ(scenario->stepLabel(2, QLocale(QLocale::English)), QStringLiteral("event loop + thread executor"));
}

TEST(ParseScenario, PicksTheLanguageAndFallsBackToEnglish)
{
    const auto scenario = parseScenario(QStringLiteral("x.json"), bytes(validScenario()), nullptr);
    ASSERT_TRUE(scenario);
    EXPECT_EQ(scenario->text(Scenario::Field::Title, QLocale(QLocale::Russian)), QStringLiteral("Заголовок"));
    EXPECT_EQ(scenario->text(Scenario::Field::Title, QLocale(QLocale::Russian, QLocale::Ukraine)),
        QStringLiteral("Заголовок"));
    EXPECT_EQ(scenario->text(Scenario::Field::Title, QLocale(QLocale::English)), QStringLiteral("Title"));
    EXPECT_EQ(scenario->text(Scenario::Field::Title, QLocale(QLocale::German)), QStringLiteral("Title"));
}

TEST(ParseScenario, ConvoyStepsAreNormalizedAsTheCommandLineDoes)
{
    QJsonObject convoy = with(validScenario(), QStringLiteral("workload"),
        QJsonObject {{QStringLiteral("kind"), QStringLiteral("convoy")}, {QStringLiteral("cpu_ms"), 50}});
    convoy.insert(QStringLiteral("steps"), QJsonArray {step("threads")});
    QString error;
    const auto scenario = parseScenario(QStringLiteral("c.json"), bytes(convoy), &error);
    ASSERT_TRUE(scenario) << error.toStdString();
    EXPECT_EQ(scenario->steps[0].config.workload.tasks, convoyTasks);
    EXPECT_EQ(scenario->steps[0].config.workers, convoyTasks);
}

namespace {

QJsonObject withPythonStep(QJsonObject step)
{
    QJsonObject scenario = validScenario();
    QJsonArray steps = scenario.value(QLatin1String("steps")).toArray();
    steps.append(step);
    scenario.insert(QStringLiteral("steps"), steps);
    return scenario;
}

QJsonObject pythonStep()
{
    return QJsonObject {{QStringLiteral("model"), QStringLiteral("python")},
        {QStringLiteral("script"), QStringLiteral("io_threads")}, {QStringLiteral("workers"), 4},
        {QStringLiteral("beside"), 1},
        {QStringLiteral("explanation"), text("Real: {real_wall_ms} ms.", "Настоящий: {real_wall_ms} мс.")}};
}

QJsonObject pythonStep(const char* key, const QJsonValue& value)
{
    QJsonObject step = pythonStep();
    step.insert(QLatin1String(key), value);
    return step;
}

} // namespace

TEST(ParseScenario, APythonStepRunsTheShippedExampleWithTheWorkloadItReads)
{
    QString error;
    const auto scenario = parseScenario(QStringLiteral("p.json"), bytes(withPythonStep(pythonStep())), &error);
    ASSERT_TRUE(scenario) << error.toStdString();
    const ScenarioStep& real = scenario->steps.back();
    EXPECT_EQ(real.config.model, ModelKind::Python);
    ASSERT_TRUE(real.config.python);
    EXPECT_EQ(real.config.python->script, QStringLiteral(":/python/io_threads.py"));
    EXPECT_EQ(
        real.config.python->arguments.join(QLatin1Char(' ')), QStringLiteral("--tasks 16 --workers 4 --io-ms 20"));
    EXPECT_EQ(real.beside, std::size_t(1));
    EXPECT_FALSE(real.baseline);
    EXPECT_EQ(real.explanation.text(QLocale(QLocale::Russian)), QStringLiteral("Настоящий: {real_wall_ms} мс."));
}

// The executor choice reaches an example that reads it (blocked_loop: the fix beside the blocked loop) as its
// --offload, as it does from the command line; an example that does not read it refuses it.
TEST(ParseScenario, APythonStepPassesItsOffloadToTheExampleThatReadsIt)
{
    QString error;
    QJsonObject fix = pythonStep("script", QStringLiteral("blocked_loop"));
    fix.insert(QStringLiteral("offload"), QStringLiteral("threads"));
    fix.remove(QStringLiteral("workers"));
    const auto scenario = parseScenario(QStringLiteral("p.json"), bytes(withPythonStep(fix)), &error);
    ASSERT_TRUE(scenario) << error.toStdString();
    const ScenarioStep& real = scenario->steps.back();
    EXPECT_EQ(real.config.offload, OffloadKind::Threads);
    ASSERT_TRUE(real.config.python);
    EXPECT_TRUE(real.config.python->arguments.join(QLatin1Char(' ')).endsWith(QStringLiteral("--offload threads")))
        << real.config.python->arguments.join(QLatin1Char(' ')).toStdString();

    const auto refused = parseScenario(
        QStringLiteral("p.json"), bytes(withPythonStep(pythonStep("offload", QStringLiteral("threads")))), &error);
    EXPECT_FALSE(refused);
    EXPECT_TRUE(error.contains(QStringLiteral("steps[3].offload"))) << error.toStdString();
}

TEST_P(ParseScenarioRejects, WithTheFileAndTheField)
{
    QString error;
    const auto scenario = parseScenario(QStringLiteral("lesson.json"), GetParam().json, &error);
    EXPECT_FALSE(scenario);
    EXPECT_TRUE(error.startsWith(QLatin1String("scenario lesson.json: "))) << error.toStdString();
    EXPECT_TRUE(error.contains(QLatin1String(GetParam().error))) << error.toStdString();
    EXPECT_FALSE(error.contains(QLatin1Char('\n'))) << "one line";
}

INSTANTIATE_TEST_SUITE_P(Files, ParseScenarioRejects,
    ::testing::Values(Malformed {"BadJson", QByteArray("{\"title\": {\"en\": \"x\""), "not valid JSON"},
        Malformed {"NotAnObject", QByteArray("[1, 2]"), "expected a JSON object"},
        Malformed {"MissingQuestion", bytes(with(validScenario(), QStringLiteral("question"), QJsonValue())),
            "question: missing"},
        Malformed {
            "MissingSteps", bytes(with(validScenario(), QStringLiteral("steps"), QJsonValue())), "steps: missing"},
        Malformed {"EmptySteps", bytes(with(validScenario(), QStringLiteral("steps"), QJsonArray())),
            "steps: expected a non-empty array"},
        Malformed {"MissingKind", bytes(with(validScenario(), QStringLiteral("workload.kind"), QJsonValue())),
            "workload.kind: missing"},
        Malformed {"MissingModel", bytes(with(validScenario(), QStringLiteral("steps[0].model"), QJsonValue())),
            "steps[0].model: missing"},
        Malformed {"UnknownTopKey", bytes(with(validScenario(), QStringLiteral("colour"), QStringLiteral("red"))),
            "colour: unknown key"},
        Malformed {"UnknownWorkloadKey", bytes(with(validScenario(), QStringLiteral("workload.speed"), 3)),
            "workload.speed: unknown key"},
        Malformed {"KindInAStep", bytes(with(validScenario(), QStringLiteral("steps[1].kind"), QStringLiteral("cpu"))),
            "steps[1].kind: unknown key"},
        Malformed {"UnknownTextKey", bytes(with(validScenario(), QStringLiteral("title.de"), QStringLiteral("Titel"))),
            "title.de: unknown key"},
        Malformed {"BadModel", bytes(with(validScenario(), QStringLiteral("steps[2].model"), QStringLiteral("thread"))),
            "steps[2].model: unknown model 'thread' (choose sequential|processes|threads|eventloop|python)"},
        Malformed {"BadWorkloadKind",
            bytes(with(validScenario(), QStringLiteral("workload.kind"), QStringLiteral("gpu"))),
            "workload.kind: unknown workload 'gpu'"},
        Malformed {"BadExecutor",
            bytes(with(validScenario(), QStringLiteral("steps[2].offload"), QStringLiteral("gpu"))),
            "steps[2].offload: unknown executor 'gpu'"},
        Malformed {"TasksZero", bytes(with(validScenario(), QStringLiteral("workload.tasks"), 0)),
            "workload.tasks: must be from 1 to 1000000, got 0"},
        Malformed {"TasksNotWhole", bytes(with(validScenario(), QStringLiteral("workload.tasks"), 2.5)),
            "workload.tasks: expected a whole number, got 2.5"},
        Malformed {"TasksAsText",
            bytes(with(validScenario(), QStringLiteral("workload.tasks"), QStringLiteral("eight"))),
            "workload.tasks: expected a whole number, got 'eight'"},
        Malformed {"TasksHuge", bytes(with(validScenario(), QStringLiteral("workload.tasks"), 1e12)),
            "workload.tasks: expected a whole number"},
        Malformed {"StepWorkersTooMany", bytes(with(validScenario(), QStringLiteral("steps[1].workers"), 300)),
            "steps[1].workers: must be from 1 to 256, got 300"},
        Malformed {"NegativeCpuMs", bytes(with(validScenario(), QStringLiteral("workload.cpu_ms"), -1)),
            "workload.cpu_ms: must be from 0 to 3600000"},
        Malformed {"IoMsAsText", bytes(with(validScenario(), QStringLiteral("workload.io_ms"), QStringLiteral("soon"))),
            "workload.io_ms: expected a number of milliseconds"},
        Malformed {"GilAsText", bytes(with(validScenario(), QStringLiteral("steps[1].gil"), QStringLiteral("yes"))),
            "steps[1].gil: expected true or false, got 'yes'"},
        Malformed {"MissingRussian", bytes(with(validScenario(), QStringLiteral("explanation.ru"), QJsonValue())),
            "explanation.ru: missing"},
        Malformed {"EmptyRussian", bytes(with(validScenario(), QStringLiteral("look_at.ru"), QStringLiteral(" "))),
            "look_at.ru: expected a non-empty string"},
        Malformed {"MissingLabelRussian",
            bytes(with(validScenario(), QStringLiteral("steps[1].label"),
                QJsonObject {{QStringLiteral("en"), QStringLiteral("x")}})),
            "steps[1].label.ru: missing"},
        Malformed {"TextNotAnObject",
            bytes(with(validScenario(), QStringLiteral("title"), QStringLiteral("Just English"))),
            "title: expected {\"en\""},
        // Settings that mean nothing where they are given are refused, as on the command line.
        Malformed {"LockWithoutCounter", bytes(with(validScenario(), QStringLiteral("workload.lock"), true)),
            "workload.lock: only the counter workload uses it"},
        Malformed {"OffloadOnThreads",
            bytes(with(validScenario(), QStringLiteral("steps[1].offload"), QStringLiteral("threads"))),
            "steps[1].offload: only the event loop"},
        Malformed {"SwitchIntervalWithoutGil",
            bytes(with(validScenario(), QStringLiteral("steps[0].switch_interval_ms"), 1)),
            "steps[0].switch_interval_ms: the switch interval belongs to the GIL"},
        Malformed {"SwitchIntervalOnTheWorkloadWithANoGilStep",
            bytes(with(validScenario(), QStringLiteral("workload.switch_interval_ms"), 1)),
            "workload.switch_interval_ms: the switch interval belongs to the GIL"},
        Malformed {"PythonWithoutScript",
            bytes(withPythonStep(QJsonObject {{QStringLiteral("model"), QStringLiteral("python")}})),
            "steps[3].script: missing (choose blocked_loop|"},
        Malformed {"PythonUnknownExample", bytes(withPythonStep(pythonStep("script", QStringLiteral("gpu_threads")))),
            "steps[3].script: unknown example 'gpu_threads'"},
        Malformed {"ScriptOnAnEmulatedStep",
            bytes(with(validScenario(), QStringLiteral("steps[1].script"), QStringLiteral("io_threads"))),
            "steps[1].script: only a real-CPython step"},
        Malformed {"BesideARealStep", bytes(withPythonStep(pythonStep("beside", 3))),
            "steps[3].beside: expected the index of another emulated step, from 0 to 3, got 3"},
        Malformed {"OrderNotWhole", bytes(with(validScenario(), QStringLiteral("order"), QStringLiteral("first"))),
            "order: expected a whole number"}),
    [](const ::testing::TestParamInfo<Malformed>& instance) { return std::string(instance.param.name); });

TEST(ParseScenario, TheFileNameIsTheName)
{
    QString error;
    EXPECT_FALSE(parseScenario(QStringLiteral("my lesson.json"), bytes(validScenario()), &error));
    EXPECT_TRUE(error.contains(QLatin1String("scenario my lesson.json: the file name"))) << error.toStdString();
    EXPECT_TRUE(parseScenario(QStringLiteral("my_lesson-2.json"), bytes(validScenario()), &error));
}
