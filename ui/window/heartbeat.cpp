#include "ui/window/heartbeat.h"

#include "core/run/runsummarizer.h"

#include <algorithm>

namespace conlab {

Heartbeat::Heartbeat(QObject* parent)
    : QObject(parent)
{
    // A coarse timer may legally fire up to 5 % early or late; that would be measured as UI latency.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &Heartbeat::beat);
}

void Heartbeat::start()
{
    m_samplesMs.clear();
    m_clock.start();
    m_lastNs = 0;
    m_timer.start();
}

void Heartbeat::stop()
{
    m_timer.stop();
}

LatencyStats Heartbeat::stats() const
{
    return latencyStats(m_samplesMs);
}

LatencyStats Heartbeat::recentStats() const
{
    const auto count = std::min<std::size_t>(m_samplesMs.size(), recentCount);
    return latencyStats(std::vector<double>(m_samplesMs.end() - std::ptrdiff_t(count), m_samplesMs.end()));
}

void Heartbeat::beat()
{
    const std::int64_t nowNs = m_clock.nsecsElapsed();
    const double intervalActualMs = double(nowNs - m_lastNs) / 1e6;
    m_lastNs = nowNs;
    // Firing a little early is timer jitter, not latency the user could feel.
    m_samplesMs.push_back(std::max(0.0, intervalActualMs - intervalMs));
}

} // namespace conlab
