#pragma once

#include "core/models/offloadkind.h"
#include "core/util/problem.h"

#include <QString>
#include <cstdint>
#include <functional>

namespace conlab {

// Where the event loop sends its CPU phases instead of running them inline: asyncio's loop.run_in_executor with a
// ThreadPoolExecutor or a ProcessPoolExecutor. Lives on the loop's thread; every call, callbacks included, happens
// there.
class CpuExecutor
{
public:
    struct Job
    {
        int task = -1;
        std::uint64_t state = 0; // the task's checksum state going in
        std::int64_t iterations = 0;
    };
    struct Result
    {
        bool completed = false;
        std::uint64_t state = 0; // going out; the same value the phase would have reached inline
        Problem error; // empty on success and on cancel
    };
    using Done = std::function<void(const Result&)>;

    virtual ~CpuExecutor() = default;

    // Runs the job elsewhere; `done` follows on the loop's thread, exactly once, possibly from within submit.
    virtual void submit(const Job& job, Done done) = 0;
    // The run was cancelled: every job still pending completes soon, not completed.
    virtual void cancel() { }
};

// How many executor workers a loop with `slotTotal` tasks in flight gets: ThreadPoolExecutor's min(32, cores + 4), or
// ProcessPoolExecutor's one per core, never more than there are tasks to await them.
int executorWorkers(OffloadKind offload, int slotTotal);

} // namespace conlab
