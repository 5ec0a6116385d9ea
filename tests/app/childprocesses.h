#pragma once

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QThread>
#include <algorithm>

// Another process's children and threads, read from /proc: what the tests of the real binary check it leaves behind.
namespace conlab::test {

// Children of `pid`: /proc/PID/task/TID/children lists them per thread (QProcess forks from the engine thread).
inline QList<qint64> childrenOf(qint64 pid)
{
    QList<qint64> children;
    const QString taskDir = QStringLiteral("/proc/%1/task").arg(pid);
    for (const QString& tid : QDir(taskDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile file(QStringLiteral("%1/%2/children").arg(taskDir, tid));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray& child : file.readAll().simplified().split(' ')) {
            if (!child.isEmpty())
                children << child.toLongLong();
        }
    }
    return children;
}

// The names of `pid`'s threads (Qt names them after the QThread's objectName).
inline QStringList threadNamesOf(qint64 pid)
{
    QStringList names;
    const QString taskDir = QStringLiteral("/proc/%1/task").arg(pid);
    for (const QString& tid : QDir(taskDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(QStringLiteral("%1/%2/comm").arg(taskDir, tid));
        if (comm.open(QIODevice::ReadOnly))
            names << QString::fromUtf8(comm.readAll().trimmed());
    }
    return names;
}

// Gone, or a zombie waiting for init to reap it: either way it no longer runs.
inline bool isGone(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray line = stat.readAll();
    return line.mid(line.lastIndexOf(')') + 2, 1) == "Z";
}

inline bool allGoneWithin(const QList<qint64>& pids, int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        if (std::all_of(pids.begin(), pids.end(), isGone))
            return true;
        QThread::msleep(10);
    }
    return std::all_of(pids.begin(), pids.end(), isGone);
}

} // namespace conlab::test
