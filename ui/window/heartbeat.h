#pragma once

#include "core/run/runsummary.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <cstdint>
#include <vector>

namespace conlab {

// Measures how responsive the thread it lives in is: a precise timer asks to fire every 10 ms, and every firing
// records how much later than that it came. On the UI thread this is the delay a click or a repaint would see.
// Runs only between start() and stop(), so an idle window does not wake up 100 times a second.
class Heartbeat : public QObject
{
    Q_OBJECT
public:
    static constexpr int intervalMs = 10;
    // The status bar's "current" value: the last second of beats.
    static constexpr int recentCount = 1000 / intervalMs;

    explicit Heartbeat(QObject* parent = nullptr);

    // Forgets earlier samples.
    void start();
    void stop();
    bool isActive() const { return m_timer.isActive(); }

    // Over every beat since start(), in milliseconds late.
    LatencyStats stats() const;
    LatencyStats recentStats() const;
    const std::vector<double>& samplesMs() const { return m_samplesMs; }

private:
    void beat();

    QTimer m_timer;
    QElapsedTimer m_clock;
    std::int64_t m_lastNs = 0;
    std::vector<double> m_samplesMs;
};

} // namespace conlab
