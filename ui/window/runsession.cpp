#include "ui/window/runsession.h"

namespace conlab {

RunSession::RunSession(QObject* parent)
    : QObject(parent)
{
    connect(&m_controller, &RunController::started, this, &RunSession::onStarted);
    connect(&m_controller, &RunController::batchReady, this, &RunSession::batch);
    connect(&m_controller, &RunController::finished, this, &RunSession::onFinished);
}

// The controller's destructor cancels and joins the engine thread, which ends within 200 ms of the cancel.
RunSession::~RunSession()
{
    m_pending.reset();
    m_controller.cancel();
}

void RunSession::choose(const RunConfig& config)
{
    submit(Request {config, false, std::nullopt});
}

void RunSession::run(const RunConfig& config)
{
    submit(Request {config, true, std::nullopt});
}

void RunSession::runBaseline(const RunConfig& config)
{
    RunConfig sequential = config;
    ModelChoice {}.applyTo(sequential);
    sequential.workload.yieldBetween = false; // only a coroutine can await mid-update
    submit(Request {sequential, true, config});
}

void RunSession::stop()
{
    m_pending.reset();
    m_controller.cancel();
}

std::optional<RunConfig> RunSession::activeConfig() const
{
    if (m_pending)
        return m_pending->config;
    if (m_current)
        return m_current->config;
    return std::nullopt;
}

const RunResult* RunSession::lastResult(const ModelChoice& choice) const
{
    const auto found = m_results.find(choice.key());
    return found == m_results.end() ? nullptr : &found->second;
}

const RunResult* RunSession::storedResult(const RunConfig& config) const
{
    const RunResult* result = lastResult(ModelChoice::fromConfig(config));
    if (result && settingsKey(result->summary.config) == settingsKey(config))
        return result;
    return nullptr;
}

const RunSummary* RunSession::baseline(const WorkloadSpec& workload) const
{
    const auto found = m_baselines.find(baselineKey(workload));
    return found == m_baselines.end() ? nullptr : &found->second;
}

QString RunSession::settingsKey(const RunConfig& requested)
{
    const RunConfig config = requested.normalized();
    const ModelChoice choice = ModelChoice::fromConfig(config);
    QString key = choice.key() + QLatin1Char('|') + baselineKey(config.workload);
    if (choice.model != ModelKind::Sequential)
        key += QStringLiteral("|workers=%1").arg(config.effectiveWorkers());
    if (choice.gil)
        key += QStringLiteral("|switch=%1").arg(config.switchIntervalMs);
    if (config.workload.kind == WorkloadKind::Counter && config.workload.yieldBetween)
        key += QStringLiteral("|yield");
    // A script runs what it says, with its arguments: another script or other arguments is another run.
    if (config.python)
        key += QStringLiteral("|script=%1|args=%2|python=%3")
                   .arg(config.python->script, config.python->arguments.join(QLatin1Char(' ')),
                       config.python->interpreter);
    return key + QStringLiteral("|hz=%1").arg(config.sampleHz);
}

QString RunSession::baselineKey(const WorkloadSpec& workload)
{
    const WorkloadKind kind = workload.kind;
    const int tasks = kind == WorkloadKind::Convoy ? convoyTasks : workload.tasks;
    QString key = workloadKey(kind) + QStringLiteral("|tasks=%1").arg(tasks);
    if (kind == WorkloadKind::Cpu || kind == WorkloadKind::Mixed || kind == WorkloadKind::Convoy)
        key += QStringLiteral("|cpu=%1").arg(workload.cpuMs);
    if (kind == WorkloadKind::Io || kind == WorkloadKind::Sleep || kind == WorkloadKind::Mixed
        || kind == WorkloadKind::Convoy)
        key += QStringLiteral("|io=%1").arg(workload.ioMs);
    if (kind == WorkloadKind::Mixed)
        key += QStringLiteral("|phases=%1").arg(workload.phases);
    if (kind == WorkloadKind::Counter)
        key += QStringLiteral("|increments=%1|lock=%2").arg(workload.increments).arg(int(workload.lock));
    return key;
}

void RunSession::submit(Request request)
{
    emit requested(request.config);
    if (!m_current) {
        startOrRestore(request);
        return;
    }
    const QString key = settingsKey(request.config);
    // A second click on what is already coming changes nothing; restarting it would only throw work away.
    const Request& coming = m_pending ? *m_pending : *m_current;
    if (!request.force && settingsKey(coming.config) == key)
        return;
    m_pending = std::move(request);
    m_controller.cancel();
}

void RunSession::startOrRestore(const Request& request)
{
    if (!request.force) {
        if (const RunResult* stored = storedResult(request.config)) {
            emit resultRestored(*stored);
            return;
        }
    }
    m_current = request;
    Problem refusal;
    if (!m_controller.start(request.config, &refusal)) {
        m_current.reset();
        emit runRejected(refusal);
    }
}

void RunSession::onStarted(const RunStart& start)
{
    m_heartbeat.start();
    emit runStarted(start);
}

void RunSession::onFinished(const RunResult& finished)
{
    m_heartbeat.stop();
    RunResult result = finished;
    result.summary.uiLatencyMs = m_heartbeat.stats();

    const bool complete = !result.summary.cancelled && result.summary.error.isEmpty();
    if (complete) {
        const RunConfig& config = result.summary.config;
        m_results[ModelChoice::fromConfig(config).key()] = result;
        if (config.model == ModelKind::Sequential)
            m_baselines[baselineKey(config.workload)] = result.summary;
    }

    const std::optional<RunConfig> returnTo = m_current ? m_current->returnTo : std::nullopt;
    m_current.reset();
    emit runFinished(result);

    if (m_current) // a listener started something already
        return;
    if (m_pending) {
        const Request next = *m_pending;
        m_pending.reset();
        startOrRestore(next);
    } else if (returnTo) {
        if (const RunResult* stored = storedResult(*returnTo))
            emit resultRestored(*stored);
    }
}

} // namespace conlab
