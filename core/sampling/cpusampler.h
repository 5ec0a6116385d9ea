#pragma once

#include "core/sampling/procstatparser.h"
#include "core/sampling/samplerate.h"
#include "core/trace/cpusample.h"

#include <QByteArray>
#include <QString>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace conlab {

// Measures per-core utilisation of the whole machine while a run executes, from /proc/stat, on a thread of its own
// so that a busy workload cannot delay the samples. start(), stop() and the destructor belong to one thread;
// takeSamples() and coreCount() may be called from any thread.
class CpuSampler
{
public:
    // hz is clamped into 1..1000. The path is configurable so tests can feed recorded /proc/stat texts.
    explicit CpuSampler(int hz = defaultSampleHz(), QString procStatPath = QStringLiteral("/proc/stat"));
    ~CpuSampler();
    CpuSampler(const CpuSampler&) = delete;
    CpuSampler& operator=(const CpuSampler&) = delete;

    // Reads the first snapshot before returning, so the first sample covers exactly [start, first tick]. Discards
    // samples left over from a previous start. Does nothing when already running.
    void start();
    // Returns promptly even at 1 Hz. Idempotent; fine without start().
    void stop();

    // Samples collected since start() or the previous call, oldest first.
    std::vector<CpuSample> takeSamples();

    // Length of every CpuSample::perCore: all configured CPUs, online or not, so a core index means the same
    // thing for the whole run even when cores are hot-plugged.
    int coreCount() const;
    int hz() const { return m_hz; }

private:
    void run(std::optional<ProcStatSnapshot> previous, std::chrono::steady_clock::time_point startTime);
    std::optional<ProcStatSnapshot> readSnapshot(std::int64_t* readTimeNs = nullptr);
    bool waitForTick(std::int64_t tick, std::chrono::steady_clock::time_point startTime);

    const int m_hz;
    const QString m_path;
    const QByteArray m_nativePath;
    std::atomic<int> m_coreCount;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopRequested = false; // guarded by m_mutex
    std::vector<CpuSample> m_samples; // guarded by m_mutex
    bool m_warned = false; // sampling thread only, or start() before it exists

    std::jthread m_thread;
};

} // namespace conlab
