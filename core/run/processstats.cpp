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

int countEntries(const QString& path)
{
    return int(QDir(path).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System).size());
}

// A "VmXXX:   1234 kB" line of /proc/self/status in MiB, or -1.
double statusMb(const char* field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        const QByteArray key = QByteArray(field) + ':';
        for (const QByteArray& line : status.readAll().split('\n')) {
            if (line.startsWith(key))
                return line.mid(key.size()).trimmed().split(' ').value(0).toDouble() / 1024.0;
        }
    }
    return -1;
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

double rssMb()
{
    return statusMb("VmRSS");
}

double peakRssMb()
{
    if (const double peak = statusMb("VmHWM"); peak >= 0)
        return peak;
    rusage self {};
    getrusage(RUSAGE_SELF, &self);
    return double(self.ru_maxrss) / 1024.0;
}

void resetPeakRss()
{
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    if (clearRefs.open(QIODevice::WriteOnly))
        clearRefs.write("5");
}

double msSinceStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    // Field 22, starttime, in clock ticks since boot; counted from after the ')' that ends the command name, it is
    // the 20th.
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return 0;
    const double startedMs = fields.at(19).toDouble() * 1000.0 / double(::sysconf(_SC_CLK_TCK));
    timespec now {};
    ::clock_gettime(CLOCK_BOOTTIME, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6 - startedMs;
}

int threadCount()
{
    return countEntries(QStringLiteral("/proc/self/task"));
}

int openFdCount()
{
    return countEntries(QStringLiteral("/proc/self/fd"));
}

std::vector<int> childPids()
{
    std::vector<int> children;
    const QByteArray self = QByteArray::number(QCoreApplication::applicationPid());
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& pid : pids) {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so parse from the last ')'.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1) == self)
            children.push_back(pid.toInt());
    }
    return children;
}

} // namespace conlab::processstats
