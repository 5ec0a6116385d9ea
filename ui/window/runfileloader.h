#pragma once

#include "core/export/runfile.h"
#include "core/util/jobqueue.h"

#include <QObject>
#include <QString>
#include <atomic>
#include <cstdint>
#include <memory>

namespace conlab {

// Reads run files off the UI thread (a file of a hundred megabytes takes about a second to parse). The newest
// request wins: a file asked for while another is being read supersedes it, and the superseded result is dropped by
// its id when it arrives, as hotspot's job tracker drops a cancelled job's, never shown. A request still waiting
// for the thread when it is superseded is not read at all.
class RunFileLoader : public QObject
{
    Q_OBJECT
public:
    explicit RunFileLoader(QObject* parent = nullptr);
    ~RunFileLoader() override;

    // loaded() or failed() follows, unless open() or cancel() is called again first.
    void open(const QString& path);
    // Forgets the file being read: no signal will come for it.
    void cancel();
    bool isLoading() const { return !m_path.isEmpty(); }
    // The file being read; empty when none is.
    QString path() const { return m_path; }

signals:
    void loaded(const QString& path, const conlab::SavedRun& run);
    // error names the file, the position in it and the problem.
    void failed(const QString& path, const QString& error);

private:
    std::uint64_t m_lastId = 0;
    // The id whose result is wanted (0: none), read by jobs on the worker thread before they start reading.
    std::shared_ptr<std::atomic<std::uint64_t>> m_wanted = std::make_shared<std::atomic<std::uint64_t>>(0);
    QString m_path;
    JobQueue m_jobs;
};

} // namespace conlab
