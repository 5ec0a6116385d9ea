#pragma once

#include <QString>
#include <QStringList>

namespace conlab {

// The run files opened or saved lately, newest first, remembered across sessions in the user's settings. This is
// the only place the window keeps them, so the settings key and its format live here alone.
class RecentFiles
{
public:
    static constexpr int maxEntries = 8;

    QStringList files() const;
    // Puts path first (as an absolute, clean path), dropping an older entry for the same file and those past
    // maxEntries.
    void add(const QString& path);
    void remove(const QString& path);
    void clear();
    // Forgets the files that no longer exist and returns them, so the caller can say which went.
    QStringList pruneMissing();

private:
    void store(const QStringList& files);
};

} // namespace conlab
