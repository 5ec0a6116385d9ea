#pragma once

#include "core/python/observationsink.h"
#include "core/python/observerstats.h"

#include <memory>
#include <sys/types.h>

namespace conlab::python {

class ObserverCore;

// Watches a running CPython process and its Python descendants from the outside, changing nothing in them: which
// thread holds each GIL (process_vm_readv of the GIL struct at >= 5 kHz), what each thread does and on which core
// (/proc/PID/task/TID/{stat,syscall} at >= 1 kHz), and whether an asyncio loop thread is idle or blocked. Where
// memory cannot be read (unknown version, free-threaded or stripped build, refused reads) a process is observed from
// /proc only, with a note. Runs on threads of its own; everything goes to the sink.
class PythonObserver
{
public:
    // `rootPid` must be a descendant of this process (Yama ptrace_scope=1 lets a parent read its descendants only).
    // preciseGil: the root's GIL lane from a hardware watchpoint (GilWatchpoint) where the kernel allows one, exact
    // but at a cost to the script; sampled otherwise, with a note saying why.
    // threadNamesFd: the read end (non-blocking, open until stop()) of the pipe the bootstrap reports each thread's
    // full Python name on (ThreadNames); -1 without one: lanes are named after /proc's comm, cut at 15 bytes.
    PythonObserver(pid_t rootPid, ObservationSink& sink, bool preciseGil = false, int threadNamesFd = -1);
    ~PythonObserver(); // stops and joins
    PythonObserver(const PythonObserver&) = delete;
    PythonObserver& operator=(const PythonObserver&) = delete;

    // Call once the child exists and BEFORE it is released to run the script. Returns when the root process has been
    // probed (its GIL found, or os-only decided), at most ~3 s later (an interpreter that has not initialised by
    // then is observed from /proc until it has). Never call from the UI thread.
    void start();
    // Joins the observer's threads and records every lane's open segment, ended at its last sample. Idempotent.
    void stop();
    ObserverStats stats() const;

private:
    std::unique_ptr<ObserverCore> m_core;
};

} // namespace conlab::python
