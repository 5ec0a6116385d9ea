#include "core/python/pythonscript.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace conlab {

namespace {

bool isExecutableFile(const QString& path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

} // namespace

std::optional<QString> resolvePythonInterpreter(const QString& requested, QString* error, const QString& fallback)
{
    if (!requested.isEmpty()) {
        // A bare name is looked up on PATH as a shell would; anything with a slash is a path.
        const QString found
            = requested.contains(QLatin1Char('/')) ? requested : QStandardPaths::findExecutable(requested);
        if (!found.isEmpty() && isExecutableFile(found))
            return QFileInfo(found).absoluteFilePath();
        if (error)
            *error = QStringLiteral("no executable Python interpreter at '%1'").arg(requested);
        return std::nullopt;
    }
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (!onPath.isEmpty())
        return onPath;
    if (isExecutableFile(fallback))
        return fallback;
    if (error)
        *error = QStringLiteral("no Python interpreter found: looked for python3 on PATH and for %1 (install "
                                "python3 or pass --python PATH)")
                     .arg(fallback);
    return std::nullopt;
}

QString interpreterBinary(const QString& interpreter)
{
    QFile file(interpreter);
    if (!file.open(QIODevice::ReadOnly) || file.read(2) != "#!")
        return interpreter;
    QProcess asked;
    asked.start(interpreter, {QStringLiteral("-c"), QStringLiteral("import sys; print(sys.executable)")});
    if (!asked.waitForFinished(30'000) || asked.exitStatus() != QProcess::NormalExit || asked.exitCode() != 0)
        return interpreter;
    const QString binary = QString::fromLocal8Bit(asked.readAllStandardOutput().trimmed());
    return isExecutableFile(binary) ? binary : interpreter;
}

Problem pythonScriptProblem(const QString& script)
{
    if (script.isEmpty())
        return Problem(QT_TRANSLATE_NOOP(
            "conlab::Problem", "the python model needs a script: pass --script FILE.py (or --example NAME)"));
    const QFileInfo info(script);
    if (!info.exists())
        return Problem(QT_TRANSLATE_NOOP("conlab::Problem", "'%1': no such file"), {script});
    if (!info.isFile())
        return Problem(QT_TRANSLATE_NOOP("conlab::Problem", "'%1': not a file"), {script});
    QFile file(script);
    if (!file.open(QIODevice::ReadOnly))
        return Problem(QT_TRANSLATE_NOOP("conlab::Problem", "'%1': cannot be read (%2)"), {script, file.errorString()});
    return {};
}

} // namespace conlab
