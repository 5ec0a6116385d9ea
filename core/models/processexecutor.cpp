#include "core/models/processexecutor.h"

#include "core/workload/workload.h"

#include <utility>

namespace conlab {

ProcessExecutor::ProcessExecutor(const ExecutionContext& context, std::uint16_t firstLane, int count)
    : m_running(std::size_t(count))
    , m_pool(context, firstLane, count, QT_TRANSLATE_NOOP("conlab::Problem", "executor process"),
          ProcessPool::Events {
              [this](int worker) { onReady(worker); },
              [this](int worker, const workerprotocol::TaskDone& done) { onTaskDone(worker, done); },
              [this](const Problem& error) { failAll(error); },
              {},
          })
{
    m_pool.start();
}

void ProcessExecutor::submit(const Job& job, Done done)
{
    if (m_pool.isStopping()) {
        done(Result {false, job.state, {}});
        return;
    }
    m_queue.push_back(Pending {job, std::move(done)});
    dispatch();
}

void ProcessExecutor::cancel()
{
    failAll({});
}

void ProcessExecutor::onReady(int worker)
{
    m_idle.push_back(worker);
    dispatch();
}

void ProcessExecutor::onTaskDone(int worker, const workerprotocol::TaskDone& done)
{
    Done callback = std::exchange(m_running[std::size_t(worker)], nullptr);
    m_idle.push_back(worker);
    if (callback)
        callback(Result {done.completed, done.checksum, done.error});
    dispatch();
}

void ProcessExecutor::dispatch()
{
    while (!m_idle.empty() && !m_queue.empty() && !m_pool.isStopping()) {
        const int worker = m_idle.back();
        m_idle.pop_back();
        Pending pending = std::move(m_queue.front());
        m_queue.pop_front();
        // The worker runs the phase as a one-phase task: starting from `seed`, its checksum is the state after it.
        const TaskSpec task {pending.job.task, pending.job.state, {Phase {PhaseKind::Cpu, pending.job.iterations}}};
        m_running[std::size_t(worker)] = std::move(pending.done);
        m_pool.send(worker, task);
    }
}

void ProcessExecutor::failAll(const Problem& error)
{
    m_pool.stopAll();
    std::vector<Done> callbacks;
    for (Done& done : m_running) {
        if (done)
            callbacks.push_back(std::exchange(done, nullptr));
    }
    for (Pending& pending : m_queue)
        callbacks.push_back(std::move(pending.done));
    m_queue.clear();
    for (const Done& done : callbacks)
        done(Result {false, 0, error});
}

} // namespace conlab
