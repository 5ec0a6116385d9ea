#include "processstats.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <sys/resource.h>

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

} // namespace

double cpuMs()
{
    rusage self {};
    rusage children {};
    getrusage(RUSAGE_SELF, &self);
    getrusage(RUSAGE_CHILDREN, &children);
    return toMs(self.ru_utime) + toMs(self.ru_stime) + toMs(children.ru_utime) + toMs(children.ru_stime);
}

double peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
        }
    }
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
