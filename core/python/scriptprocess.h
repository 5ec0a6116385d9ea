#pragma once

#include "core/python/outputcapture.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <sys/types.h>

namespace conlab {

// A program conlab starts and answers for, with everything it starts in turn: the python model's interpreter and
// its multiprocessing workers. The program is a direct child (so that Yama's ptrace_scope=1 lets conlab read its
// memory), leads a process group of its own (so that Ctrl+C in a terminal reaches conlab, which then ends the
// whole tree, and not the script behind its back), and waits at start-up until release(): the bootstrap reads fd 3,
// which gets nothing until then. Its stdout and stderr are read into capped captures as it runs, so a chatty
// program never blocks on a full pipe. Used from one thread (the engine's).
class ScriptProcess
{
public:
    struct Exit
    {
        std::optional<int> code; // absent when a signal ended it
        int signal = 0;
        // User + system: the program, every descendant it waited for, and those of its process group it left behind
        // (never waited for, or running at its end and ended with it), which conlab reaps as their subreaper.
        double cpuMs = 0;
        double peakRssMb = 0; // the largest of them
    };

    ScriptProcess();
    // Ends the tree and reaps it if the owner did not.
    ~ScriptProcess();
    ScriptProcess(const ScriptProcess&) = delete;
    ScriptProcess& operator=(const ScriptProcess&) = delete;

    // environment: "KEY=VALUE" entries, the whole environment of the program. stdin is /dev/null.
    bool start(const QString& program, const QStringList& arguments, const QStringList& environment, QString* error);
    pid_t pid() const { return m_pid; }

    // Lets the program past its start gate (one byte on fd 3, then EOF).
    void release();

    // The read end (non-blocking) of the pipe the program finds on fd 4, for python::ThreadNames: the bootstrap
    // reports each thread's full name there. Open until reap().
    int threadNamesFd() const { return m_namesFd; }

    // Reads output until the program itself has exited (true; it is not reaped yet, so its /proc entry and memory
    // stay where an observer reads them) or until cancelFd becomes readable (false).
    bool pumpUntilExit(int cancelFd);

    // SIGTERM to the program, its process group and every descendant, SIGKILL after graceMs to whatever is left.
    // Returns once the program itself has exited (not reaped).
    void stopTree(int graceMs = 1000);

    // After the program exited: reaps it, ends what is left of its tree the same way, reads the last of its output.
    Exit reap(int graceMs = 1000);

    const OutputCapture& standardOutput() const { return m_out; }
    const OutputCapture& standardError() const { return m_err; }

private:
    bool hasExited() const;
    // Waits up to timeoutMs for output, the program's exit or extraFd; reads what output there is.
    void pump(int timeoutMs, int extraFd = -1);
    void readFrom(int& fd, OutputCapture& capture);
    void signalTree(int signal, bool includeDescendants);
    // After the program is reaped and its group ended: waits for the group's processes handed to conlab and adds
    // their CPU time (each with that of the children it waited for itself) and peak memory.
    void reapLeftBehind(Exit& exit, int graceMs);
    void closeFds();

    pid_t m_pid = -1;
    bool m_reaped = true;
    int m_outFd = -1;
    int m_errFd = -1;
    int m_gateFd = -1; // conlab's end of the start gate (a socket pair)
    int m_namesFd = -1;
    int m_pidFd = -1; // readable once the program exits; -1 where the kernel has no pidfd_open
    OutputCapture m_out;
    OutputCapture m_err;
};

} // namespace conlab
