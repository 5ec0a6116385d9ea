#pragma once

#include "core/run/runsummary.h"
#include "core/trace/trace.h"
#include "ui/export/runfigure.h"
#include "ui/plots/coreutilisationplot.h"
#include "ui/plots/timelineplot.h"

#include <QDateTime>

// A small run to draw figures of: four threads alternating running and waiting for I/O over one second, two cores
// sampled every 50 ms, and optionally one lane blocked on a lock from 2.0 to 2.5 s (outside a [0, 1] s zoom).
namespace conlab::test {

inline constexpr std::int64_t sampleOriginNs = 5'000'000'000'000LL;

inline Segment sampleSegment(int lane, double beginSec, double endSec, TaskState state)
{
    Segment segment;
    segment.lane = std::uint16_t(lane);
    segment.beginNs = sampleOriginNs + std::int64_t(beginSec * 1e9);
    segment.endNs = sampleOriginNs + std::int64_t(endSec * 1e9);
    segment.task = lane;
    segment.state = state;
    segment.core = std::int8_t(lane % 2);
    return segment;
}

inline Trace sampleTrace(bool lockLater = false)
{
    Trace trace;
    trace.originNs = sampleOriginNs;
    trace.cores = 2;
    for (int lane = 0; lane < 4; ++lane)
        trace.lanes.push_back({QStringLiteral("thread %1").arg(lane + 1), LaneKind::Thread});
    for (int lane = 0; lane < 4; ++lane) {
        for (int step = 0; step < 10; ++step) {
            const TaskState state = (step + lane) % 2 == 0 ? TaskState::Running : TaskState::WaitingIo;
            trace.segments.push_back(sampleSegment(lane, step * 0.1, (step + 1) * 0.1, state));
        }
    }
    // The plots fit the whole run: the lock segment (or a plain one, without it) keeps the span the same.
    trace.segments.push_back(sampleSegment(3, 2.0, 2.5, lockLater ? TaskState::BlockedLock : TaskState::Running));
    for (int i = 1; i <= 50; ++i) {
        CpuSample sample;
        sample.timeNs = sampleOriginNs + std::int64_t(i) * 50'000'000;
        sample.perCore = {float(40 + (i * 7) % 60), float(30 + (i * 13) % 70)};
        trace.cpuSamples.push_back(sample);
    }
    return trace;
}

inline RunSummary sampleSummary()
{
    RunSummary summary;
    summary.config.model = ModelKind::Threads;
    summary.config.workers = 4;
    summary.config.workload.tasks = 4;
    summary.config.workload.cpuMs = 50;
    summary.wallMs = 2500;
    summary.cores = 2;
    summary.tasksCompleted = 4;
    summary.startedAt = QDateTime(QDate(2026, 12, 1), QTime(10, 30));
    return summary;
}

// The two plots of a run, made for a figure and never shown, as `conlab run --png` makes them.
struct SamplePlots
{
    TimelinePlot timeline;
    CoreUtilisationPlot utilisation;

    explicit SamplePlots(const Trace& trace)
    {
        timeline.showTrace(trace);
        utilisation.showTrace(trace);
    }

    Figure figure(bool visibleWindowOnly = false, FigureContent content = FigureContent::Both)
    {
        return runFigure(
            timeline, utilisation, content, runCaptionFacts(sampleSummary(), std::nullopt), visibleWindowOnly);
    }
};

} // namespace conlab::test
