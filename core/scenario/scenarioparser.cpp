#include "core/scenario/scenarioparser.h"

#include "core/python/exampleknobs.h"
#include "core/python/examplescripts.h"
#include "core/run/runoptions.h"
#include "core/util/enumkey.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>
#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

namespace conlab {
namespace {

// The workload's settings by their JSON keys: the command-line options with '_' for '-'. A step may override every
// one but "kind" (a scenario is one workload), and adds the model's own settings.
const QStringList workloadKeys {QStringLiteral("kind"), QStringLiteral("tasks"), QStringLiteral("workers"),
    QStringLiteral("cpu_ms"), QStringLiteral("io_ms"), QStringLiteral("phases"), QStringLiteral("increments"),
    QStringLiteral("lock"), QStringLiteral("yield_between"), QStringLiteral("switch_interval_ms"),
    QStringLiteral("sample_hz")};
const QStringList stepOnlyKeys {QStringLiteral("model"), QStringLiteral("gil"), QStringLiteral("offload"),
    QStringLiteral("label"), QStringLiteral("script"), QStringLiteral("explanation"), QStringLiteral("beside"),
    QStringLiteral("baseline")};
// A step's keys that are not run settings: readStep() reads them itself.
const QStringList stepTextKeys {QStringLiteral("label"), QStringLiteral("script"), QStringLiteral("explanation"),
    QStringLiteral("beside"), QStringLiteral("baseline")};
const QStringList topKeys {QStringLiteral("order"), QStringLiteral("title"), QStringLiteral("question"),
    QStringLiteral("explanation"), QStringLiteral("look_at"), QStringLiteral("workload"), QStringLiteral("steps")};

QString keyOfOption(QString option)
{
    return option.replace(QLatin1Char('-'), QLatin1Char('_'));
}

// A value as the error message quotes it.
QString shown(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return QStringLiteral("'%1'").arg(value.toString());
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 12);
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("null");
}

// A JSON number that is a whole number the target type can hold exactly. Whether it is in range for the setting is
// RunConfig::problem()'s call, so the limits live in one place.
template <typename Int> std::optional<Int> wholeNumber(const QJsonValue& value)
{
    constexpr double exact = 9007199254740992.0; // 2^53: doubles hold every integer up to here
    const double low = std::max(double(std::numeric_limits<Int>::min()), -exact);
    const double high = std::min(double(std::numeric_limits<Int>::max()), exact);
    const double number = value.toDouble();
    if (!value.isDouble() || !std::isfinite(number) || std::trunc(number) != number || number < low || number > high)
        return std::nullopt;
    return Int(number);
}

class ScenarioReader
{
public:
    explicit ScenarioReader(const QString& fileName)
        : m_fileName(fileName)
    {
    }

    std::optional<Scenario> read(const QByteArray& json);
    const QString& error() const { return m_error; }

private:
    bool fail(const QString& path, const QString& text);
    bool checkKeys(const QJsonObject& object, const QStringList& allowed, const QString& path);
    bool readText(const QJsonValue& value, const QString& path, LocalizedText& out);
    bool readSetting(const QString& key, const QJsonValue& value, const QString& path, RunConfig& config);
    bool readStep(const QJsonValue& value, const QString& path, ScenarioStep& step);
    bool checkConfig(const RunConfig& config, const QJsonObject* step, const QString& stepPath);
    bool readPythonStep(const QJsonObject& object, const QString& path, ScenarioStep& step);
    bool checkStepRefs(const Scenario& scenario, const QJsonArray& steps);

    QString m_fileName;
    QString m_error;
    QJsonObject m_workload;
    RunConfig m_base;
};

bool ScenarioReader::fail(const QString& path, const QString& text)
{
    m_error = path.isEmpty() ? QStringLiteral("scenario %1: %2").arg(m_fileName, text)
                             : QStringLiteral("scenario %1: %2: %3").arg(m_fileName, path, text);
    return false;
}

bool ScenarioReader::checkKeys(const QJsonObject& object, const QStringList& allowed, const QString& path)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key()))
            return fail(path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key(),
                QStringLiteral("unknown key (known: %1)").arg(allowed.join(QStringLiteral(", "))));
    }
    return true;
}

bool ScenarioReader::readText(const QJsonValue& value, const QString& path, LocalizedText& out)
{
    if (value.isUndefined())
        return fail(path, QStringLiteral("missing (give {\"en\": \"...\", \"ru\": \"...\"})"));
    if (!value.isObject())
        return fail(path, QStringLiteral("expected {\"en\": \"...\", \"ru\": \"...\"}, got %1").arg(shown(value)));
    const QJsonObject object = value.toObject();
    if (!checkKeys(object, {QStringLiteral("en"), QStringLiteral("ru")}, path))
        return false;
    for (const auto& [language, text] : {std::pair {QStringLiteral("en"), &out.en}, {QStringLiteral("ru"), &out.ru}}) {
        const QJsonValue given = object.value(language);
        const QString where = path + QLatin1Char('.') + language;
        if (given.isUndefined())
            return fail(where, QStringLiteral("missing: every text is written in English and Russian"));
        if (!given.isString() || given.toString().trimmed().isEmpty())
            return fail(where, QStringLiteral("expected a non-empty string, got %1").arg(shown(given)));
        *text = given.toString();
    }
    return true;
}

bool ScenarioReader::readSetting(const QString& key, const QJsonValue& value, const QString& path, RunConfig& config)
{
    // An enum by its key, e.g. "model": "threads"; an unknown one lists the choices.
    const auto choice = [&](const QString& what, const auto& all, auto keyOf, auto& out) {
        const auto found = value.isString() ? enumFromKey(all, keyOf, value.toString()) : std::nullopt;
        if (!found)
            return fail(path,
                QStringLiteral("unknown %1 %2 (choose %3)")
                    .arg(what, shown(value), enumKeys(all, keyOf).join(QLatin1Char('|'))));
        out = *found;
        return true;
    };
    const auto whole = [&]<typename Int>(Int& out) {
        const auto number = wholeNumber<Int>(value);
        if (!number)
            return fail(path, QStringLiteral("expected a whole number, got %1").arg(shown(value)));
        out = *number;
        return true;
    };
    const auto milliseconds = [&](double& out) {
        if (!value.isDouble() || !std::isfinite(value.toDouble()))
            return fail(path, QStringLiteral("expected a number of milliseconds, got %1").arg(shown(value)));
        out = value.toDouble();
        return true;
    };
    const auto flag = [&](bool& out) {
        if (!value.isBool())
            return fail(path, QStringLiteral("expected true or false, got %1").arg(shown(value)));
        out = value.toBool();
        return true;
    };

    if (key == QLatin1String("kind"))
        return choice(QStringLiteral("workload"), allWorkloadKinds, workloadKey, config.workload.kind);
    if (key == QLatin1String("model"))
        return choice(QStringLiteral("model"), allModelKinds, modelKey, config.model);
    if (key == QLatin1String("offload"))
        return choice(QStringLiteral("executor"), allOffloadKinds, offloadKey, config.offload);
    if (key == QLatin1String("tasks"))
        return whole(config.workload.tasks);
    if (key == QLatin1String("workers"))
        return whole(config.workers);
    if (key == QLatin1String("phases"))
        return whole(config.workload.phases);
    if (key == QLatin1String("sample_hz"))
        return whole(config.sampleHz);
    if (key == QLatin1String("increments"))
        return whole(config.workload.increments);
    if (key == QLatin1String("cpu_ms"))
        return milliseconds(config.workload.cpuMs);
    if (key == QLatin1String("io_ms"))
        return milliseconds(config.workload.ioMs);
    if (key == QLatin1String("switch_interval_ms"))
        return milliseconds(config.switchIntervalMs);
    if (key == QLatin1String("lock"))
        return flag(config.workload.lock);
    if (key == QLatin1String("yield_between"))
        return flag(config.workload.yieldBetween);
    if (key == QLatin1String("gil"))
        return flag(config.gil);
    return fail(path, QStringLiteral("unknown key"));
}

// The command line's checks, with the setting named where the file set it: on the step when the step did (or when
// only a step can, like "offload"), else on the workload.
bool ScenarioReader::checkConfig(const RunConfig& config, const QJsonObject* step, const QString& stepPath)
{
    const auto where = [&](const QString& option) {
        const QString key = keyOfOption(option);
        if (step && (step->contains(key) || stepOnlyKeys.contains(key)))
            return stepPath + QLatin1Char('.') + key;
        return QStringLiteral("workload.") + key;
    };
    if (step) {
        const auto isSet = [&](const QString& option) {
            const QString key = keyOfOption(option);
            return m_workload.contains(key) || step->contains(key);
        };
        if (const auto misplaced = misplacedOption(isSet, config))
            return fail(where(misplaced->option), misplaced->text.english());
    }
    // A lesson is read where no interpreter may be installed: its real-CPython step says so when it is run, as the
    // window and `conlab run` do, and the emulated steps still work.
    if (const auto problem = config.problem(); problem && problem->option != QLatin1String("python"))
        return fail(where(problem->option), problem->text.english());
    return true;
}

// model "python": "script" names the shipped example, which gets the workload's settings it reads as arguments.
bool ScenarioReader::readPythonStep(const QJsonObject& object, const QString& path, ScenarioStep& step)
{
    const QJsonValue script = object.value(QLatin1String("script"));
    const QString scriptPath = script.isString() ? exampleScriptPath(script.toString()) : QString();
    if (step.config.model != ModelKind::Python) {
        for (const char* key : {"script", "explanation", "beside", "baseline"}) {
            if (object.contains(QLatin1String(key)))
                return fail(path + QLatin1Char('.') + QLatin1String(key),
                    QStringLiteral("only a real-CPython step (\"model\": \"python\") has it"));
        }
        return true;
    }
    if (scriptPath.isEmpty())
        return fail(path + QStringLiteral(".script"),
            QStringLiteral("%1 (choose %2)")
                .arg(script.isUndefined() ? QStringLiteral("missing")
                                          : QStringLiteral("unknown example ") + shown(script),
                    exampleScriptNames().join(QLatin1Char('|'))));
    step.config.python = PythonScript {scriptPath, {}, {}};
    step.config.python->arguments = exampleArguments(scriptPath, step.config);
    if (object.contains(QLatin1String("explanation"))
        && !readText(
            object.value(QLatin1String("explanation")), path + QStringLiteral(".explanation"), step.explanation))
        return false;
    for (const auto& [key, out] :
        {std::pair {QStringLiteral("beside"), &step.beside}, std::pair {QStringLiteral("baseline"), &step.baseline}}) {
        if (!object.contains(key))
            continue;
        const auto index = wholeNumber<std::size_t>(object.value(key));
        if (!index)
            return fail(path + QLatin1Char('.') + key,
                QStringLiteral("expected a step's index (from 0), got %1").arg(shown(object.value(key))));
        *out = *index;
    }
    return true;
}

// "beside" names an emulated step, "baseline" a real one: the numbers set side by side must exist.
bool ScenarioReader::checkStepRefs(const Scenario& scenario, const QJsonArray& steps)
{
    for (std::size_t i = 0; i < scenario.steps.size(); ++i) {
        const ScenarioStep& step = scenario.steps[i];
        for (const auto& [key, index, python] : {std::tuple {QStringLiteral("beside"), step.beside, false},
                 std::tuple {QStringLiteral("baseline"), step.baseline, true}}) {
            if (!index)
                continue;
            const QString path = QStringLiteral("steps[%1].%2").arg(i).arg(key);
            if (*index >= scenario.steps.size() || *index == i
                || (scenario.steps[*index].config.model == ModelKind::Python) != python)
                return fail(path,
                    QStringLiteral("expected the index of another %1 step, from 0 to %2, got %3")
                        .arg(python ? QStringLiteral("real-CPython") : QStringLiteral("emulated"))
                        .arg(steps.size() - 1)
                        .arg(shown(steps.at(qsizetype(i)).toObject().value(key))));
        }
    }
    return true;
}

bool ScenarioReader::readStep(const QJsonValue& value, const QString& path, ScenarioStep& step)
{
    if (!value.isObject())
        return fail(path, QStringLiteral("expected an object with a \"model\", got %1").arg(shown(value)));
    const QJsonObject object = value.toObject();
    QStringList allowed = stepOnlyKeys + workloadKeys;
    allowed.removeOne(QStringLiteral("kind"));
    if (!checkKeys(object, allowed, path))
        return false;
    if (!object.contains(QLatin1String("model")))
        return fail(path + QStringLiteral(".model"),
            QStringLiteral("missing (choose %1)").arg(enumKeys(allModelKinds, modelKey).join(QLatin1Char('|'))));
    RunConfig config = m_base;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!stepTextKeys.contains(it.key())
            && !readSetting(it.key(), it.value(), path + QLatin1Char('.') + it.key(), config))
            return false;
    }
    config = config.normalized();
    step.config = config;
    if (!readPythonStep(object, path, step) || !checkConfig(step.config, &object, path))
        return false;
    if (object.contains(QLatin1String("label")))
        return readText(object.value(QLatin1String("label")), path + QStringLiteral(".label"), step.label);
    // No label: Scenario::stepLabel() names the step by its model, in the UI's language when it is asked.
    return true;
}

std::optional<Scenario> ScenarioReader::read(const QByteArray& json)
{
    Scenario scenario;
    scenario.id = QFileInfo(m_fileName).completeBaseName();
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_-]*$"));
    if (!idPattern.match(scenario.id).hasMatch()) {
        fail({},
            QStringLiteral("the file name is the scenario's name on the command line: use letters, digits, '-' and "
                           "'_' before \".json\""));
        return std::nullopt;
    }

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        fail({}, QStringLiteral("not valid JSON: %1 at byte %2").arg(parseError.errorString()).arg(parseError.offset));
        return std::nullopt;
    }
    if (!document.isObject()) {
        fail({}, QStringLiteral("expected a JSON object at the top"));
        return std::nullopt;
    }
    const QJsonObject top = document.object();
    if (!checkKeys(top, topKeys, {}))
        return std::nullopt;

    if (top.contains(QLatin1String("order"))) {
        const auto order = wholeNumber<int>(top.value(QLatin1String("order")));
        if (!order) {
            fail(QStringLiteral("order"),
                QStringLiteral("expected a whole number, got %1").arg(shown(top.value(QLatin1String("order")))));
            return std::nullopt;
        }
        scenario.order = *order;
    }
    for (const auto& [key, text] :
        {std::pair {QStringLiteral("title"), &scenario.title}, {QStringLiteral("question"), &scenario.question},
            {QStringLiteral("explanation"), &scenario.explanation}, {QStringLiteral("look_at"), &scenario.lookAt}}) {
        if (!readText(top.value(key), key, *text))
            return std::nullopt;
    }

    const QJsonValue workload = top.value(QLatin1String("workload"));
    if (!workload.isObject()) {
        fail(QStringLiteral("workload"),
            workload.isUndefined() ? QStringLiteral("missing")
                                   : QStringLiteral("expected an object, got %1").arg(shown(workload)));
        return std::nullopt;
    }
    m_workload = workload.toObject();
    if (!checkKeys(m_workload, workloadKeys, QStringLiteral("workload")))
        return std::nullopt;
    if (!m_workload.contains(QLatin1String("kind"))) {
        fail(QStringLiteral("workload.kind"),
            QStringLiteral("missing (choose %1)").arg(enumKeys(allWorkloadKinds, workloadKey).join(QLatin1Char('|'))));
        return std::nullopt;
    }
    for (auto it = m_workload.begin(); it != m_workload.end(); ++it) {
        if (!readSetting(it.key(), it.value(), QStringLiteral("workload.") + it.key(), m_base))
            return std::nullopt;
    }
    m_base = m_base.normalized();
    if (!checkConfig(m_base, nullptr, {}))
        return std::nullopt;
    scenario.workload = m_base;

    const QJsonValue steps = top.value(QLatin1String("steps"));
    if (!steps.isArray() || steps.toArray().isEmpty()) {
        fail(QStringLiteral("steps"),
            steps.isUndefined() ? QStringLiteral("missing (give the models to click through, in order)")
                                : QStringLiteral("expected a non-empty array of steps, got %1").arg(shown(steps)));
        return std::nullopt;
    }
    const QJsonArray stepArray = steps.toArray();
    for (qsizetype i = 0; i < stepArray.size(); ++i) {
        ScenarioStep step;
        if (!readStep(stepArray.at(i), QStringLiteral("steps[%1]").arg(i), step))
            return std::nullopt;
        scenario.steps.push_back(step);
    }
    if (!checkStepRefs(scenario, stepArray))
        return std::nullopt;
    return scenario;
}

} // namespace

std::optional<Scenario> parseScenario(const QString& fileName, const QByteArray& json, QString* error)
{
    ScenarioReader reader(fileName);
    auto scenario = reader.read(json);
    if (!scenario && error)
        *error = reader.error();
    return scenario;
}

} // namespace conlab
