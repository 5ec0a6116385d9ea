#pragma once

#include "core/python/pythonscript.h"
#include "core/run/runconfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>
#include <gtest/gtest.h>

namespace conlab::test {

// The interpreter the python model tests run, or empty (the test then skips, naming what is missing).
inline QString testInterpreter()
{
    QString error;
    return resolvePythonInterpreter(QString(), &error).value_or(QString());
}

#define CONLAB_REQUIRE_PYTHON()                                                                                        \
    if (conlab::test::testInterpreter().isEmpty())                                                                     \
    GTEST_SKIP() << "no Python interpreter: python3 on PATH or /usr/bin/python3"

// A script written into `dir` and a python-model configuration that runs it.
inline RunConfig pythonConfig(const QTemporaryDir& dir, const QString& source, const QStringList& arguments = {})
{
    const QString path = dir.filePath(QStringLiteral("script.py"));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(source.toUtf8());
    file.close();
    RunConfig config;
    config.model = ModelKind::Python;
    config.workload.tasks = 3;
    config.workers = 2;
    config.python = PythonScript {path, QString(), arguments};
    return config;
}

} // namespace conlab::test
