#include "core/python/processtree.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <functional>
#include <map>

namespace conlab {

namespace {

void forEachProcess(const std::function<void(pid_t, const ProcStat&)>& visit)
{
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& entry : entries) {
        bool ok = false;
        const pid_t pid = pid_t(entry.toInt(&ok));
        if (!ok)
            continue;
        if (const auto stat = readProcStat(pid))
            visit(pid, *stat);
    }
}

} // namespace

std::optional<ProcStat> readProcStat(pid_t pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray stat = file.readAll();
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so read from the last ')'.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0 || close + 2 >= stat.size())
        return std::nullopt;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    bool parentOk = false;
    bool groupOk = false;
    ProcStat result;
    result.state = fields.value(0).isEmpty() ? '?' : fields.value(0).at(0);
    result.parent = pid_t(fields.value(1).toInt(&parentOk));
    result.group = pid_t(fields.value(2).toInt(&groupOk));
    if (!parentOk || !groupOk)
        return std::nullopt;
    return result;
}

std::vector<pid_t> descendantsOf(pid_t root)
{
    std::multimap<pid_t, pid_t> children;
    forEachProcess([&children](pid_t pid, const ProcStat& stat) { children.emplace(stat.parent, pid); });
    std::vector<pid_t> found;
    std::vector<pid_t> pending {root};
    while (!pending.empty()) {
        const pid_t parent = pending.back();
        pending.pop_back();
        const auto [begin, end] = children.equal_range(parent);
        for (auto it = begin; it != end; ++it) {
            found.push_back(it->second);
            pending.push_back(it->second);
        }
    }
    return found;
}

namespace {

std::vector<pid_t> membersOf(pid_t pgid, bool living)
{
    std::vector<pid_t> members;
    forEachProcess([&](pid_t pid, const ProcStat& stat) {
        if (stat.group == pgid && !(living && (stat.state == 'Z' || stat.state == 'X')))
            members.push_back(pid);
    });
    return members;
}

} // namespace

std::vector<pid_t> livingGroupMembers(pid_t pgid)
{
    return membersOf(pgid, true);
}

std::vector<pid_t> groupMembers(pid_t pgid)
{
    return membersOf(pgid, false);
}

} // namespace conlab
