#pragma once

#include "core/python/functionreader.h"
#include "core/python/gilwatchpoint.h"
#include "core/python/processmemory.h"
#include "core/python/processprobe.h"
#include "core/python/segmentrun.h"
#include "core/python/taskactivity.h"
#include "core/python/threadlane.h"

#include <QString>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <sys/types.h>
#include <vector>

namespace conlab::python {

class ObservationSink;
class ThreadNames;
struct ObserverStats;

// A runnable thread's claim on the CPU it is queued on. Only one thread runs on a CPU at a time: of the observed
// threads runnable on one CPU, the strongest claim is drawn Running and the others Ready.
struct CpuClaim
{
    int processor = -1;
    int strength = 0; // 2: holds its GIL, 1: was running at the last pass, 0: neither
    bool* ready = nullptr; // set to true for the losers
};

// One observed process: its threads' lanes from /proc and, where its GIL can be read, its GIL lane. Used by the
// sampling thread only.
class ObservedProcess
{
public:
    // preciseGil: draw the GIL lane from a hardware watchpoint on `locked` (exact hand-over times) where the kernel
    // allows one and the process has a single thread yet; else it is sampled, and preciseNote() says why.
    // `names`: the full thread names reported so far; it must outlive this.
    ObservedProcess(pid_t pid, const ProbeResult& probe, ObservationSink& sink, const ThreadNames& names,
        std::int64_t nowNs, bool preciseGil = false);
    ~ObservedProcess();
    ObservedProcess(const ObservedProcess&) = delete;
    ObservedProcess& operator=(const ObservedProcess&) = delete;

    pid_t pid() const { return m_pid; }
    bool ended() const { return m_ended; }
    bool readsGil() const { return m_gil.has_value(); }
    const QString& version() const { return m_version; }
    const QString& note() const { return m_note; }
    // Its GIL lane came from the watchpoint from the start to the end.
    bool precise() const { return m_preciseRan && m_gil.has_value(); }
    const QString& preciseNote() const { return m_preciseNote; }

    // New threads from /proc/PID/task.
    void scanThreads(std::int64_t nowNs);
    // One read of the GIL struct: holder, hand-overs, the GIL lane.
    void sampleGil(std::int64_t nowNs);
    // A pass over every thread's state, in two steps so that CPU claims can be settled across processes in between.
    void readStates(std::vector<CpuClaim>& claims);
    void recordStates(std::int64_t nowNs);
    // Ends every open segment at its last sample (the process ended, or observation stops). Idempotent.
    void finish();

    std::uint64_t gilSamples() const { return m_gilSamples; }
    std::int64_t gilObservedNs() const { return m_lastGilSampleNs - m_firstGilSampleNs; }
    std::uint64_t gilSwitches() const { return m_lastSwitch - m_firstSwitch; }
    void addThreadTimes(ObserverStats& stats) const;

private:
    struct Thread
    {
        Thread(pid_t pid, pid_t tid, std::int64_t firstSeenNs)
            : lane(pid, tid, firstSeenNs)
        {
        }
        ThreadLane lane;
        QString name; // comm at first sight, then the name its lane was created under
        int statFd = -1;
        int syscallFd = -1;
        bool alive = true;
        // This pass.
        bool sampled = false;
        TaskStat stat;
        TaskState blockedState = TaskState::WaitingIo;
        std::optional<int> epollFd;
        bool ready = false;
        // Its Python function (ObservationSink::functionFor()), and the state it was read in.
        std::int32_t function = -1;
        std::optional<TaskState> functionReadIn;
    };

    Thread* thread(pid_t tid);
    void endThread(Thread& thread);
    // The name to draw its lane under: the reported Python name, else /proc's comm as it is now.
    QString laneName(const Thread& thread) const;
    // Reads the thread's function where it may have changed: it runs, or its state changed since the last read.
    void readFunction(Thread& thread, TaskState state);
    // Its PyThreadState*, from the interpreter's thread list (walked at most once per pass); 0 if not there.
    std::uint64_t threadStateOf(pid_t tid);
    void closeGilRun();
    void recordGil(Segment segment);
    void stopGil(const QString& why);
    void watchGil(std::int64_t nowNs);
    // Turns the watchpoint's writes up to untilNs into GIL segments (later ones may still have company on another
    // CPU's ring). Falls back to sampling if a write was lost.
    void followWrites(std::int64_t untilNs);
    void applyWrite(const GilWatchpoint::Write& write);

    pid_t m_pid;
    ObservationSink& m_sink;
    const ThreadNames& m_names;
    QString m_version;
    QString m_note;
    bool m_ended = false;
    bool m_finished = false;
    std::vector<std::unique_ptr<Thread>> m_threads; // in order of first sight
    std::map<pid_t, Thread*> m_byTid;

    // GIL observation, where it runs.
    std::optional<GilAccess> m_gil;
    ProcessMemory m_memory;
    std::uint16_t m_gilLane = 0;
    SegmentRun m_gilRun;
    std::uint64_t m_holderState = 0; // PyThreadState* last seen holding
    pid_t m_holderTid = 0;
    pid_t m_currentHolderTid = 0; // 0 while the GIL is free
    std::map<pid_t, std::int64_t> m_heldNs;
    std::uint64_t m_gilSamples = 0;
    std::int64_t m_firstGilSampleNs = 0;
    std::int64_t m_lastGilSampleNs = 0;
    std::uint64_t m_firstSwitch = 0;
    std::uint64_t m_lastSwitch = 0;

    // Python functions, where the GIL is read and the version's frames are known.
    std::unique_ptr<FunctionReader> m_functions;
    std::map<pid_t, std::uint64_t> m_threadStates; // tid -> PyThreadState*
    bool m_threadListWalked = false; // this pass
    std::uint64_t m_statePasses = 0;

    // Precise mode, where it runs.
    std::unique_ptr<GilWatchpoint> m_watch;
    std::vector<GilWatchpoint::Write> m_writes; // drained, not yet applied
    std::int64_t m_watchSinceNs = 0; // writes before this are in the state read when the watchpoint was set
    std::int64_t m_lastWriteNs = 0;
    pid_t m_preciseHolder = 0;
    bool m_preciseRan = false;
    QString m_preciseNote;
};

} // namespace conlab::python
