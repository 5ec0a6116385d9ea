#pragma once

#include "executionmodel.h"
#include "lanewriter.h"

#include <QString>

#include <cstdint>

namespace conlab {

struct TaskSpec;

struct TaskOutcome {
    bool completed = false;
    std::uint64_t checksum = 0;
    QString error;
};

// Runs tasks on the calling thread with blocking waits, one lane's worth, recording every state change into that
// lane. Shared by every model whose tasks block their thread (sequential, threads, and each worker process).
class TaskExecutor
{
public:
    TaskExecutor(const ExecutionContext& context, std::uint16_t lane);

    TaskOutcome run(const TaskSpec& task);

    LaneWriter& lane() { return m_lane; }

private:
    bool waitIo(std::uint64_t& state, std::int64_t delayUs, std::uint64_t token, int task, QString& error);
    bool sleep(std::uint64_t& state, std::int64_t delayUs, int task);

    const ExecutionContext& m_context;
    LaneWriter m_lane;
};

} // namespace conlab
