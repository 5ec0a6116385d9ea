#pragma once

#include "core/run/runconfig.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

class QSettings;

namespace conlab {

class MainWindow;

// What the app remembers from one session to the next.
struct RememberedSettings
{
    // The model choice and the workload settings on screen; nullopt when nothing is remembered (the first start).
    std::optional<RunConfig> config;
    // The language of the UI: empty follows the system locale, else a locale name ("en", "ru").
    QString language;
    bool presenterMode = false;
    // QWidget::saveGeometry() of the window outside presenter mode.
    QByteArray windowGeometry;
};

// RememberedSettings in a QSettings: the application's own (its organisation and application name) or an INI file
// of the caller's. The window never reads or writes settings by itself; the app loads them once at start and saves
// them once at quit, so windows made by tests or scripts leave a user's settings alone.
class SettingsStore
{
public:
    SettingsStore();
    explicit SettingsStore(const QString& iniFile);
    ~SettingsStore();
    SettingsStore(const SettingsStore&) = delete;
    SettingsStore& operator=(const SettingsStore&) = delete;

    // A value that cannot be used (a hand-edited file, a setting from another version) is left out, and *problems
    // gets one sentence naming it; a workload that could not run is left out as a whole.
    RememberedSettings load(QStringList* problems = nullptr) const;
    // Writes everything and flushes it to disk; false with *error naming the file when it could not be written.
    bool save(const RememberedSettings& settings, QString* error = nullptr);
    QString fileName() const;

    // What `window` shows now; the language is kept as given (the window does not choose it).
    static RememberedSettings capture(const MainWindow& window, const QString& language);
    // Puts the remembered geometry and presenter mode on `window`. The configuration is not applied here: it goes
    // through the command line (parseGuiOptions), whose options win over it.
    static void restore(MainWindow& window, const RememberedSettings& settings);

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace conlab
