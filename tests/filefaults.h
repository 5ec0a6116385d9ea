#pragma once

#include "tests/testfiles.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <optional>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

// The ways a save fails on a real machine, made on demand for the tests of every writer (run files, CSV, figures,
// the command line): a disk that fills up, a device that is full, a folder that is read-only. Each works without
// privileges, and as root, whom file modes do not bind.
namespace conlab::test {

// A disk that fills up: while this lives, files of this process may not grow past `bytes` (RLIMIT_FSIZE binds root
// too). SIGXFSZ is ignored meanwhile, so an over-long write fails with EFBIG rather than killing the process.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        m_ok = ::getrlimit(RLIMIT_FSIZE, &m_before) == 0;
        m_previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_before;
        limit.rlim_cur = bytes;
        m_ok = m_ok && ::setrlimit(RLIMIT_FSIZE, &limit) == 0;
    }
    ~FileSizeLimit()
    {
        ::setrlimit(RLIMIT_FSIZE, &m_before);
        std::signal(SIGXFSZ, m_previousHandler);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

    bool ok() const { return m_ok; }

private:
    rlimit m_before {};
    void (*m_previousHandler)(int) = SIG_DFL;
    bool m_ok = false;
};

// While this lives, the calling thread is the user `nobody` when the tests run as root, so that file modes bind it;
// otherwise it changes nothing. Only this thread: the raw system calls change one thread's credentials, where
// glibc's wrappers would change every thread's. Writes that must be refused have to happen on this thread.
class AsOrdinaryUser
{
public:
    static constexpr uid_t nobody = 65534;

    AsOrdinaryUser()
        : m_wasRoot(::geteuid() == 0)
    {
        if (m_wasRoot) {
            m_ok = ::syscall(SYS_setresgid, -1, nobody, -1) == 0 && ::syscall(SYS_setresuid, -1, nobody, -1) == 0;
        }
    }
    ~AsOrdinaryUser()
    {
        if (!m_wasRoot)
            return;
        ::syscall(SYS_setresuid, -1, 0, -1);
        ::syscall(SYS_setresgid, -1, 0, -1);
        // Changing the effective user made the process undumpable, which would keep LeakSanitizer and debuggers out.
        ::prctl(PR_SET_DUMPABLE, 1);
    }
    AsOrdinaryUser(const AsOrdinaryUser&) = delete;
    AsOrdinaryUser& operator=(const AsOrdinaryUser&) = delete;

    bool ok() const { return m_ok; }

private:
    bool m_wasRoot = false;
    bool m_ok = true;
};

// A folder holding old files, then made read-only (r-x for everyone): nothing in it can be added or replaced by
// anyone file modes bind (see AsOrdinaryUser), as on a read-only mount.
class ReadOnlyFolder
{
public:
    explicit ReadOnlyFolder(const QStringList& fileNames)
        : m_names(fileNames)
    {
        m_ok = m_dir.isValid();
        // The files themselves stay writable by anyone: only the folder refuses, as on a read-only mount.
        for (const QString& name : fileNames) {
            m_ok = m_ok && writeFile(filePath(name), oldContents(name))
                && ::chmod(QFile::encodeName(filePath(name)).constData(), 0666) == 0;
        }
        m_ok = m_ok && ::chmod(QFile::encodeName(m_dir.path()).constData(), 0555) == 0;
        m_names.sort();
    }
    ~ReadOnlyFolder() { ::chmod(QFile::encodeName(m_dir.path()).constData(), 0700); }
    ReadOnlyFolder(const ReadOnlyFolder&) = delete;
    ReadOnlyFolder& operator=(const ReadOnlyFolder&) = delete;

    bool ok() const { return m_ok; }
    QString path() const { return m_dir.path(); }
    QString filePath(const QString& name) const { return m_dir.filePath(name); }
    static QByteArray oldContents(const QString& name) { return "old " + name.toUtf8(); }
    // Every old file exactly as it was, and nothing else in the folder (no temporary file left behind).
    bool untouched() const
    {
        for (const QString& name : m_names) {
            if (readAll(filePath(name)) != oldContents(name))
                return false;
        }
        return entries(m_dir.path()) == m_names;
    }

private:
    QTemporaryDir m_dir;
    QStringList m_names;
    bool m_ok = false;
};

// A full device (as /dev/full: every write fails with ENOSPC) at dir/name: a device node of the test's own. As root,
// /dev/full itself is never written: a writer that renamed over its target would replace the machine's /dev/full
// with a regular file, and a test must not break the machine when the code it tests breaks. Without the right to
// make device nodes (not root), dir/name is a symbolic link to /dev/full, which is then safe to write through: an
// ordinary user cannot write in /dev. Empty when neither works (root in a folder mounted nodev).
inline std::optional<QString> fullDevice(const QTemporaryDir& dir, const QString& name = QStringLiteral("full"))
{
    const QString path = dir.filePath(name);
    const QByteArray native = QFile::encodeName(path);
    const bool made = ::mknod(native.constData(), S_IFCHR | 0666, makedev(1, 7)) == 0
        || (::geteuid() != 0 && ::symlink("/dev/full", native.constData()) == 0);
    if (!made)
        return std::nullopt;
    // A node on a nodev mount cannot be opened; one that can must say it is full.
    const int fd = ::open(native.constData(), O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    const bool full = ::write(fd, "x", 1) < 0 && errno == ENOSPC;
    ::close(fd);
    return full ? std::optional<QString>(path) : std::nullopt;
}

// Whether path is still a character device (a writer must never have replaced it with a regular file).
inline bool isCharacterDevice(const QString& path)
{
    struct stat info
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 && S_ISCHR(info.st_mode);
}

} // namespace conlab::test
