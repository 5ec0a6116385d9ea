#include "core/python/examplescripts.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

namespace conlab {

namespace {

const QString resourceDir = QStringLiteral(":/python");
const QString sharedModule = QStringLiteral("conlab_knobs");

QStringList resourceScripts()
{
    return QDir(resourceDir).entryList(QStringList {QStringLiteral("*.py")}, QDir::Files, QDir::Name);
}

} // namespace

QStringList exampleScriptNames()
{
    QStringList names;
    for (const QString& file : resourceScripts()) {
        const QString name = QFileInfo(file).completeBaseName();
        if (name != sharedModule)
            names << name;
    }
    return names;
}

QString exampleScriptPath(const QString& name)
{
    return exampleScriptNames().contains(name) ? resourceDir + QLatin1Char('/') + name + QStringLiteral(".py")
                                               : QString();
}

bool isExampleScriptPath(const QString& path)
{
    return path.startsWith(resourceDir + QLatin1Char('/'));
}

QString extractExampleScripts(const QTemporaryDir& dir, const QString& resourcePath, QString* error)
{
    if (!dir.isValid()) {
        *error = QStringLiteral("cannot create a folder for the example scripts: %1").arg(dir.errorString());
        return {};
    }
    for (const QString& file : resourceScripts()) {
        const QString target = dir.filePath(file);
        QFile source(resourceDir + QLatin1Char('/') + file);
        if (!source.copy(target)) {
            *error = QStringLiteral("cannot copy the example %1 to %2: %3").arg(file, target, source.errorString());
            return {};
        }
    }
    return dir.filePath(QFileInfo(resourcePath).fileName());
}

} // namespace conlab
