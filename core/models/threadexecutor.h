#pragma once

#include "core/models/cpuexecutor.h"

#include <QSocketNotifier>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

namespace conlab {

class WorkerThread;

struct ExecutionContext;

// A ThreadPoolExecutor: `count` threads, each on its own lane from firstLane on, taking jobs from one queue and
// running them with runCpuPhase. Results come back to the loop's thread through an eventfd. With the run's GIL each
// thread is a Python thread: it takes the GIL for its job (competing with the loop's thread, as in CPython) and
// drops it while it waits for the next one.
class ThreadExecutor final : public CpuExecutor
{
public:
    ThreadExecutor(const ExecutionContext& context, std::uint16_t firstLane, int count);
    ~ThreadExecutor() override;

    void submit(const Job& job, Done done) override;

private:
    struct Pending
    {
        Job job;
        Done done;
        Result result;
    };

    void workerLoop(std::uint16_t lane, std::int64_t spawnedNs);
    void deliver();

    const ExecutionContext& m_context;
    int m_wakeFd = -1;
    std::unique_ptr<QSocketNotifier> m_wakeNotifier;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::shared_ptr<Pending>> m_queue; // guarded by m_mutex
    std::vector<std::shared_ptr<Pending>> m_finished; // guarded by m_mutex
    bool m_stopping = false; // guarded by m_mutex
    std::vector<std::unique_ptr<WorkerThread>> m_threads;
};

} // namespace conlab
