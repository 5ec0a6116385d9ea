#pragma once

#include "core/models/phasesequence.h"
#include "core/workload/latencyroundtrip.h"

#include <QCoro/QCoroTask>
#include <QString>
#include <cstdint>

namespace conlab {

class LaneWriter;
class LoopRun;

// Runs one loop slot's tasks as coroutines: the awaiting way of performing each step of a PhaseSequence (see
// performStep), where TaskExecutor's way blocks its thread. Every wait suspends the task and lets the loop run the
// others; a CPU step holds the loop unless an executor takes it.
class SlotRunner
{
public:
    SlotRunner(LoopRun& run, LaneWriter& lane);

    QCoro::Task<TaskOutcome> run(const TaskSpec& task);

    QCoro::Task<bool> cpu(const PhaseStep& step, Problem& error);
    QCoro::Task<bool> io(const PhaseStep& step, Problem& error);
    QCoro::Task<bool> sleep(const PhaseStep& step);
    QCoro::Task<bool> increment(const PhaseStep& step);

private:
    struct Exchange
    {
        IoResult result;
        std::int64_t resumedNs = 0; // when the task ran again after its last wait for the reply
    };

    QCoro::Task<Exchange> roundTrip(std::uint64_t token, std::int64_t delayUs);
    QCoro::Task<bool> incrementsAwaitingBetween(const PhaseStep& step);

    LoopRun& m_run;
    LaneWriter& m_lane;
};

} // namespace conlab
