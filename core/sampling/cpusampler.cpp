#include "core/sampling/cpusampler.h"

#include "core/sampling/procstatparser.h"
#include "core/trace/monotonicclock.h"

#include <QDebug>
#include <QFile>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <utility>

namespace conlab {

namespace {

constexpr int minimumHz = 1;
constexpr int maximumHz = 1000;
constexpr std::int64_t nsPerSecond = 1'000'000'000;

int configuredCores()
{
    return std::max(1, static_cast<int>(sysconf(_SC_NPROCESSORS_CONF)));
}

// /proc files report a size of 0, so the only way to get all of one is to read until EOF.
std::optional<QByteArray> readWholeFile(const QByteArray& nativePath, QString* error)
{
    const int fd = ::open(nativePath.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return std::nullopt;
    }
    constexpr qsizetype chunk = 16 * 1024;
    QByteArray text;
    qsizetype used = 0;
    for (;;) {
        text.resize(used + chunk);
        const ssize_t got = ::read(fd, text.data() + used, static_cast<std::size_t>(chunk));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            *error = QString::fromLocal8Bit(std::strerror(errno));
            ::close(fd);
            return std::nullopt;
        }
        if (got == 0)
            break;
        used += got;
    }
    ::close(fd);
    text.truncate(used);
    return text;
}

// Deadline of tick n counted from startTime. Exact (no accumulated rounding of 1e9/hz) and free of overflow
// for any run length, because the whole seconds are split off before multiplying.
std::chrono::steady_clock::time_point deadline(
    std::chrono::steady_clock::time_point startTime, std::int64_t tick, int hz)
{
    const std::int64_t ns = (tick / hz) * nsPerSecond + (tick % hz) * nsPerSecond / hz;
    return startTime + std::chrono::nanoseconds(ns);
}

// First tick whose deadline is strictly after elapsed.
std::int64_t nextTickAfter(std::chrono::nanoseconds elapsed, int hz)
{
    const std::int64_t ns = std::max<std::int64_t>(elapsed.count(), 0);
    return (ns / nsPerSecond) * hz + (ns % nsPerSecond) * hz / nsPerSecond + 1;
}

} // namespace

CpuSampler::CpuSampler(int hz, QString procStatPath)
    : m_hz(std::clamp(hz, minimumHz, maximumHz))
    , m_path(std::move(procStatPath))
    , m_nativePath(QFile::encodeName(m_path))
    , m_coreCount(configuredCores())
{
}

CpuSampler::~CpuSampler()
{
    stop();
}

void CpuSampler::start()
{
    if (m_thread.joinable())
        return;

    {
        const std::lock_guard lock(m_mutex);
        m_stopRequested = false;
        m_samples.clear();
    }
    m_warned = false;

    const auto startTime = std::chrono::steady_clock::now();
    std::optional<ProcStatSnapshot> first = readSnapshot();
    int cores = configuredCores();
    if (first)
        cores = std::max(cores, first->cores.rbegin()->first + 1);
    m_coreCount.store(cores, std::memory_order_relaxed);

    m_thread = std::jthread(
        [this, previous = std::move(first), startTime]() mutable { run(std::move(previous), startTime); });
}

void CpuSampler::stop()
{
    if (!m_thread.joinable())
        return;
    {
        const std::lock_guard lock(m_mutex);
        m_stopRequested = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

std::vector<CpuSample> CpuSampler::takeSamples()
{
    const std::lock_guard lock(m_mutex);
    return std::exchange(m_samples, {});
}

int CpuSampler::coreCount() const
{
    return m_coreCount.load(std::memory_order_relaxed);
}

std::optional<ProcStatSnapshot> CpuSampler::readSnapshot(std::int64_t* readTimeNs)
{
    QString error;
    std::optional<ProcStatSnapshot> snapshot;
    const std::optional<QByteArray> text = readWholeFile(m_nativePath, &error);
    // The counters are those of the moment of the read, not of the end of parsing.
    if (readTimeNs)
        *readTimeNs = monotonicNowNs();
    if (text) {
        snapshot = parseProcStat(*text, &error);
    } else {
        error = QStringLiteral("cannot read: %1").arg(error);
    }
    // Once per start: at 100 Hz a persistent failure would otherwise flood the log.
    if (!snapshot && !m_warned) {
        m_warned = true;
        qWarning().noquote()
            << QStringLiteral("CpuSampler: %1: %2; skipping samples until it reads again").arg(m_path, error);
    }
    return snapshot;
}

bool CpuSampler::waitForTick(std::int64_t tick, std::chrono::steady_clock::time_point startTime)
{
    std::unique_lock lock(m_mutex);
    return !m_wake.wait_until(lock, deadline(startTime, tick, m_hz), [this] { return m_stopRequested; });
}

void CpuSampler::run(std::optional<ProcStatSnapshot> previous, std::chrono::steady_clock::time_point startTime)
{
    const int cores = m_coreCount.load(std::memory_order_relaxed);
    std::int64_t tick = 1;
    while (waitForTick(tick, startTime)) {
        std::int64_t timeNs = 0;
        std::optional<ProcStatSnapshot> current = readSnapshot(&timeNs);
        if (current) {
            // After a failed read the next sample simply spans the longer interval since the last good snapshot.
            if (previous) {
                CpuSample sample {timeNs, coreUtilisation(*previous, *current, cores)};
                const std::lock_guard lock(m_mutex);
                m_samples.push_back(std::move(sample));
            }
            previous = std::move(current);
        }
        // Ticks missed while the process was stopped or starved are dropped rather than caught up on: a burst of
        // back-to-back reads would only produce near-empty intervals.
        tick = std::max(tick + 1, nextTickAfter(std::chrono::steady_clock::now() - startTime, m_hz));
    }
}

} // namespace conlab
