#pragma once

#include "core/trace/segment.h"

#include <optional>

namespace conlab::python {

// Run-length encoding of sampled states: one open segment per lane that grows while samples agree and ends at the
// sample that first saw a change. Boundaries are sample times, never guessed between samples.
class SegmentRun
{
public:
    // Returns the segment that ended because this sample differs from it.
    std::optional<Segment> observe(std::int64_t nowNs, TaskState state, std::int32_t task, int core)
    {
        if (m_open && m_open->state == state && m_open->task == task) {
            m_open->endNs = nowNs;
            return std::nullopt;
        }
        std::optional<Segment> ended = close(nowNs);
        Segment segment;
        segment.beginNs = nowNs;
        segment.endNs = nowNs;
        segment.task = task;
        segment.state = state;
        segment.core = std::int8_t(core);
        m_open = segment;
        return ended;
    }

    // Ends the open segment at `endNs`; nothing if none is open or it would be empty.
    std::optional<Segment> close(std::int64_t endNs)
    {
        std::optional<Segment> ended = std::exchange(m_open, std::nullopt);
        if (!ended)
            return std::nullopt;
        ended->endNs = endNs;
        if (ended->endNs <= ended->beginNs)
            return std::nullopt;
        return ended;
    }

    // The end of the open segment so far: its last sample.
    std::optional<std::int64_t> lastSampleNs() const
    {
        return m_open ? std::optional<std::int64_t>(m_open->endNs) : std::nullopt;
    }

private:
    std::optional<Segment> m_open;
};

} // namespace conlab::python
