#include "core/models/threadexecutor.h"

#include "core/gil/gilthread.h"
#include "core/models/cpuphase.h"
#include "core/models/executionmodel.h"
#include "core/models/lanewriter.h"
#include "core/run/canceltoken.h"
#include "core/trace/monotonicclock.h"
#include "core/util/workerthread.h"
#include "core/workload/workload.h"

#include <stdexcept>
#include <sys/eventfd.h>
#include <unistd.h>

namespace conlab {

ThreadExecutor::ThreadExecutor(const ExecutionContext& context, std::uint16_t firstLane, int count)
    : m_context(context)
    , m_wakeFd(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    if (m_wakeFd < 0)
        throw std::runtime_error("eventfd failed: out of file descriptors?");
    // call_soon_threadsafe's self-pipe: a finished job wakes the loop, which runs the callback on its own thread.
    m_wakeNotifier = std::make_unique<QSocketNotifier>(m_wakeFd, QSocketNotifier::Read);
    QObject::connect(m_wakeNotifier.get(), &QSocketNotifier::activated, m_wakeNotifier.get(), [this] { deliver(); });
    for (int i = 0; i < count; ++i) {
        const auto lane = std::uint16_t(firstLane + i);
        const std::int64_t spawnedNs = monotonicNowNs();
        m_threads.push_back(std::make_unique<WorkerThread>(
            QStringLiteral("conlab-executor-%1").arg(i + 1), [this, lane, spawnedNs] { workerLoop(lane, spawnedNs); }));
        m_threads.back()->start();
    }
}

ThreadExecutor::~ThreadExecutor()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (auto& thread : m_threads)
        thread->wait();
    m_wakeNotifier.reset();
    ::close(m_wakeFd);
}

void ThreadExecutor::submit(const Job& job, Done done)
{
    auto pending = std::make_shared<Pending>();
    pending->job = job;
    pending->done = std::move(done);
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(pending));
    }
    m_wake.notify_one();
}

void ThreadExecutor::workerLoop(std::uint16_t laneIndex, std::int64_t spawnedNs)
{
    LaneWriter lane(m_context.recorder, laneIndex);
    lane.record(TaskState::StartingUp, spawnedNs, monotonicNowNs(), -1);
    GilThread gil(m_context.gil, laneIndex);
    for (;;) {
        std::shared_ptr<Pending> pending;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return;
            pending = std::move(m_queue.front());
            m_queue.pop_front();
        }
        const Job& job = pending->job;
        Result& result = pending->result;
        result.state = job.state;
        const std::int64_t begin = monotonicNowNs();
        bool waited = false;
        if (gil.acquire(&waited)) {
            if (waited)
                lane.record(TaskState::WaitingGil, begin, monotonicNowNs(), job.task);
            const CpuPhaseOptions options {m_context.workload.sliceIterations, 0, &gil};
            result.completed = runCpuPhase(lane, result.state, job.iterations, job.task, m_context.cancel, options);
        }
        // Waiting for the next job is a blocking call: the GIL goes back first.
        gil.release();
        {
            std::lock_guard lock(m_mutex);
            m_finished.push_back(std::move(pending));
        }
        const std::uint64_t one = 1;
        [[maybe_unused]] auto written = ::write(m_wakeFd, &one, sizeof one);
    }
}

void ThreadExecutor::deliver()
{
    std::uint64_t count = 0;
    [[maybe_unused]] auto got = ::read(m_wakeFd, &count, sizeof count);
    std::vector<std::shared_ptr<Pending>> finished;
    {
        std::lock_guard lock(m_mutex);
        finished.swap(m_finished);
    }
    for (const auto& pending : finished)
        pending->done(pending->result);
}

} // namespace conlab
