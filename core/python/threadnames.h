#pragma once

#include <QByteArray>
#include <QString>
#include <optional>
#include <sys/types.h>
#include <unordered_map>

namespace conlab::python {

// The full Python names of an observed program's threads, as its bootstrap reports them. The kernel keeps only 15
// bytes of a thread's name (/proc/.../comm: "ThreadPoolExecu"), so the bootstrap also writes one line per thread,
// "TID NAME\n", to a pipe of conlab's the moment the thread starts (and each multiprocessing worker's main thread,
// under the worker's name). Reads the pipe without blocking; used by the observer's sampling thread only.
class ThreadNames
{
public:
    // `fd`: the read end, non-blocking, owned by the caller and open while this reads it; -1: no names come.
    explicit ThreadNames(int fd = -1);

    // Whether names come at all: the observer then waits a while for a new thread's name rather than take its comm.
    bool reported() const { return m_fd >= 0; }
    // Reads what has arrived since the last call.
    void drain();
    // The name last reported for thread `tid` (of any process of the program).
    std::optional<QString> nameOf(pid_t tid) const;

private:
    void take(const QByteArray& line);

    int m_fd;
    QByteArray m_partial; // a line whose end has not arrived yet
    std::unordered_map<pid_t, QString> m_names;
};

} // namespace conlab::python
