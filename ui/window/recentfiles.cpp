#include "ui/window/recentfiles.h"

#include <QFileInfo>
#include <QSettings>

namespace conlab {

namespace {

const QString settingsKey = QStringLiteral("recentFiles");

QString normalized(const QString& path)
{
    return QFileInfo(path).absoluteFilePath();
}

} // namespace

QStringList RecentFiles::files() const
{
    // Settings written by hand or by another version may hold anything: keep only plain, distinct paths.
    QStringList files;
    for (const QString& path : QSettings().value(settingsKey).toStringList()) {
        if (!path.isEmpty() && !files.contains(path) && files.size() < maxEntries)
            files << path;
    }
    return files;
}

void RecentFiles::add(const QString& path)
{
    const QString file = normalized(path);
    QStringList list = files();
    list.removeAll(file);
    list.prepend(file);
    store(list.mid(0, maxEntries));
}

void RecentFiles::remove(const QString& path)
{
    QStringList list = files();
    if (list.removeAll(normalized(path)) > 0)
        store(list);
}

void RecentFiles::clear()
{
    QSettings().remove(settingsKey);
}

QStringList RecentFiles::pruneMissing()
{
    QStringList kept;
    QStringList missing;
    for (const QString& path : files())
        (QFileInfo(path).isFile() ? kept : missing) << path;
    if (!missing.isEmpty())
        store(kept);
    return missing;
}

void RecentFiles::store(const QStringList& files)
{
    QSettings().setValue(settingsKey, files);
}

} // namespace conlab
