#include "core/run/seriesrunner.h"

#include <QCoreApplication>
#include <algorithm>

namespace conlab {

SeriesRunner::SeriesRunner(QObject* parent)
    : QObject(parent)
{
    connect(&m_controller, &RunController::started, this, [this](const RunStart& start) {
        emit stepStarted(m_index, start);
        emit progressChanged();
    });
    connect(&m_controller, &RunController::batchReady, this,
        [this](const TraceBatch& batch) { emit this->batch(m_index, batch); });
    connect(&m_controller, &RunController::finished, this, &SeriesRunner::onRunFinished);
}

bool SeriesRunner::start(const std::vector<RunConfig>& configs, QString* error)
{
    if (m_running) {
        if (error)
            *error = QCoreApplication::translate(
                "conlab::SeriesRunner", "a series of runs is already going: stop it first");
        return false;
    }
    if (configs.empty()) {
        if (error)
            *error = QCoreApplication::translate("conlab::SeriesRunner", "there is nothing to run");
        return false;
    }
    m_configs = configs;
    m_results.clear();
    m_repeats.clear();
    m_index = 0;
    m_runsDone = 0;
    m_cancelled = false;
    m_running = true;
    emit started(m_configs);
    startNext();
    emit progressChanged();
    return true;
}

void SeriesRunner::setRepeat(int times)
{
    m_repeat = std::clamp(times, 1, limits::maxRepeat);
}

void SeriesRunner::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    if (m_controller.isRunning())
        m_controller.cancel(); // its finished() ends the series
    // Otherwise the next step's start is queued and will see the flag.
}

void SeriesRunner::startNext()
{
    if (m_cancelled || m_index >= int(m_configs.size())) {
        m_running = false;
        emit finished(m_results, m_cancelled);
        emit progressChanged();
        return;
    }
    Problem refusal;
    if (m_controller.start(m_configs[std::size_t(m_index)], &refusal))
        return;
    RunResult refused;
    refused.summary.config = m_configs[std::size_t(m_index)].normalized();
    refused.summary.error = refusal.english();
    refused.summary.failure = refusal;
    refused.trace = std::make_shared<Trace>();
    stepDone(refused);
}

void SeriesRunner::onRunFinished(const RunResult& result)
{
    if (!m_running)
        return;
    ++m_runsDone;
    const bool failed = !result.summary.error.isEmpty() || result.summary.cancelled;
    if (m_repeat == 1 || failed) {
        m_repeats.clear();
        stepDone(result);
        return;
    }
    m_repeats.push_back(result);
    if (int(m_repeats.size()) < m_repeat) {
        // Queued, as between steps: a cancel() made meanwhile is seen before the next repeat starts.
        QMetaObject::invokeMethod(this, &SeriesRunner::startNext, Qt::QueuedConnection);
        return;
    }
    stepDone(medianOfRepeats());
}

RunResult SeriesRunner::medianOfRepeats()
{
    std::vector<double> walls;
    for (const RunResult& run : m_repeats)
        walls.push_back(run.summary.wallMs);
    std::vector<std::size_t> order(m_repeats.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return walls[a] < walls[b]; });
    RunResult median = m_repeats[order[(order.size() - 1) / 2]];
    median.summary.repeatWallsMs = std::move(walls);
    m_repeats.clear();
    return median;
}

void SeriesRunner::stepDone(const RunResult& result)
{
    m_results.push_back(result);
    // The index moves on first: from here on the next point is what the series is at (its start is queued below), so
    // a progress row redrawn now names it, not the point just finished.
    const int finished = m_index++;
    emit stepFinished(finished, result);
    emit progressChanged();
    // Queued: whoever handles stepFinished() returns before the next run starts, and a cancel() it makes is seen.
    QMetaObject::invokeMethod(this, &SeriesRunner::startNext, Qt::QueuedConnection);
}

} // namespace conlab
