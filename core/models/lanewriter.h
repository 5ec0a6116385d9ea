#pragma once

#include "core/trace/segment.h"

#include <cstdint>

namespace conlab {

class TraceRecorder;

// Records one lane's segments and keeps the lane's promise: segments never overlap, whoever records them.
class LaneWriter
{
public:
    LaneWriter(TraceRecorder& recorder, std::uint16_t lane);

    std::uint16_t lane() const { return m_lane; }

    // Clamps the interval so it starts no earlier than the previous segment ended. `core` -1 means "where this
    // thread runs now" for running states and unknown for the others.
    void record(TaskState state, std::int64_t beginNs, std::int64_t endNs, int task, int core = -1);

private:
    TraceRecorder& m_recorder;
    std::uint16_t m_lane;
    std::int64_t m_lastEndNs = 0;
};

// The CPU this thread is running on, or -1.
int currentCore();

} // namespace conlab
