#pragma once

#include "core/trace/trace.h"

namespace conlab::bench {

// A million segments over 64 lanes, the size the timeline must cope with, and a minute of 20 Hz samples of two
// cores.
inline Trace millionSegmentTrace()
{
    Trace trace;
    trace.cores = 2;
    for (int lane = 0; lane < 64; ++lane)
        trace.lanes.push_back(LaneInfo {QStringLiteral("thread %1").arg(lane + 1), LaneKind::Thread});
    trace.segments.reserve(1'000'000);
    for (int i = 0; i < 1'000'000; ++i) {
        const std::int64_t begin = std::int64_t(i / 64) * 10'000;
        trace.segments.push_back(Segment {
            begin, begin + 9'000, i / 3, std::uint16_t(i % 64), allTaskStates[std::size_t(i % 4)], std::int8_t(i % 2)});
    }
    for (int i = 0; i < 1200; ++i)
        trace.cpuSamples.push_back(CpuSample {std::int64_t(i) * 50'000'000, {float(i % 100), float(i % 7) * 10.5f}});
    return trace;
}

} // namespace conlab::bench
