#pragma once

#include "core/run/runresult.h"
#include "core/trace/trace.h"

#include <QString>
#include <algorithm>
#include <random>
#include <vector>

// A synthetic run for the timeline benchmarks: 64 lanes over 10 s.
namespace conlab::bench {

constexpr int benchLanes = 64;
constexpr std::int64_t benchOriginNs = 1'000'000'000'000LL;
constexpr std::int64_t benchRunNs = 10'000'000'000LL; // 10 s

// `total` segments spread evenly over 64 lanes and a 10 s run: lengths vary around the mean, every state appears,
// so small counts draw outlined rectangles and a million fold to about one mark per pixel column.
inline std::vector<Segment> syntheticSegments(std::int64_t total)
{
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> spread(0.3, 1.7);
    const std::int64_t perLane = total / benchLanes;
    const double meanNs = double(benchRunNs) / double(perLane);
    std::vector<Segment> segments;
    segments.reserve(std::size_t(total));
    for (int lane = 0; lane < benchLanes; ++lane) {
        std::int64_t t = benchOriginNs;
        for (std::int64_t i = 0; i < perLane; ++i) {
            Segment s;
            s.lane = std::uint16_t(lane);
            s.beginNs = t;
            s.endNs = t + std::max<std::int64_t>(1, std::int64_t(meanNs * spread(rng)));
            s.task = int(i);
            s.state = allTaskStates[std::size_t((i + lane) % taskStateCount)];
            s.core = std::int8_t(lane % 2);
            segments.push_back(s);
            t = s.endNs;
        }
    }
    return segments;
}

inline RunStart benchRunStart()
{
    RunStart start;
    start.cores = 2;
    start.originNs = benchOriginNs;
    for (int i = 0; i < benchLanes; ++i)
        start.lanes.push_back({QStringLiteral("task slot %1").arg(i), LaneKind::LoopSlot});
    return start;
}

} // namespace conlab::bench
