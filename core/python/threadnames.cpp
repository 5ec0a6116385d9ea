#include "core/python/threadnames.h"

#include <cerrno>
#include <unistd.h>

namespace conlab::python {

ThreadNames::ThreadNames(int fd)
    : m_fd(fd)
{
}

void ThreadNames::drain()
{
    if (m_fd < 0)
        return;
    char buffer[4096];
    for (;;) {
        const ssize_t got = ::read(m_fd, buffer, sizeof(buffer));
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break; // EAGAIN: nothing more for now; 0: every writer has gone
        m_partial.append(buffer, got);
    }
    qsizetype start = 0;
    for (qsizetype end = m_partial.indexOf('\n'); end >= 0; end = m_partial.indexOf('\n', start)) {
        take(m_partial.mid(start, end - start));
        start = end + 1;
    }
    m_partial.remove(0, start);
}

void ThreadNames::take(const QByteArray& line)
{
    const qsizetype space = line.indexOf(' ');
    if (space <= 0)
        return;
    bool ok = false;
    const int tid = line.left(space).toInt(&ok);
    const QString name = QString::fromUtf8(line.mid(space + 1)).trimmed();
    if (ok && tid > 0 && !name.isEmpty())
        m_names[pid_t(tid)] = name; // a later line wins: a thread id is reused once its thread has gone
}

std::optional<QString> ThreadNames::nameOf(pid_t tid) const
{
    const auto found = m_names.find(tid);
    if (found == m_names.end())
        return std::nullopt;
    return found->second;
}

} // namespace conlab::python
