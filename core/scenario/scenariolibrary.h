#pragma once

#include "core/scenario/scenario.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace conlab {

// Every scenario the app knows: the built-in lessons compiled into the binary (resources/scenarios/*.json) and the
// user's own from userDirectory(). A file that does not validate is skipped with one line in errors() naming the
// file and the field; the others still load.
class ScenarioLibrary
{
public:
    // The built-in scenarios, then the user's: a user file with a built-in's name replaces it, so a teacher can
    // tailor a lesson without rebuilding.
    static ScenarioLibrary load();

    static QString builtInDirectory(); // ":/scenarios"
    static QString userDirectory(); // $XDG_DATA_HOME/conlab/scenarios (~/.local/share/conlab/scenarios)

    // Loads every *.json in `directory` (a missing directory adds nothing); a scenario whose id is already
    // loaded replaces it.
    void addDirectory(const QString& directory);
    // Loads one file; false (and a line in errors()) when it cannot be read or does not validate.
    bool addFile(const QString& path);

    // By order, then id.
    const std::vector<Scenario>& scenarios() const { return m_scenarios; }
    const Scenario* find(const QString& id) const;
    QStringList ids() const;
    // What `--scenario NAME` says when no scenario is called `id`: "unknown scenario 'x' (choose cpu-bound, ...)".
    QString unknownIdError(const QString& id) const;
    const QStringList& errors() const { return m_errors; }

private:
    std::vector<Scenario> m_scenarios;
    QStringList m_errors;
};

} // namespace conlab
