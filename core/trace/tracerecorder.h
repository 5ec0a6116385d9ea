#pragma once

#include "core/trace/lanebuffer.h"
#include "core/trace/trace.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace conlab {

// The lanes of one run, each with its own lock-free buffer. A lane is written by exactly one thread at a time
// (its worker); drain() is called by the controller's thread.
//
// Most models know their lanes before the run. An observed program (a Python script) shows its threads and
// processes only as it runs: addLane() appends one while others record and drain. Every buffer slot is allocated
// up front (laneCapacity), so adding a lane never moves what record() and drain() are using, and record() stays a
// plain index with no lock.
class TraceRecorder
{
public:
    // laneCapacity: how many lanes the run may end with (at least lanes.size(), at most maxLanes).
    explicit TraceRecorder(std::vector<LaneInfo> lanes, std::size_t laneCapacity = 0);

    // Segment::lane is 16 bits.
    static constexpr std::size_t maxLanes = 65535;

    // A copy: lanes may be added meanwhile from another thread.
    std::vector<LaneInfo> lanes() const;
    // Lanes `first` and after, in index order: what a listener that knows `first` lanes has not seen yet.
    std::vector<LaneInfo> lanesFrom(std::size_t first) const;
    int laneCount() const { return int(m_laneCount.load(std::memory_order_acquire)); }
    std::size_t laneCapacity() const { return m_buffers.size(); }

    // From any thread; the index to record into, or nullopt once laneCapacity lanes exist.
    std::optional<std::uint16_t> addLane(const LaneInfo& lane);

    // segment.lane must be a lane that exists: one given at construction, or returned by addLane() to this thread
    // or to one that handed the index over.
    void record(const Segment& segment) { m_buffers[segment.lane]->record(segment); }

    // Everything recorded since the last drain, lane by lane, in the first `laneLimit` lanes (all of them by
    // default). A listener that read lanesFrom() first passes the count it now knows, so that no segment it gets
    // belongs to a lane it has not been told about.
    std::vector<Segment> drain(std::size_t laneLimit = maxLanes);

    // Moments (GIL drop requests), from any thread. A few hundred a second at most, so a lock is fine here.
    void recordInstant(const InstantEvent& event);
    std::vector<InstantEvent> drainInstants();

    // An observed Python program's functions (Trace::functionNames), from any thread: the index of a new name. The
    // caller interns: the same name twice is two entries.
    std::int32_t addFunctionName(const QString& name);
    // Names `first` and after. A listener takes them after drain(), so that every segment it has names a function it
    // knows.
    std::vector<QString> functionNamesFrom(std::size_t first) const;

private:
    mutable std::mutex m_laneMutex; // guards m_lanes and the filling of a buffer slot
    std::vector<LaneInfo> m_lanes;
    std::vector<std::unique_ptr<LaneBuffer>> m_buffers; // sized once: laneCapacity slots, the first m_laneCount set
    std::atomic<std::size_t> m_laneCount {0};
    std::mutex m_instantMutex;
    std::vector<InstantEvent> m_instants;
    mutable std::mutex m_functionMutex;
    std::vector<QString> m_functionNames;
};

} // namespace conlab
