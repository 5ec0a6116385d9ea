#include "core/scenario/scenariolibrary.h"

#include "core/scenario/scenarioparser.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <algorithm>

// qt_add_resources links a static library's resources into every program as object files of their own. Referring to
// them as well turns a program that somehow lacks them into a link error instead of an empty list of lessons.
// (Q_INIT_RESOURCE cannot be used inside a namespace.)
static void initScenarioResources()
{
    Q_INIT_RESOURCE(scenarios);
}

namespace conlab {

ScenarioLibrary ScenarioLibrary::load()
{
    ScenarioLibrary library;
    library.addDirectory(builtInDirectory());
    library.addDirectory(userDirectory());
    return library;
}

QString ScenarioLibrary::builtInDirectory()
{
    initScenarioResources();
    return QStringLiteral(":/scenarios");
}

QString ScenarioLibrary::userDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/conlab/scenarios");
}

void ScenarioLibrary::addDirectory(const QString& directory)
{
    const QDir dir(directory);
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files | QDir::Readable, QDir::Name))
        addFile(dir.filePath(name));
}

bool ScenarioLibrary::addFile(const QString& path)
{
    const QString fileName = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_errors << QStringLiteral("scenario %1: cannot read %2: %3").arg(fileName, path, file.errorString());
        return false;
    }
    QString error;
    auto scenario = parseScenario(fileName, file.readAll(), &error);
    if (!scenario) {
        m_errors << error;
        return false;
    }
    scenario->source = path;
    const auto same = std::find_if(
        m_scenarios.begin(), m_scenarios.end(), [&](const Scenario& known) { return known.id == scenario->id; });
    if (same != m_scenarios.end())
        *same = std::move(*scenario);
    else
        m_scenarios.push_back(std::move(*scenario));
    std::stable_sort(m_scenarios.begin(), m_scenarios.end(),
        [](const Scenario& a, const Scenario& b) { return a.order != b.order ? a.order < b.order : a.id < b.id; });
    return true;
}

const Scenario* ScenarioLibrary::find(const QString& id) const
{
    const auto found
        = std::find_if(m_scenarios.begin(), m_scenarios.end(), [&](const Scenario& known) { return known.id == id; });
    return found != m_scenarios.end() ? &*found : nullptr;
}

QStringList ScenarioLibrary::ids() const
{
    QStringList ids;
    for (const Scenario& scenario : m_scenarios)
        ids << scenario.id;
    return ids;
}

QString ScenarioLibrary::unknownIdError(const QString& id) const
{
    return QStringLiteral("unknown scenario '%1' (choose %2)").arg(id, ids().join(QStringLiteral(", ")));
}

} // namespace conlab
