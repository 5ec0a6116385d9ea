#include "bench/benchgoal.h"

namespace conlab::bench {

GoalVerdict judge(const BenchGoal& goal, std::optional<double> measured)
{
    if (!measured)
        return GoalVerdict::NotRun;
    if (goal.bound == BenchGoal::Bound::AtLeast) {
        if (*measured >= goal.limit)
            return GoalVerdict::Met;
        return *measured >= goal.limit * (1.0 - goal.margin) ? GoalVerdict::WithinNoise : GoalVerdict::Missed;
    }
    if (*measured <= goal.limit)
        return GoalVerdict::Met;
    return *measured <= goal.limit * (1.0 + goal.margin) ? GoalVerdict::WithinNoise : GoalVerdict::Missed;
}

const char* verdictName(GoalVerdict verdict)
{
    switch (verdict) {
    case GoalVerdict::Met:
        return "met";
    case GoalVerdict::WithinNoise:
        return "over, within the noise margin";
    case GoalVerdict::Missed:
        return "MISSED";
    case GoalVerdict::NotRun:
        return "not run";
    }
    return "";
}

// The margins: CPU time of a single-threaded micro-benchmark barely moves with the machine's load (10 %); wall times
// of runs, replots and file work move with the neighbours (25 %); a latency tail under full load moves most (50 %);
// memory is counted, not timed (5 %). The Python observer's figures are its own sampling on a real interpreter: its
// rates and CPU move with the neighbours (20 %, 25 %); a script's slowdown is a small difference of two noisy wall
// times (50 %).
const std::vector<BenchGoal>& benchGoals()
{
    static const std::vector<BenchGoal> goals {
        {"trace record cost per event (CPU time)", "BM_TraceRecord", "cpu_time", 1, "ns", 20, 0.10},
        {"dispatch per empty task: threads (2)", "BM_DispatchThreads/20000", "per_task", 1e6, "us", 10, 0.25},
        {"dispatch per empty task: processes (2, pre-started pool)", "BM_DispatchProcesses/5000", "per_task", 1e6, "us",
            100, 0.25},
        {"dispatch per empty task: event loop (no limit)", "BM_DispatchEventLoop/20000", "per_task", 1e6, "us", 1,
            0.25},
        {"GIL slice check on CPU work", "BM_GilSliceCheck", "overhead_pct_of_slice", 1, "%", 2, 0.25},
        {"telling running from ready on CPU work", "BM_CpuPhaseTruthOverhead", "overhead_pct", 1, "%", 2, 0.25},
        {"timeline replot, 64 lanes, 1600x900, 1M segments", "BM_ReplotTimeline/1000000", "", 1, "ms", 16, 0.25},
        {"own utilisation replot, 1M segments", "BM_ReplotOwnUtilisation/1000000", "", 1, "ms", 5, 0.25},
        {"memory per segment of a shown 1M-segment run (RSS growth)", "BM_ShownRunMemory/1000000", "bytes_per_segment",
            1, "B", 32, 0.05},
        {"run file export, 1M segments, in memory", "BM_ExportRunFile1M", "", 1e-3, "s", 1, 0.25},
        {"run file export, 1M segments, through a file", "BM_WriteRunFile1M", "", 1e-3, "s", 1, 0.25},
        {"run file import, 1M segments", "BM_ImportRunFile1M", "", 1e-3, "s", 3, 0.25},
        {"Chromium-shaped trace import, 7.5 MB, 84 threads", "BM_ImportChromiumShapedTrace", "", 1e-3, "s", 3, 0.25},
        {"UI latency, every core busy, threads: p99", "BM_UiLatencyUnderFullLoad_Threads", "p99_ms", 1, "ms", 16, 0.5},
        {"UI latency, every core busy, threads: max", "BM_UiLatencyUnderFullLoad_Threads", "max_ms", 1, "ms", 33, 0.5},
        {"UI latency, every core busy, processes: p99", "BM_UiLatencyUnderFullLoad_Processes", "p99_ms", 1, "ms", 16,
            0.5},
        {"UI latency, every core busy, processes: max", "BM_UiLatencyUnderFullLoad_Processes", "max_ms", 1, "ms", 33,
            0.5},
        {"start-up to the first window frame (warm)", "BM_StartupToFirstPaint", "", 1, "ms", 1000, 0.25},
        {"Python observer: GIL sampling achieved", "BM_PythonObserved", "gil_hz", 1e-3, "kHz", 5, 0.2,
            BenchGoal::Bound::AtLeast},
        {"Python observer: thread states achieved", "BM_PythonObserved", "state_hz", 1e-3, "kHz", 1, 0.2,
            BenchGoal::Bound::AtLeast},
        {"Python observer: CPU", "BM_PythonObserved", "observer_cpu_pct", 1, "% of a core", 15, 0.25},
        {"Python observer: the observed script's slowdown", "BM_PythonObserved", "slowdown_pct", 1, "%", 10, 0.5},
    };
    return goals;
}

} // namespace conlab::bench
