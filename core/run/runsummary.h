#pragma once

#include "core/python/pythonfacts.h"
#include "core/run/runconfig.h"
#include "core/trace/taskstate.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <array>
#include <cstdint>
#include <numeric>
#include <optional>
#include <vector>

namespace conlab {

struct CounterResult
{
    std::int64_t expected = 0; // tasks x increments
    std::int64_t actual = 0; // what the counter of this process holds at the end
    std::int64_t lost() const { return expected - actual; }
};

struct LatencyStats
{
    double p50 = 0;
    double p99 = 0;
    double max = 0;
    int count = 0;
};

// The numbers a run ends with; `conlab run --json` prints exactly these.
struct RunSummary
{
    RunConfig config;
    // Wall-clock time the run was started, local time: the date a figure or a saved run is labelled with.
    QDateTime startedAt;
    double wallMs = 0;
    double cpuMs = 0; // process CPU time over the run, children included
    int tasksCompleted = 0;
    std::uint64_t checksum = 0;
    std::array<double, taskStateCount> stateMs {}; // indexed by TaskState
    LatencyStats resumeLatencyMs; // from an I/O wait ending to the task running again
    double peakRssMb = 0; // this process
    // From the first worker being asked to start to the last one ready: what the pool costs before any work.
    double startupMs = 0;
    std::vector<double> workerPeakRssMb; // processes: each worker's own peak; their sum is what the pool costs
    double workerPeakRssTotalMb() const { return std::accumulate(workerPeakRssMb.begin(), workerPeakRssMb.end(), 0.0); }
    int cores = 0; // the machine's: one utilisation line each
    // The cores this process could compute on (usableCores(): affinity and cgroup quota), what the run's plan used.
    // Absent in runs saved before it was recorded.
    std::optional<int> usableCores;
    // Other programs' share of the machine during the run, in percent of all its cores (otherLoadPercent()): what
    // /proc/stat saw busy beyond this process and its children. Absent without samples over the run.
    std::optional<double> otherLoadPercent;
    // A step run several times (SeriesRunner::setRepeat): every repeat's wall time in run order, and this summary is
    // the median run's (the lower middle one for an even count). Empty for a single run.
    std::vector<double> repeatWallsMs;
    double iterationsPerMs = 0; // kernel calibration used: pass it back with --calibration to repeat the checksum
    bool cancelled = false;
    QString error; // empty when the run succeeded; English, as the command line, JSON and the run file say it
    // The same failure as a value, for the window to word in its language. Empty in a run read from a file: the
    // window then shows `error` as it was written.
    Problem failure;
    QString describedError() const { return failure.isEmpty() ? error : failure.describe(); }
    // Filled by the GUI: how late its heartbeat timer fired during the run. Absent in headless runs.
    std::optional<LatencyStats> uiLatencyMs;
    std::optional<int> roundTrips; // convoy: the I/O task's completed round trips
    std::optional<CounterResult> counter; // counter workload
    std::uint64_t gilSwitches = 0; // with the GIL: hand-overs and drop requests over the run
    std::uint64_t gilDropRequests = 0;
    // Segments that begin before the previous one of their lane ended: 0 unless a model records wrongly.
    std::int64_t overlappingSegments = 0;
    // Times a running worker changed core (coreMigrations()): what the Cores view shows as a worker's colour moving
    // between core lanes. Absent in runs saved before it was recorded.
    std::optional<std::int64_t> migrations;
    std::optional<PythonRunFacts> python; // the python model: the interpreter, its observation, how the script ended
    // Plain sentences for what the numbers alone would not say, e.g. that --gil changes nothing for processes.
    QStringList notes;
};

} // namespace conlab
