#include "ui/window/settingsstore.h"

#include "ui/window/mainwindow.h"
#include "ui/window/presentermode.h"

#include <QDir>
#include <QSettings>
#include <cmath>

namespace conlab {

namespace {

namespace key {
const QString model = QStringLiteral("run/model");
const QString gil = QStringLiteral("run/gil");
const QString offload = QStringLiteral("run/offload");
const QString workers = QStringLiteral("run/workers");
const QString switchInterval = QStringLiteral("run/switchIntervalMs");
const QString kind = QStringLiteral("workload/kind");
const QString tasks = QStringLiteral("workload/tasks");
const QString cpuMs = QStringLiteral("workload/cpuMs");
const QString ioMs = QStringLiteral("workload/ioMs");
const QString phases = QStringLiteral("workload/phases");
const QString increments = QStringLiteral("workload/increments");
const QString lock = QStringLiteral("workload/lock");
const QString yieldBetween = QStringLiteral("workload/yieldBetween");
const QString language = QStringLiteral("ui/language");
const QString presenter = QStringLiteral("ui/presenterMode");
const QString geometry = QStringLiteral("window/geometry");
} // namespace key

// Reads remembered values, each checked as the command line checks it; what fails is named and left out.
class Reader
{
public:
    Reader(const QSettings& settings, QStringList* problems)
        : m_settings(settings)
        , m_problems(problems)
    {
    }

    template <typename Number> void number(const QString& name, double min, double max, Number& out)
    {
        if (!m_settings.contains(name))
            return;
        const QString text = m_settings.value(name).toString();
        bool ok = false;
        const double value = text.toDouble(&ok);
        const bool whole = std::is_integral_v<Number>;
        if (!ok || !std::isfinite(value) || value < min || value > max || (whole && value != std::floor(value))) {
            const QString expected = whole ? QStringLiteral("a whole number") : QStringLiteral("a number");
            problem(name, text, QStringLiteral("expected %1 from %2 to %3").arg(expected).arg(min).arg(max));
            return;
        }
        out = Number(value);
    }

    void flag(const QString& name, bool& out)
    {
        if (!m_settings.contains(name))
            return;
        const QString text = m_settings.value(name).toString().toLower();
        if (text == QLatin1String("true") || text == QLatin1String("1"))
            out = true;
        else if (text == QLatin1String("false") || text == QLatin1String("0"))
            out = false;
        else
            problem(name, text, QStringLiteral("expected true or false"));
    }

    template <typename Enum, typename FromKey> void choice(const QString& name, FromKey fromKey, Enum& out)
    {
        if (!m_settings.contains(name))
            return;
        const QString text = m_settings.value(name).toString();
        if (const std::optional<Enum> value = fromKey(text))
            out = *value;
        else
            problem(name, text, QStringLiteral("not a known name"));
    }

    // `value` empty: the problem is with the settings together, not one value.
    void problem(const QString& name, const QString& value, const QString& why)
    {
        if (!m_problems)
            return;
        const QString what = value.isEmpty() ? name : QStringLiteral("%1 '%2'").arg(name, value);
        *m_problems << QStringLiteral("ignoring the remembered %1 in %2: %3")
                           .arg(what, QDir::toNativeSeparators(m_settings.fileName()), why);
    }

private:
    const QSettings& m_settings;
    QStringList* m_problems;
};

std::optional<RunConfig> readConfig(const QSettings& settings, QStringList* problems)
{
    if (!settings.contains(key::model))
        return std::nullopt;
    Reader read(settings, problems);
    RunConfig config;
    read.choice(key::model, modelFromKey, config.model);
    read.flag(key::gil, config.gil);
    read.choice(key::offload, offloadFromKey, config.offload);
    read.number(key::workers, 0, limits::maxWorkers, config.workers);
    read.number(key::switchInterval, 0.001, limits::maxSwitchIntervalMs, config.switchIntervalMs);
    WorkloadSpec& workload = config.workload;
    read.choice(key::kind, workloadFromKey, workload.kind);
    read.number(key::tasks, 1, limits::maxTasks, workload.tasks);
    read.number(key::cpuMs, 0, limits::maxPhaseMs, workload.cpuMs);
    read.number(key::ioMs, 0, limits::maxPhaseMs, workload.ioMs);
    read.number(key::phases, 1, limits::maxPhases, workload.phases);
    read.number(key::increments, 1, double(limits::maxIncrements), workload.increments);
    read.flag(key::lock, workload.lock);
    read.flag(key::yieldBetween, workload.yieldBetween);
    config = config.normalized();
    if (const QString invalid = config.validationError(); !invalid.isEmpty()) {
        read.problem(QStringLiteral("model and workload"), QString(), invalid);
        return std::nullopt;
    }
    return config;
}

} // namespace

SettingsStore::SettingsStore()
    : m_settings(std::make_unique<QSettings>())
{
}

SettingsStore::SettingsStore(const QString& iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{
}

SettingsStore::~SettingsStore() = default;

QString SettingsStore::fileName() const
{
    return m_settings->fileName();
}

RememberedSettings SettingsStore::load(QStringList* problems) const
{
    RememberedSettings remembered;
    remembered.config = readConfig(*m_settings, problems);
    Reader read(*m_settings, problems);
    remembered.language = m_settings->value(key::language).toString();
    read.flag(key::presenter, remembered.presenterMode);
    remembered.windowGeometry = m_settings->value(key::geometry).toByteArray();
    return remembered;
}

bool SettingsStore::save(const RememberedSettings& settings, QString* error)
{
    QSettings& out = *m_settings;
    if (settings.config) {
        const RunConfig& config = *settings.config;
        out.setValue(key::model, modelKey(config.model));
        out.setValue(key::gil, config.gil);
        out.setValue(key::offload, offloadKey(config.offload));
        out.setValue(key::workers, config.workers);
        out.setValue(key::switchInterval, config.switchIntervalMs);
        const WorkloadSpec& workload = config.workload;
        out.setValue(key::kind, workloadKey(workload.kind));
        out.setValue(key::tasks, workload.tasks);
        out.setValue(key::cpuMs, workload.cpuMs);
        out.setValue(key::ioMs, workload.ioMs);
        out.setValue(key::phases, workload.phases);
        out.setValue(key::increments, qlonglong(workload.increments));
        out.setValue(key::lock, workload.lock);
        out.setValue(key::yieldBetween, workload.yieldBetween);
    }
    out.setValue(key::language, settings.language);
    out.setValue(key::presenter, settings.presenterMode);
    out.setValue(key::geometry, settings.windowGeometry);
    out.sync();
    if (out.status() == QSettings::NoError)
        return true;
    if (error) {
        *error
            = QStringLiteral("could not remember the settings in %1: %2")
                  .arg(QDir::toNativeSeparators(out.fileName()),
                      out.status() == QSettings::AccessError ? QStringLiteral("the file cannot be written")
                                                             : QStringLiteral("the file is not in a readable format"));
    }
    return false;
}

RememberedSettings SettingsStore::capture(const MainWindow& window, const QString& language)
{
    RememberedSettings remembered;
    remembered.config = window.currentConfig();
    remembered.language = language;
    remembered.presenterMode = window.presenterMode().isOn();
    remembered.windowGeometry = window.presenterMode().deskGeometry();
    return remembered;
}

void SettingsStore::restore(MainWindow& window, const RememberedSettings& settings)
{
    if (!settings.windowGeometry.isEmpty())
        window.restoreGeometry(settings.windowGeometry);
    window.presenterMode().setOn(settings.presenterMode);
}

} // namespace conlab
