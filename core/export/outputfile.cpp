#include "core/export/outputfile.h"

#include "core/util/fileerror.h"

#include <QFile>
#include <QSaveFile>
#include <sys/stat.h>

namespace conlab {
namespace {

// Follows symbolic links, as QSaveFile does to find what it replaces.
bool isExistingNonRegularFile(const QString& path)
{
    struct stat info
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 && !S_ISREG(info.st_mode) && !S_ISDIR(info.st_mode);
}

} // namespace

// What writers write to: every write reaches the file whole or fails with the file's reason. A disk that has just
// filled up takes what fits and reports no error for that short write; Qt's file engine then says "Unknown error",
// and writers that do not retry (libpng, a document written in one call) would fail without a reason, or blame
// their encoder. The rest is written again here, and that write fails with ENOSPC or EFBIG.
class OutputFile::WholeWrites : public QIODevice
{
public:
    explicit WholeWrites(QFileDevice& file)
        : m_file(file)
    {
    }

    bool isSequential() const override { return true; }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 size) override
    {
        for (qint64 done = 0; done < size;) {
            const qint64 written = m_file.write(data + done, size - done);
            if (written <= 0) {
                setErrorString(m_file.errorString());
                return -1;
            }
            done += written;
        }
        return size;
    }

private:
    QFileDevice& m_file;
};

OutputFile::OutputFile(const QString& path)
    : m_path(path)
    , m_direct(isExistingNonRegularFile(path))
{
    if (m_direct)
        m_file = std::make_unique<QFile>(path);
    else
        m_file = std::make_unique<QSaveFile>(path);
    m_writes = std::make_unique<WholeWrites>(*m_file);
}

OutputFile::~OutputFile() = default;

bool OutputFile::open()
{
    // Unbuffered: each write goes to the file as it is made, so a failure surfaces on that write, with its reason,
    // rather than in a later flush that cannot tell it.
    if (!m_file->open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return false;
    return m_writes->open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

QIODevice* OutputFile::device() const
{
    return m_writes.get();
}

bool OutputFile::commit()
{
    m_writes->close();
    // QFileDevice::close(), which commit() makes, clears an earlier write error once its own flush succeeds, and
    // QSaveFile::commit() then fails without a reason: the first error is kept before anything is closed.
    if (m_file->error() != QFileDevice::NoError) {
        m_failure = m_file->errorString();
        if (m_direct)
            m_file->close();
        return false; // a QSaveFile not committed drops its temporary file when it goes
    }
    bool done = false;
    if (m_direct) {
        m_file->close();
        done = m_file->error() == QFileDevice::NoError;
    } else {
        done = static_cast<QSaveFile&>(*m_file).commit();
    }
    if (!done)
        m_failure = m_file->errorString();
    return done;
}

bool OutputFile::hasWriteError() const
{
    return !m_failure.isEmpty() || m_file->error() != QFileDevice::NoError;
}

QString OutputFile::errorReason() const
{
    return fileErrorReason(m_failure.isEmpty() ? m_file->errorString() : m_failure);
}

} // namespace conlab
