#include "ui/window/runfileloader.h"

#include "core/import/runfilereader.h"

#include <optional>

namespace conlab {

RunFileLoader::RunFileLoader(QObject* parent)
    : QObject(parent)
    , m_jobs(this)
{
}

// Reading what was asked for last is left to finish (the queue waits for it), but nothing queued behind it starts.
RunFileLoader::~RunFileLoader()
{
    cancel();
}

void RunFileLoader::open(const QString& path)
{
    struct Outcome
    {
        std::optional<SavedRun> run;
        QString error;
    };
    const std::uint64_t id = ++m_lastId;
    m_wanted->store(id);
    m_path = path;
    m_jobs.post(
        [path, id, wanted = m_wanted] {
            Outcome outcome;
            if (wanted->load() == id)
                outcome.run = readRunFile(path, &outcome.error);
            return outcome;
        },
        [this, path, id](const Outcome& outcome) {
            if (m_wanted->load() != id)
                return;
            m_wanted->store(0);
            m_path.clear();
            if (outcome.run)
                emit loaded(path, *outcome.run);
            else
                emit failed(path, outcome.error);
        });
}

void RunFileLoader::cancel()
{
    m_wanted->store(0);
    m_path.clear();
}

} // namespace conlab
