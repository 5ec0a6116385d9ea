#include "core/python/observercore.h"

#include "core/python/observedprocess.h"
#include "core/trace/monotonicclock.h"
#include "core/util/workerthread.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <ctime>
#include <sys/prctl.h>
#include <thread>
#include <unistd.h>

namespace conlab::python {
namespace {

// ~6 kHz requested so that >= 5 kHz is achieved with wake-up latency; the prototype measured ~10 % of one core.
constexpr std::int64_t gilPeriodNs = 160'000;
// A little under 1 ms, so that the pass rides on the next GIL tick and still comes >= 1000 times a second.
constexpr std::int64_t statePeriodNs = 900'000;
constexpr std::int64_t threadScanPeriodNs = 20'000'000;
constexpr std::int64_t discoveryPeriodNs = 10'000'000;
// The root is probed before its script runs; a descendant gets this long to finish its exec and initialise.
constexpr std::int64_t rootProbeNs = 3'000'000'000;
constexpr std::int64_t descendantProbeNs = 1'000'000'000;

std::int64_t threadCpuNs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

void sleepUntil(std::int64_t deadlineNs)
{
    const timespec ts {time_t(deadlineNs / 1'000'000'000), long(deadlineNs % 1'000'000'000)};
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, nullptr) == EINTR) { }
}

QString processName(pid_t pid)
{
    QFile file(QStringLiteral("/proc/%1/comm").arg(pid));
    return file.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(file.readAll()).trimmed() : QString();
}

QString executableOf(pid_t pid)
{
    return QFileInfo(QStringLiteral("/proc/%1/exe").arg(pid)).symLinkTarget();
}

bool processExists(pid_t pid)
{
    return ::access(qPrintable(QStringLiteral("/proc/%1/stat").arg(pid)), F_OK) == 0;
}

// A probe that never settled, turned into a decision.
ProbeResult timedOut(const ProbeResult& last)
{
    ProbeResult decided = last;
    if (last.outcome == ProbeResult::Outcome::NotYet) {
        decided.outcome = ProbeResult::Outcome::OsOnly;
        decided.note = QStringLiteral("its GIL did not pass the sanity checks in time (%1)").arg(last.note);
    } else if (last.outcome == ProbeResult::Outcome::NotPython) {
        decided.note = QStringLiteral("it is not CPython: %1").arg(last.note);
    }
    return decided;
}

} // namespace

ObserverCore::ObserverCore(pid_t rootPid, ObservationSink& sink, bool preciseGil, int threadNamesFd)
    : m_root(rootPid)
    , m_sink(sink)
    , m_preciseGil(preciseGil)
    , m_threadNames(threadNamesFd)
{
}

ObserverCore::~ObserverCore()
{
    stop();
}

void ObserverCore::start()
{
    if (m_started)
        return;
    m_started = true;
    const std::int64_t startNs = monotonicNowNs();
    ProbeResult probe;
    const QString ownExecutable = executableOf(::getpid());
    for (;;) {
        // "Not Python" is only an answer once the child has exec'd: before, it is still a copy of this program. So
        // the executable is read before the probe, whose answer then cannot predate it.
        const bool execDone = executableOf(m_root) != ownExecutable;
        probe = m_probe.probe(m_root);
        const bool settled = probe.outcome != ProbeResult::Outcome::NotYet
            && (probe.outcome != ProbeResult::Outcome::NotPython || execDone);
        if (settled || monotonicNowNs() - startNs > rootProbeNs)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    probe = timedOut(probe);
    {
        std::lock_guard lock(m_mutex);
        m_startNs = monotonicNowNs();
        m_lastSampleNs = m_startNs;
        m_rootVersion = probe.version;
        m_rootReadsGil = probe.outcome == ProbeResult::Outcome::Gil;
    }
    m_candidates[m_root] = Candidate {0, true, probe};
    if (probe.outcome == ProbeResult::Outcome::Gone) {
        addNote(m_root, QStringLiteral("it exited before it could be observed"));
        return;
    }
    // The root is drawn whatever it turns out to be: it is the program the user asked to run.
    if (probe.outcome == ProbeResult::Outcome::NotPython)
        probe.outcome = ProbeResult::Outcome::OsOnly;
    arrive(m_root, probe);

    m_sampler = std::make_unique<WorkerThread>(QStringLiteral("conlab-pysample"), [this] { runSampler(); });
    m_discoverer = std::make_unique<WorkerThread>(QStringLiteral("conlab-pyfind"), [this] { runDiscoverer(); });
    m_sampler->start();
    m_discoverer->start();
    std::unique_lock lock(m_mutex);
    m_wake.wait(lock, [this] { return m_rootAdopted; });
}

void ObserverCore::stop()
{
    if (!m_started || m_stopped)
        return;
    m_stopped = true;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_sampler)
        m_sampler->wait();
    if (m_discoverer)
        m_discoverer->wait();
}

void ObserverCore::arrive(pid_t pid, ProbeResult probe)
{
    if (probe.outcome != ProbeResult::Outcome::Gil && !probe.note.isEmpty())
        addNote(pid, probe.note);
    std::lock_guard lock(m_mutex);
    m_arrivals.emplace_back(pid, std::move(probe));
}

void ObserverCore::addNote(pid_t pid, const QString& why)
{
    std::lock_guard lock(m_mutex);
    m_notes.append(QStringLiteral("process %1 (%2): %3").arg(pid).arg(processName(pid), why));
}

void ObserverCore::runSampler()
{
    // The default 50 µs timer slack would stretch every 160 µs sleep by a third.
    prctl(PR_SET_TIMERSLACK, 1UL, 0UL, 0UL, 0UL);
    std::vector<CpuClaim> claims;
    std::int64_t next = monotonicNowNs();
    std::int64_t nextState = next;
    std::int64_t nextScan = next + threadScanPeriodNs;
    while (!m_stopping.load(std::memory_order_relaxed)) {
        const std::int64_t now = monotonicNowNs();
        bool anyGil = false;
        {
            std::lock_guard lock(m_mutex);
            if (!m_arrivals.empty())
                adoptArrivals(now);
            for (const auto& process : m_processes) {
                process->sampleGil(now);
                anyGil = anyGil || (process->readsGil() && !process->ended());
            }
            if (now >= nextState) {
                statePass(now, claims);
                // Keep the phase, but never try to catch up after a stall (the sampler is descheduled too).
                nextState = std::max(nextState + statePeriodNs, now);
            }
            if (now >= nextScan) {
                for (const auto& process : m_processes)
                    process->scanThreads(now);
                m_samplerCpuNs = threadCpuNs();
                nextScan = now + threadScanPeriodNs;
            }
            m_lastSampleNs = now;
        }
        next = std::max(next + (anyGil ? gilPeriodNs : statePeriodNs), monotonicNowNs());
        sleepUntil(next);
    }
    std::lock_guard lock(m_mutex);
    m_threadNames.drain(); // the names of threads whose lanes the finish creates
    for (const auto& process : m_processes)
        process->finish();
    m_samplerCpuNs = threadCpuNs();
}

void ObserverCore::adoptArrivals(std::int64_t nowNs)
{
    for (auto& [pid, probe] : std::exchange(m_arrivals, {})) {
        // Only the root is gated until it is watched, so only its every thread inherits the watchpoint.
        m_processes.push_back(
            std::make_unique<ObservedProcess>(pid, probe, m_sink, m_threadNames, nowNs, m_preciseGil && pid == m_root));
        if (pid == m_root)
            m_rootAdopted = true;
    }
    m_wake.notify_all();
}

void ObserverCore::statePass(std::int64_t nowNs, std::vector<CpuClaim>& claims)
{
    claims.clear();
    m_threadNames.drain();
    for (const auto& process : m_processes)
        process->readStates(claims);
    // On each CPU, the strongest claim runs; the others wait in its queue.
    std::sort(claims.begin(), claims.end(), [](const CpuClaim& a, const CpuClaim& b) {
        return a.processor != b.processor ? a.processor < b.processor : a.strength > b.strength;
    });
    for (std::size_t i = 1; i < claims.size(); ++i) {
        if (claims[i].processor >= 0 && claims[i].processor == claims[i - 1].processor)
            *claims[i].ready = true;
    }
    for (const auto& process : m_processes) {
        process->recordStates(nowNs);
        if (process->ended())
            process->finish();
    }
    ++m_statePasses;
}

void ObserverCore::runDiscoverer()
{
    for (;;) {
        const std::int64_t now = monotonicNowNs();
        findChildren(now);
        probeCandidates(now);
        std::unique_lock lock(m_mutex);
        m_discovererCpuNs = threadCpuNs();
        if (m_wake.wait_for(lock, std::chrono::nanoseconds(discoveryPeriodNs), [this] { return m_stopping.load(); }))
            return;
    }
}

void ObserverCore::findChildren(std::int64_t nowNs)
{
    std::vector<pid_t> found;
    for (auto it = m_candidates.begin(); it != m_candidates.end();) {
        const pid_t pid = it->first;
        if (!processExists(pid)) {
            it = m_candidates.erase(it);
            continue;
        }
        // Every thread's children: multiprocessing forks from whichever thread asks.
        const QString taskDir = QStringLiteral("/proc/%1/task").arg(pid);
        for (const QString& tid : QDir(taskDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QFile children(taskDir + QLatin1Char('/') + tid + QStringLiteral("/children"));
            if (!children.open(QIODevice::ReadOnly))
                continue;
            for (const QByteArray& child : children.readAll().split(' ')) {
                const pid_t childPid = pid_t(child.trimmed().toInt());
                if (childPid > 0)
                    found.push_back(childPid);
            }
        }
        ++it;
    }
    for (pid_t pid : found) {
        if (!m_candidates.count(pid))
            m_candidates.emplace(pid, Candidate {nowNs + descendantProbeNs, false, {}});
    }
}

void ObserverCore::probeCandidates(std::int64_t nowNs)
{
    for (auto& [pid, candidate] : m_candidates) {
        if (candidate.decided || m_stopping.load())
            continue;
        candidate.last = m_probe.probe(pid);
        const ProbeResult::Outcome outcome = candidate.last.outcome;
        if (outcome == ProbeResult::Outcome::Gil || outcome == ProbeResult::Outcome::OsOnly) {
            candidate.decided = true;
            arrive(pid, candidate.last);
        } else if (outcome == ProbeResult::Outcome::Gone) {
            candidate.decided = true;
        } else if (nowNs > candidate.deadlineNs) {
            candidate.decided = true;
            const ProbeResult decided = timedOut(candidate.last);
            // Not CPython (a shell, a compiler a script runs): not drawn, but its children are still looked for.
            if (decided.outcome == ProbeResult::Outcome::NotPython)
                addNote(pid, decided.note + QStringLiteral(", so it is not drawn"));
            else
                arrive(pid, decided);
        }
    }
}

ObserverStats ObserverCore::stats() const
{
    std::lock_guard lock(m_mutex);
    ObserverStats stats;
    stats.pythonVersion = m_rootVersion;
    bool rootReadsGil = m_rootReadsGil;
    bool rootPrecise = false;
    stats.notes = m_notes;
    stats.observedNs = m_lastSampleNs - m_startNs;
    std::uint64_t gilSamples = 0;
    std::int64_t gilNs = 0;
    for (const auto& process : m_processes) {
        stats.processes.push_back(process->pid());
        stats.gilSwitches += process->gilSwitches();
        if (process->gilSamples() > 1) {
            gilSamples += process->gilSamples() - 1;
            gilNs += process->gilObservedNs();
        }
        process->addThreadTimes(stats);
        if (process->pid() == m_root) {
            rootReadsGil = process->readsGil();
            rootPrecise = process->precise();
        }
        if (!process->preciseNote().isEmpty())
            stats.notes.append(QStringLiteral("process %1: %2").arg(process->pid()).arg(process->preciseNote()));
        // A GIL lane that stopped part-way (exec, reads failing) says why.
        if (process->gilSamples() > 0 && !process->readsGil())
            stats.notes.append(QStringLiteral("process %1: %2").arg(process->pid()).arg(process->note()));
    }
    stats.mode = rootPrecise ? QStringLiteral("precise")
        : rootReadsGil       ? QStringLiteral("memory")
                             : QStringLiteral("os-only");
    if (gilNs > 0)
        stats.gilSampleHz = double(gilSamples) * 1e9 / double(gilNs);
    if (stats.observedNs > 0) {
        stats.stateSampleHz = double(m_statePasses) * 1e9 / double(stats.observedNs);
        stats.observerCpuPercent = 100.0 * double(m_samplerCpuNs + m_discovererCpuNs) / double(stats.observedNs);
    }
    return stats;
}

} // namespace conlab::python
