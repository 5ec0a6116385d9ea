#pragma once

#include "core/scenario/scenariolibrary.h"

#include <QByteArray>
#include <QFile>
#include <QTemporaryDir>

namespace conlab::test {

// A lesson that every step finishes in a few tens of milliseconds: three steps on three sleeps of 10 ms, with texts
// that say which language they are in.
inline const QByteArray tinyScenarioJson = R"({
    "title": {"en": "Tiny lesson", "ru": "Маленький урок"},
    "question": {"en": "Which model waits best?", "ru": "Какая модель ждёт лучше?"},
    "explanation": {"en": "Waiting needs no core.", "ru": "Ожиданию не нужно ядро."},
    "look_at": {"en": "The wall time.", "ru": "Время выполнения."},
    "workload": {"kind": "sleep", "tasks": 3, "io_ms": 10},
    "steps": [
        {"model": "sequential", "label": {"en": "One thread", "ru": "Один поток"}},
        {"model": "threads", "workers": 3, "label": {"en": "Three threads", "ru": "Три потока"}},
        {"model": "eventloop", "label": {"en": "Event loop", "ru": "Цикл событий"}}
    ]
})";

// The tiny lesson as the only scenario, read from a file as the window reads its own (plus any files given).
struct TinyLibrary
{
    QTemporaryDir dir;
    ScenarioLibrary library;

    explicit TinyLibrary(const std::vector<std::pair<QString, QByteArray>>& others = {})
    {
        write(QStringLiteral("tiny.json"), tinyScenarioJson);
        for (const auto& [name, content] : others)
            write(name, content);
        library.addDirectory(dir.path());
    }

    void write(const QString& name, const QByteArray& content)
    {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::WriteOnly))
            file.write(content);
    }
};

} // namespace conlab::test
