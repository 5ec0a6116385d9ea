#pragma once

#include "core/python/observerstats.h"
#include "core/python/processprobe.h"
#include "core/python/threadnames.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <sys/types.h>
#include <utility>
#include <vector>

namespace conlab {
class WorkerThread;
}

namespace conlab::python {

class ObservationSink;
class ObservedProcess;
struct CpuClaim;

// PythonObserver's machinery. Two threads of its own:
// - the sampler reads every GIL every ~160 µs and every thread's state every ~0.9 ms, and is the only caller of the
//   sink (so lanes and segments arrive in one order);
// - the discoverer finds descendant processes every 10 ms and probes them (reading an interpreter's symbols can take
//   tens of milliseconds), handing those worth observing to the sampler.
class ObserverCore
{
public:
    ObserverCore(pid_t rootPid, ObservationSink& sink, bool preciseGil, int threadNamesFd);
    ~ObserverCore();

    void start();
    void stop();
    ObserverStats stats() const;

private:
    struct Candidate
    {
        std::int64_t deadlineNs = 0;
        bool decided = false;
        ProbeResult last;
    };

    void runSampler();
    void runDiscoverer();
    void adoptArrivals(std::int64_t nowNs);
    void statePass(std::int64_t nowNs, std::vector<CpuClaim>& claims);
    void findChildren(std::int64_t nowNs);
    void probeCandidates(std::int64_t nowNs);
    void arrive(pid_t pid, ProbeResult probe);
    void addNote(pid_t pid, const QString& why);

    const pid_t m_root;
    ObservationSink& m_sink;
    const bool m_preciseGil; // the root's GIL from a watchpoint where allowed
    ThreadNames m_threadNames; // the sampler's
    ProcessProbe m_probe; // start(), then the discoverer only
    std::map<pid_t, Candidate> m_candidates; // the discoverer's: every descendant seen, decided or not

    std::atomic<bool> m_stopping {false};
    std::unique_ptr<WorkerThread> m_sampler;
    std::unique_ptr<WorkerThread> m_discoverer;
    bool m_started = false;
    bool m_stopped = false;

    // Everything below is guarded by m_mutex.
    mutable std::mutex m_mutex;
    std::condition_variable m_wake; // the discoverer's sleep, cut short by stop(); start()'s wait for the root
    std::vector<std::unique_ptr<ObservedProcess>> m_processes;
    std::vector<std::pair<pid_t, ProbeResult>> m_arrivals;
    bool m_rootAdopted = false;
    QString m_rootVersion;
    bool m_rootReadsGil = false;
    QStringList m_notes;
    std::int64_t m_startNs = 0;
    std::int64_t m_lastSampleNs = 0;
    std::uint64_t m_statePasses = 0;
    std::int64_t m_samplerCpuNs = 0;
    std::int64_t m_discovererCpuNs = 0;
};

} // namespace conlab::python
