#include "core/run/processstats.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <ctime>
#include <sys/resource.h>
#include <unistd.h>

namespace conlab::processstats {
namespace {

double toMs(const timeval& tv)
{
    return double(tv.tv_sec) * 1e3 + double(tv.tv_usec) / 1e3;
}

// A process has at least one thread, and listing its descriptors opens one: an empty or missing folder means /proc
// could not be read, not "none".
std::optional<int> countEntries(const QString& path)
{
    const int count = int(QDir(path).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System).size());
    if (count == 0)
        return std::nullopt;
    return count;
}

// A "VmXXX:   1234 kB" line of /proc/self/status in MiB.
std::optional<double> statusMb(const QString& proc, const char* field)
{
    QFile status(proc + QStringLiteral("/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        const QByteArray key = QByteArray(field) + ':';
        for (const QByteArray& line : status.readAll().split('\n')) {
            if (!line.startsWith(key))
                continue;
            bool ok = false;
            const double kb = line.mid(key.size()).trimmed().split(' ').value(0).toDouble(&ok);
            if (ok)
                return kb / 1024.0;
        }
    }
    return std::nullopt;
}

} // namespace

double cpuMs()
{
    rusage self {};
    rusage children {};
    getrusage(RUSAGE_SELF, &self);
    getrusage(RUSAGE_CHILDREN, &children);
    return toMs(self.ru_utime) + toMs(self.ru_stime) + toMs(children.ru_utime) + toMs(children.ru_stime);
}

std::optional<double> rssMb(const QString& proc)
{
    return statusMb(proc, "VmRSS");
}

double peakRssMb()
{
    if (const auto peak = statusMb(procRoot(), "VmHWM"))
        return *peak;
    rusage self {};
    getrusage(RUSAGE_SELF, &self);
    return double(self.ru_maxrss) / 1024.0;
}

void resetPeakRss()
{
    QFile clearRefs(procRoot() + QStringLiteral("/self/clear_refs"));
    if (clearRefs.open(QIODevice::WriteOnly))
        clearRefs.write("5");
}

std::optional<double> msSinceStart(const QString& proc)
{
    QFile stat(proc + QStringLiteral("/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return std::nullopt;
    // Field 22, starttime, in clock ticks since boot; counted from after the ')' that ends the command name, it is
    // the 20th.
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    bool ok = false;
    const double startTicks = fields.value(19).toDouble(&ok);
    if (!ok)
        return std::nullopt;
    const double startedMs = startTicks * 1000.0 / double(::sysconf(_SC_CLK_TCK));
    timespec now {};
    ::clock_gettime(CLOCK_BOOTTIME, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6 - startedMs;
}

std::optional<int> threadCount(const QString& proc)
{
    return countEntries(proc + QStringLiteral("/self/task"));
}

std::optional<int> openFdCount(const QString& proc)
{
    return countEntries(proc + QStringLiteral("/self/fd"));
}

std::optional<std::vector<int>> childPids(const QString& proc)
{
    // An empty list is an answer only if /proc lists processes at all: this one, at least.
    const QString self = QString::number(QCoreApplication::applicationPid());
    if (!QFile::exists(proc + QLatin1Char('/') + self + QStringLiteral("/stat")))
        return std::nullopt;
    std::vector<int> children;
    const QByteArray parent = self.toLatin1();
    const QStringList pids = QDir(proc).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& pid : pids) {
        QFile stat(proc + QLatin1Char('/') + pid + QStringLiteral("/stat"));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so parse from the last ')'.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1) == parent)
            children.push_back(pid.toInt());
    }
    return children;
}

} // namespace conlab::processstats
