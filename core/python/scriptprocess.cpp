#include "core/python/scriptprocess.h"

#include "core/python/processtree.h"
#include "core/trace/monotonicclock.h"

#include <QByteArray>
#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <poll.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace conlab {

namespace {

constexpr int gateFd = 3; // where the program finds the read end of its start gate
constexpr int namesFd = 4; // where it finds the write end of the thread names pipe

void closeFd(int& fd)
{
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

// The C strings of `list`, null-terminated, pointing into `storage` (which must outlive them).
std::vector<char*> cStrings(const QStringList& list, std::vector<QByteArray>& storage)
{
    storage.clear();
    for (const QString& item : list)
        storage.push_back(item.toLocal8Bit());
    std::vector<char*> pointers;
    for (QByteArray& item : storage)
        pointers.push_back(item.data());
    pointers.push_back(nullptr);
    return pointers;
}

double toMs(const timeval& time)
{
    return double(time.tv_sec) * 1e3 + double(time.tv_usec) / 1e3;
}

// While a program runs, conlab is the child subreaper of its tree: a process the program started and never waited
// for (a daemon worker, a child left as a zombie) is handed to conlab when its parent ends, rather than to init,
// which would reap it and its CPU time with it. reap() waits for those itself, so each process's time is counted
// exactly once: by the parent that waited for it, or by conlab. Counted, as the subreaper attribute is the process's.
std::mutex subreaperMutex;
int subreaperUsers = 0;

void holdSubreaper(bool on)
{
    const std::lock_guard lock(subreaperMutex);
    subreaperUsers += on ? 1 : -1;
    if (subreaperUsers == (on ? 1 : 0))
        ::prctl(PR_SET_CHILD_SUBREAPER, on ? 1UL : 0UL, 0UL, 0UL, 0UL);
}

} // namespace

ScriptProcess::ScriptProcess() = default;

ScriptProcess::~ScriptProcess()
{
    if (!m_reaped) {
        stopTree();
        reap();
    }
    closeFds();
}

bool ScriptProcess::start(
    const QString& program, const QStringList& arguments, const QStringList& environment, QString* error)
{
    std::array<int, 2> out {-1, -1};
    std::array<int, 2> err {-1, -1};
    std::array<int, 2> gate {-1, -1};
    std::array<int, 2> names {-1, -1};
    if (::pipe2(out.data(), O_CLOEXEC) != 0 || ::pipe2(err.data(), O_CLOEXEC) != 0
        || ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, gate.data()) != 0
        || ::pipe2(names.data(), O_CLOEXEC) != 0) {
        *error
            = QStringLiteral("could not create pipes for %1: %2").arg(program, QString::fromLocal8Bit(strerror(errno)));
        for (int* fd : {&out[0], &out[1], &err[0], &err[1], &gate[0], &gate[1], &names[0], &names[1]})
            closeFd(*fd);
        return false;
    }

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    // dup2 clears close-on-exec on the copy: these four, and only these, reach the program.
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);
    posix_spawn_file_actions_adddup2(&actions, gate[0], gateFd);
    posix_spawn_file_actions_adddup2(&actions, names[1], namesFd);

    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t none;
    sigemptyset(&none);
    sigset_t defaults;
    sigemptyset(&defaults);
    for (int signal : {SIGINT, SIGTERM, SIGPIPE, SIGCHLD, SIGHUP, SIGQUIT})
        sigaddset(&defaults, signal);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setpgroup(&attributes, 0);
    posix_spawnattr_setflags(
        &attributes, short(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF));

    std::vector<QByteArray> argumentStorage;
    std::vector<QByteArray> environmentStorage;
    std::vector<char*> argv = cStrings(QStringList {program} + arguments, argumentStorage);
    std::vector<char*> envp = cStrings(environment, environmentStorage);
    pid_t pid = -1;
    holdSubreaper(true);
    const int spawned
        = posix_spawn(&pid, argumentStorage.front().constData(), &actions, &attributes, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    closeFd(out[1]);
    closeFd(err[1]);
    closeFd(gate[0]);
    closeFd(names[1]);
    if (spawned != 0) {
        holdSubreaper(false);
        *error = QStringLiteral("could not start %1: %2").arg(program, QString::fromLocal8Bit(strerror(spawned)));
        for (int* fd : {&out[0], &err[0], &gate[1], &names[0]})
            closeFd(*fd);
        return false;
    }
    m_pid = pid;
    m_reaped = false;
    m_outFd = out[0];
    m_errFd = err[0];
    m_gateFd = gate[1];
    m_namesFd = names[0];
    for (int fd : {m_outFd, m_errFd, m_namesFd})
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
#ifdef SYS_pidfd_open
    m_pidFd = int(::syscall(SYS_pidfd_open, pid, 0));
#endif
    return true;
}

void ScriptProcess::release()
{
    if (m_gateFd < 0)
        return;
    const char go = 'g';
    // The gate is a socket so that this can say MSG_NOSIGNAL: a program already gone must not SIGPIPE conlab.
    [[maybe_unused]] const ssize_t sent = ::send(m_gateFd, &go, 1, MSG_NOSIGNAL);
    closeFd(m_gateFd);
}

bool ScriptProcess::hasExited() const
{
    if (m_reaped)
        return true;
    siginfo_t info {};
    // WNOWAIT: look without reaping, so that the program's pid and /proc entry stay valid for an observer.
    if (::waitid(P_PID, id_t(m_pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0)
        return errno == ECHILD;
    return info.si_pid == m_pid;
}

void ScriptProcess::readFrom(int& fd, OutputCapture& capture)
{
    std::array<char, 65536> buffer;
    for (;;) {
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n > 0) {
            capture.append(buffer.data(), std::size_t(n));
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK))
            closeFd(fd); // EOF: every writer (the program and whatever inherited its stdout) is gone
        return;
    }
}

void ScriptProcess::pump(int timeoutMs, int extraFd)
{
    std::array<pollfd, 4> fds {};
    nfds_t count = 0;
    for (int fd : {m_outFd, m_errFd, m_pidFd, extraFd}) {
        if (fd >= 0)
            fds[count++] = pollfd {fd, POLLIN, 0};
    }
    // Without a pidfd nothing wakes the poll when the program exits: look again every 20 ms.
    const int timeout = m_pidFd >= 0 ? timeoutMs : std::min(timeoutMs, 20);
    if (::poll(fds.data(), count, timeout) < 0 && errno != EINTR)
        return;
    if (m_outFd >= 0)
        readFrom(m_outFd, m_out);
    if (m_errFd >= 0)
        readFrom(m_errFd, m_err);
}

bool ScriptProcess::pumpUntilExit(int cancelFd)
{
    for (;;) {
        if (hasExited())
            return true;
        pump(200, cancelFd);
        pollfd cancel {cancelFd, POLLIN, 0};
        if (cancelFd >= 0 && ::poll(&cancel, 1, 0) > 0)
            return hasExited();
    }
}

void ScriptProcess::signalTree(int signal, bool includeDescendants)
{
    // Descendants are found before anything is signalled: once a parent dies, its children move to init and
    // no longer look like ours. Those that left the group (setsid) are reached by pid.
    const std::vector<pid_t> descendants = includeDescendants ? descendantsOf(m_pid) : std::vector<pid_t> {};
    ::kill(-m_pid, signal);
    for (pid_t pid : descendants)
        ::kill(pid, signal);
    if (!hasExited())
        ::kill(m_pid, signal);
}

void ScriptProcess::stopTree(int graceMs)
{
    if (m_reaped)
        return;
    closeFd(m_gateFd); // a program still at its gate reads EOF and leaves
    signalTree(SIGTERM, true);
    const std::int64_t deadline = monotonicNowNs() + std::int64_t(graceMs) * 1'000'000;
    while (!hasExited() && monotonicNowNs() < deadline)
        pump(int(std::max<std::int64_t>(1, (deadline - monotonicNowNs()) / 1'000'000)));
    if (!hasExited() || !livingGroupMembers(m_pid).empty())
        signalTree(SIGKILL, true);
    while (!hasExited())
        pump(50);
}

ScriptProcess::Exit ScriptProcess::reap(int graceMs)
{
    Exit exit;
    if (m_reaped)
        return exit;
    int status = 0;
    rusage usage {};
    while (::wait4(m_pid, &status, 0, &usage) < 0 && errno == EINTR) { }
    m_reaped = true;
    closeFd(m_pidFd); // readable for good now: it would wake every poll below at once
    if (WIFEXITED(status))
        exit.code = WEXITSTATUS(status);
    else if (WIFSIGNALED(status))
        exit.signal = WTERMSIG(status);
    exit.cpuMs = toMs(usage.ru_utime) + toMs(usage.ru_stime);
    exit.peakRssMb = double(usage.ru_maxrss) / 1024.0;

    // What the program left running in its group (a background worker it never joined) ends with the run.
    if (!livingGroupMembers(m_pid).empty()) {
        ::kill(-m_pid, SIGTERM);
        const std::int64_t deadline = monotonicNowNs() + std::int64_t(graceMs) * 1'000'000;
        while (!livingGroupMembers(m_pid).empty() && monotonicNowNs() < deadline)
            pump(10);
        ::kill(-m_pid, SIGKILL);
    }
    reapLeftBehind(exit, graceMs);
    holdSubreaper(false);
    // The last output: nothing blocks here, writers still alive (outside the group) are not waited for.
    pump(0);
    closeFds();
    return exit;
}

void ScriptProcess::reapLeftBehind(Exit& exit, int graceMs)
{
    // The group's processes handed to conlab (as subreaper) are its children now, zombies once ended above.
    const pid_t self = ::getpid();
    std::vector<pid_t> left;
    for (const pid_t pid : groupMembers(m_pid)) {
        if (const auto stat = readProcStat(pid); stat && stat->parent == self)
            left.push_back(pid);
    }
    const std::int64_t deadline = monotonicNowNs() + std::int64_t(graceMs) * 1'000'000;
    for (const pid_t pid : left) {
        int status = 0;
        rusage usage {};
        pid_t waited = 0;
        // WNOHANG with a deadline: a process stuck in the kernel must not hang the run.
        while ((waited = ::wait4(pid, &status, WNOHANG, &usage)) == 0 && monotonicNowNs() < deadline)
            pump(5);
        if (waited != pid)
            continue;
        exit.cpuMs += toMs(usage.ru_utime) + toMs(usage.ru_stime);
        exit.peakRssMb = std::max(exit.peakRssMb, double(usage.ru_maxrss) / 1024.0);
    }
}

void ScriptProcess::closeFds()
{
    closeFd(m_outFd);
    closeFd(m_errFd);
    closeFd(m_gateFd);
    closeFd(m_namesFd);
    closeFd(m_pidFd);
}

} // namespace conlab
