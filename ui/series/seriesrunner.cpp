#include "seriesrunner.h"

namespace conlab {

SeriesRunner::SeriesRunner(QObject* parent)
    : QObject(parent)
{
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
    if (m_series.isRunning()) {
        if (error)
            *error = tr("a series of runs is already going: stop it first");
        return false;
    }
    if (configs.empty()) {
        if (error)
            *error = tr("there is nothing to run");
        return false;
    }
    m_configs = configs;
    m_results.clear();
    m_cancelled = false;
    // Before RunSeries starts the first step, so a view has laid out every step when that step's signals come.
    emit started(m_configs);
    m_series.start(m_configs);
    emit progressChanged();
    return true;
}

void SeriesRunner::cancel()
{
    m_series.cancel();
}

} // namespace conlab
