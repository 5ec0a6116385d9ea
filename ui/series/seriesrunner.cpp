#include "ui/series/seriesrunner.h"

namespace conlab {

SeriesRunner::SeriesRunner(QObject* parent)
    : QObject(parent)
{
    // RunSeries checks the request and says why it refuses one; what it accepts is laid out before its first step.
    connect(&m_series, &RunSeries::started, this, [this](const std::vector<RunConfig>& configs) {
        m_configs = configs;
        m_results.clear();
        m_cancelled = false;
        emit started(m_configs);
    });
    connect(&m_series, &RunSeries::stepStarted, this, [this](int index, const RunStart& start) {
        emit stepStarted(index, start);
        emit progressChanged();
    });
    connect(&m_series, &RunSeries::batch, this, &SeriesRunner::batch);
    connect(&m_series, &RunSeries::stepFinished, this, [this](int index, const RunResult& result) {
        m_results.push_back(result);
        emit stepFinished(index, result);
        emit progressChanged();
    });
    connect(&m_series, &RunSeries::finished, this, [this](const std::vector<RunResult>&, bool cancelled) {
        m_cancelled = cancelled;
        emit finished(cancelled);
        emit progressChanged();
    });
}

bool SeriesRunner::start(const std::vector<RunConfig>& configs, QString* error)
{
    if (!m_series.start(configs, error))
        return false;
    emit progressChanged();
    return true;
}

void SeriesRunner::cancel()
{
    m_series.cancel();
}

} // namespace conlab
