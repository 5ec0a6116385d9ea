#pragma once

#include "core/run/runsummary.h"
#include "core/trace/trace.h"

#include <cmath>
#include <cstring>
#include <gtest/gtest.h>
#include <optional>

namespace conlab::test {

// Equal, or both NaN: a saved run must give back "no data" as "no data".
template <typename T> bool sameNumber(T a, T b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

#define CONLAB_EXPECT_SAME(a, b) EXPECT_TRUE(::conlab::test::sameNumber(a, b)) << #a << ": " << (a) << " vs " << (b)

inline void expectSameLatency(const LatencyStats& a, const LatencyStats& b)
{
    CONLAB_EXPECT_SAME(a.p50, b.p50);
    CONLAB_EXPECT_SAME(a.p99, b.p99);
    CONLAB_EXPECT_SAME(a.max, b.max);
    EXPECT_EQ(a.count, b.count);
}

// Every field, listed by hand rather than through the file's own field list, so that a field the file forgets
// shows up here.
inline void expectSameSummary(const RunSummary& a, const RunSummary& b)
{
    EXPECT_EQ(a.config.model, b.config.model);
    EXPECT_EQ(a.config.workload.kind, b.config.workload.kind);
    EXPECT_EQ(a.config.workload.tasks, b.config.workload.tasks);
    CONLAB_EXPECT_SAME(a.config.workload.cpuMs, b.config.workload.cpuMs);
    CONLAB_EXPECT_SAME(a.config.workload.ioMs, b.config.workload.ioMs);
    EXPECT_EQ(a.config.workload.phases, b.config.workload.phases);
    EXPECT_EQ(a.config.workload.increments, b.config.workload.increments);
    EXPECT_EQ(a.config.workload.lock, b.config.workload.lock);
    EXPECT_EQ(a.config.workload.yieldBetween, b.config.workload.yieldBetween);
    EXPECT_EQ(a.config.workers, b.config.workers);
    EXPECT_EQ(a.config.sampleHz, b.config.sampleHz);
    EXPECT_EQ(a.config.gil, b.config.gil);
    CONLAB_EXPECT_SAME(a.config.switchIntervalMs, b.config.switchIntervalMs);
    EXPECT_EQ(a.config.offload, b.config.offload);
    CONLAB_EXPECT_SAME(a.config.iterationsPerMs, b.config.iterationsPerMs);
    // The same moment, and the same date as the caption shows it.
    EXPECT_TRUE(a.startedAt == b.startedAt && a.startedAt.date() == b.startedAt.date())
        << a.startedAt.toString(Qt::ISODateWithMs).toStdString() << " vs "
        << b.startedAt.toString(Qt::ISODateWithMs).toStdString();

    CONLAB_EXPECT_SAME(a.wallMs, b.wallMs);
    CONLAB_EXPECT_SAME(a.cpuMs, b.cpuMs);
    EXPECT_EQ(a.tasksCompleted, b.tasksCompleted);
    EXPECT_EQ(a.checksum, b.checksum);
    for (std::size_t state = 0; state < a.stateMs.size(); ++state)
        CONLAB_EXPECT_SAME(a.stateMs[state], b.stateMs[state]);
    expectSameLatency(a.resumeLatencyMs, b.resumeLatencyMs);
    CONLAB_EXPECT_SAME(a.peakRssMb, b.peakRssMb);
    CONLAB_EXPECT_SAME(a.startupMs, b.startupMs);
    ASSERT_EQ(a.workerPeakRssMb.size(), b.workerPeakRssMb.size());
    for (std::size_t i = 0; i < a.workerPeakRssMb.size(); ++i)
        CONLAB_EXPECT_SAME(a.workerPeakRssMb[i], b.workerPeakRssMb[i]);
    EXPECT_EQ(a.cores, b.cores);
    CONLAB_EXPECT_SAME(a.iterationsPerMs, b.iterationsPerMs);
    EXPECT_EQ(a.cancelled, b.cancelled);
    EXPECT_EQ(a.error, b.error);
    ASSERT_EQ(a.uiLatencyMs.has_value(), b.uiLatencyMs.has_value());
    if (a.uiLatencyMs)
        expectSameLatency(*a.uiLatencyMs, *b.uiLatencyMs);
    EXPECT_EQ(a.roundTrips, b.roundTrips);
    ASSERT_EQ(a.counter.has_value(), b.counter.has_value());
    if (a.counter) {
        EXPECT_EQ(a.counter->expected, b.counter->expected);
        EXPECT_EQ(a.counter->actual, b.counter->actual);
    }
    EXPECT_EQ(a.gilSwitches, b.gilSwitches);
    EXPECT_EQ(a.gilDropRequests, b.gilDropRequests);
    EXPECT_EQ(a.notes, b.notes);
}

inline void expectSameSummary(const std::optional<RunSummary>& a, const std::optional<RunSummary>& b)
{
    ASSERT_EQ(a.has_value(), b.has_value());
    if (a)
        expectSameSummary(*a, *b);
}

inline void expectSameTrace(const Trace& a, const Trace& b)
{
    EXPECT_EQ(a.originNs, b.originNs);
    EXPECT_EQ(a.cores, b.cores);
    ASSERT_EQ(a.lanes.size(), b.lanes.size());
    for (std::size_t i = 0; i < a.lanes.size(); ++i) {
        EXPECT_EQ(a.lanes[i].name, b.lanes[i].name) << "lane " << i;
        EXPECT_EQ(a.lanes[i].kind, b.lanes[i].kind) << "lane " << i;
    }
    ASSERT_EQ(a.segments.size(), b.segments.size());
    std::size_t differing = 0;
    for (std::size_t i = 0; i < a.segments.size(); ++i) {
        const Segment& x = a.segments[i];
        const Segment& y = b.segments[i];
        const bool same = x.beginNs == y.beginNs && x.endNs == y.endNs && x.task == y.task && x.lane == y.lane
            && x.state == y.state && x.core == y.core;
        if (!same && ++differing <= 5)
            ADD_FAILURE() << "segment " << i << ": {" << x.beginNs << ", " << x.endNs << ", task " << x.task
                          << ", lane " << x.lane << ", state " << int(x.state) << ", core " << int(x.core) << "} vs {"
                          << y.beginNs << ", " << y.endNs << ", task " << y.task << ", lane " << y.lane << ", state "
                          << int(y.state) << ", core " << int(y.core) << "}";
    }
    EXPECT_EQ(differing, 0u);
    ASSERT_EQ(a.cpuSamples.size(), b.cpuSamples.size());
    for (std::size_t i = 0; i < a.cpuSamples.size(); ++i) {
        EXPECT_EQ(a.cpuSamples[i].timeNs, b.cpuSamples[i].timeNs) << "sample " << i;
        ASSERT_EQ(a.cpuSamples[i].perCore.size(), b.cpuSamples[i].perCore.size()) << "sample " << i;
        for (std::size_t core = 0; core < a.cpuSamples[i].perCore.size(); ++core)
            CONLAB_EXPECT_SAME(a.cpuSamples[i].perCore[core], b.cpuSamples[i].perCore[core]);
    }
    ASSERT_EQ(a.instants.size(), b.instants.size());
    for (std::size_t i = 0; i < a.instants.size(); ++i) {
        EXPECT_EQ(a.instants[i].timeNs, b.instants[i].timeNs) << "instant " << i;
        EXPECT_EQ(a.instants[i].lane, b.instants[i].lane) << "instant " << i;
        EXPECT_EQ(a.instants[i].kind, b.instants[i].kind) << "instant " << i;
    }
    EXPECT_EQ(a.taskNames, b.taskNames);
    EXPECT_EQ(a.counterNames, b.counterNames);
    EXPECT_EQ(a.functionNames, b.functionNames);
}

} // namespace conlab::test
