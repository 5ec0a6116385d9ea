#pragma once

#include "core/gil/gilthread.h"
#include "core/models/executionmodel.h"
#include "core/models/lanewriter.h"

#include <QString>
#include <cstdint>

namespace conlab {

struct Phase;
struct TaskSpec;

struct TaskOutcome
{
    bool completed = false;
    std::uint64_t checksum = 0;
    QString error;
};

// Runs tasks on the calling thread with blocking waits, one lane's worth, recording every state change into that
// lane. Shared by every model whose tasks block their thread (sequential, threads, and each worker process). With
// the run's GIL it behaves as a Python thread: it holds the GIL from takeGil() on, drops it around every blocking
// wait and hands it over between CPU slices when another thread asks.
class TaskExecutor
{
public:
    TaskExecutor(const ExecutionContext& context, std::uint16_t lane);

    // A Python thread takes the GIL when it starts; the wait shows on the lane. False when cancelled meanwhile.
    bool takeGil();

    TaskOutcome run(const TaskSpec& task);

    LaneWriter& lane() { return m_lane; }

private:
    bool waitIo(std::uint64_t& state, std::int64_t delayUs, std::uint64_t token, int task, QString& error);
    bool sleep(std::uint64_t& state, std::int64_t delayUs, int task);
    bool convoyIo(const Phase& phase, std::uint64_t token, int task, QString& error);
    // Blocking calls release the GIL before and take it back after; returns when it was taken back.
    std::int64_t retakeGil(bool& ok);

    const ExecutionContext& m_context;
    LaneWriter m_lane;
    GilThread m_gil;
};

} // namespace conlab
