#pragma once

#include "core/trace/segment.h"

#include <cstdint>

namespace conlab {

class TraceRecorder;

// Records one lane's segments as they were measured. A lane's segments should not overlap; when a model records one
// that does, it is kept as it is, so that the run summary counts it (overlapping_segments) and the tests see it.
class LaneWriter
{
public:
    LaneWriter(TraceRecorder& recorder, std::uint16_t lane);

    std::uint16_t lane() const { return m_lane; }

    // `core` -1 means "where this thread runs now" for running states and unknown for the others.
    void record(TaskState state, std::int64_t beginNs, std::int64_t endNs, int task, int core = -1);

private:
    TraceRecorder& m_recorder;
    std::uint16_t m_lane;
};

// The CPU this thread is running on, or -1.
int currentCore();

} // namespace conlab
