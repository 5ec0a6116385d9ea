#pragma once

#include "core/models/cpuexecutor.h"
#include "core/models/processpool.h"

#include <deque>
#include <vector>

namespace conlab {

struct ExecutionContext;

// A ProcessPoolExecutor: a pre-started pool of worker processes, each job one CPU phase sent as a task whose seed is
// the coroutine's checksum state and whose checksum comes back as the new state. Each process has its own GIL, so
// the loop's thread never waits for it.
class ProcessExecutor final : public CpuExecutor
{
public:
    ProcessExecutor(const ExecutionContext& context, std::uint16_t firstLane, int count);

    void submit(const Job& job, Done done) override;
    void cancel() override;

private:
    struct Pending
    {
        Job job;
        Done done;
    };

    void onReady(int worker);
    void onTaskDone(int worker, const workerprotocol::TaskDone& done);
    void failAll(const Problem& error);
    void dispatch();

    std::vector<int> m_idle;
    std::deque<Pending> m_queue;
    std::vector<Done> m_running; // by worker
    ProcessPool m_pool; // last: destroyed first, while what its callbacks touch still exists
};

} // namespace conlab
