#include "core/run/runsummarizer.h"

#include "core/analysis/ownutilisation.h"
#include "core/run/engine.h"
#include "core/run/otherload.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace conlab {

QString noteText(const QString& note)
{
    return QCoreApplication::translate("conlab::RunNote", note.toUtf8().constData());
}

namespace {

bool isRunning(TaskState state)
{
    return state == TaskState::Running || state == TaskState::BlockingLoop;
}

std::vector<std::vector<Segment>> segmentsByLane(const Trace& trace)
{
    std::vector<std::vector<Segment>> lanes(trace.lanes.size());
    for (const Segment& segment : trace.segments) {
        if (segment.lane < lanes.size())
            lanes[segment.lane].push_back(segment);
    }
    for (auto& lane : lanes)
        std::stable_sort(
            lane.begin(), lane.end(), [](const Segment& a, const Segment& b) { return a.beginNs < b.beginNs; });
    return lanes;
}

} // namespace

std::vector<double> resumeLatencySamplesMs(const Trace& trace)
{
    std::vector<double> samples;
    // An observed Python thread's segments name functions, not tasks: the thread is one task throughout.
    const bool oneTaskPerLane = !trace.functionNames.empty();
    for (const auto& lane : segmentsByLane(trace)) {
        for (std::size_t i = 0; i < lane.size(); ++i) {
            if (lane[i].state != TaskState::WaitingIo)
                continue;
            // The next running segment of the same task: everything in between was time it could not run.
            for (std::size_t j = i + 1; j < lane.size() && (oneTaskPerLane || lane[j].task == lane[i].task); ++j) {
                if (isRunning(lane[j].state)) {
                    samples.push_back(double(lane[j].beginNs - lane[i].endNs) / 1e6);
                    break;
                }
                if (lane[j].state == TaskState::WaitingIo)
                    break;
            }
        }
    }
    return samples;
}

std::int64_t overlappingSegments(const Trace& trace)
{
    std::int64_t overlaps = 0;
    for (const auto& lane : segmentsByLane(trace)) {
        std::int64_t endNs = 0;
        for (std::size_t i = 0; i < lane.size(); ++i) {
            // Against the latest end so far, not just the previous segment's: a long segment may cover several.
            if (i > 0 && lane[i].beginNs < endNs)
                ++overlaps;
            endNs = i == 0 ? lane[i].endNs : std::max(endNs, lane[i].endNs);
        }
    }
    return overlaps;
}

std::int64_t coreMigrations(const Trace& trace)
{
    std::int64_t migrations = 0;
    const auto lanes = segmentsByLane(trace);
    for (std::size_t lane = 0; lane < lanes.size(); ++lane) {
        if (trace.lanes[lane].kind == LaneKind::Gil)
            continue;
        int core = -1;
        for (const Segment& segment : lanes[lane]) {
            if (!isRunning(segment.state) || segment.core < 0)
                continue;
            if (core >= 0 && segment.core != core)
                ++migrations;
            core = segment.core;
        }
    }
    return migrations;
}

double startupMs(const Trace& trace)
{
    std::int64_t first = 0;
    std::int64_t last = 0;
    bool any = false;
    for (const Segment& segment : trace.segments) {
        if (segment.state != TaskState::StartingUp)
            continue;
        first = any ? std::min(first, segment.beginNs) : segment.beginNs;
        last = any ? std::max(last, segment.endNs) : segment.endNs;
        any = true;
    }
    return double(last - first) / 1e6;
}

LatencyStats latencyStats(std::vector<double> samplesMs)
{
    LatencyStats stats;
    stats.count = int(samplesMs.size());
    if (samplesMs.empty())
        return stats;
    std::sort(samplesMs.begin(), samplesMs.end());
    const auto rank = [&](double p) {
        const auto index = std::size_t(std::ceil(p * double(samplesMs.size()))) - 1;
        return samplesMs[std::min(index, samplesMs.size() - 1)];
    };
    stats.p50 = rank(0.50);
    stats.p99 = rank(0.99);
    stats.max = samplesMs.back();
    return stats;
}

RunSummary summarizeRun(const RunConfig& config, const Trace& trace, const EngineResult& engine)
{
    RunSummary summary;
    summary.config = config;
    summary.wallMs = double(engine.endNs - engine.beginNs) / 1e6;
    summary.cpuMs = engine.cpuMs;
    summary.tasksCompleted = engine.outcome.tasksCompleted;
    summary.checksum = engine.outcome.checksum;
    for (const Segment& segment : trace.segments)
        summary.stateMs[std::size_t(segment.state)] += double(segment.durationNs()) / 1e6;
    summary.resumeLatencyMs = latencyStats(resumeLatencySamplesMs(trace));
    summary.peakRssMb = engine.peakRssMb;
    summary.startupMs = startupMs(trace);
    summary.workerPeakRssMb = engine.outcome.workerPeakRssMb;
    summary.cores = trace.cores;
    if (engine.usableCores > 0)
        summary.usableCores = engine.usableCores;
    if (engine.endNs > engine.beginNs)
        summary.otherLoadPercent = otherLoadPercent(
            trace.cpuSamples, OwnUtilisation::fromSegments(trace.segments), engine.beginNs, engine.endNs, engine.cpuMs);
    summary.iterationsPerMs = engine.iterationsPerMs;
    summary.cancelled = engine.cancelled;
    summary.error = engine.outcome.error.english();
    summary.failure = engine.outcome.error;
    summary.gilSwitches = engine.gilSwitches;
    summary.gilDropRequests = engine.gilDropRequests;
    summary.overlappingSegments = overlappingSegments(trace);
    summary.migrations = coreMigrations(trace);
    if (summary.overlappingSegments > 0)
        summary.notes << QString::fromLatin1(QT_TRANSLATE_NOOP("conlab::RunNote",
            "some segments of a lane overlap (overlapping_segments counts them): the model recorded two states of "
            "one lane at once, so this run's timeline is not to be trusted"));
    summary.python = engine.outcome.python;
    summary.notes << engine.outcome.notes;
    const WorkloadSpec& workload = config.workload;
    // Every completed round trip of the convoy's I/O task is one resume: the CPU task has no waits.
    if (workload.kind == WorkloadKind::Convoy && config.model != ModelKind::Python)
        summary.roundTrips = summary.resumeLatencyMs.count;
    if (workload.kind == WorkloadKind::Counter && config.model != ModelKind::Python)
        summary.counter = CounterResult {std::int64_t(workload.tasks) * workload.increments, engine.counter};
    if (config.model == ModelKind::Processes) {
        if (config.gil)
            summary.notes << QString::fromLatin1(QT_TRANSLATE_NOOP(
                "conlab::RunNote", "each worker process has its own GIL; --gil changes nothing here"));
        if (workload.kind == WorkloadKind::Counter)
            summary.notes << QString::fromLatin1(QT_TRANSLATE_NOOP("conlab::RunNote",
                "each worker process incremented its own copy of the counter: the parent's counter is still 0"));
    }
    if (config.model == ModelKind::EventLoop && config.gil && config.offload == OffloadKind::Processes)
        summary.notes << QString::fromLatin1(QT_TRANSLATE_NOOP(
            "conlab::RunNote", "the executor's processes have a GIL each: the loop thread keeps its own"));
    return summary;
}

} // namespace conlab
