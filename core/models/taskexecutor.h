#pragma once

#include "core/gil/gilthread.h"
#include "core/models/executionmodel.h"
#include "core/models/lanewriter.h"
#include "core/models/phasesequence.h"

#include <QString>
#include <cstdint>

namespace conlab {

struct TaskSpec;

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

    // The blocking way of performing each step of a PhaseSequence (see performStep).
    bool cpu(const PhaseStep& step, Problem& error);
    bool io(const PhaseStep& step, Problem& error);
    bool sleep(const PhaseStep& step);
    bool increment(const PhaseStep& step);

private:
    // Blocking calls release the GIL before and take it back after; returns when it was taken back.
    std::int64_t retakeGil(bool& ok);

    const ExecutionContext& m_context;
    LaneWriter m_lane;
    GilThread m_gil;
};

} // namespace conlab
