#pragma once

#include <QString>
#include <memory>

class QFileDevice;
class QIODevice;

namespace conlab {

// A file that is written whole or not at all, for every writer of the app (run files, CSV, figures, reports).
// A regular file, or a path where nothing exists yet, goes through QSaveFile: a temporary file beside it, renamed
// over it once complete, so a failed write (disk full, a read-only folder) leaves the old file as it was. An existing
// device, FIFO or socket (/dev/null, /dev/stdout, a pipe) is written straight into instead: QSaveFile would rename
// its temporary file over the node itself wherever the folder is writable, as /dev is for root, and replace
// /dev/null with a regular file; a device has no old content to keep, and its write errors (ENOSPC from /dev/full)
// are reported all the same.
class OutputFile
{
public:
    explicit OutputFile(const QString& path);
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    bool open();
    // Valid after a successful open().
    QIODevice* device() const;
    // Ends the file: true only when every byte was written and the file is in place. Without a commit, the
    // destructor throws the temporary file away.
    bool commit();
    // Whether the device refused something (as opposed to a writer that gave up on its own, e.g. an encoder).
    bool hasWriteError() const;
    // Why open() or commit() failed, as the end of a sentence (no full stop), never empty.
    QString errorReason() const;
    // Whether the path is written straight into (an existing non-regular file) rather than replaced.
    bool isDirect() const { return m_direct; }

private:
    class WholeWrites;

    QString m_path;
    bool m_direct = false;
    QString m_failure; // why commit() failed, kept before closing the file could clear it
    std::unique_ptr<QFileDevice> m_file;
    std::unique_ptr<WholeWrites> m_writes; // what device() hands out; writes into m_file
};

} // namespace conlab
