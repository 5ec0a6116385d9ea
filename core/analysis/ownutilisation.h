#pragma once

#include "core/trace/segment.h"

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace conlab {

// When this run's own lanes held each core, from its "running on CPU" segments (which carry the core they ran on):
// per core, the union of those segments as sorted disjoint intervals with the busy time before each. Any time range
// then costs two binary searches per bucket edge, whatever the number of segments, so the utilisation plot can ask
// for one value per pixel column at every zoom and resize of a million-segment run.
//
// Segments are added as a live run streams them (mostly in time order, so mostly appended) or all at once for a
// finished or opened run. A core is busy or not: segments that overlap on one core count once.
class OwnUtilisation
{
public:
    // Takes the running segments with a known core (0..127) out of `segments`; the rest are no CPU time of a known
    // core and are ignored. Costs O(1) per segment that begins after the core's last interval, O(k) for one that
    // lands k intervals before the end (a worker process's segment delivered late).
    void add(std::span<const Segment> segments);
    // The same for a whole trace at once: sorts per core instead of inserting, O(n log n).
    static OwnUtilisation fromSegments(std::span<const Segment> segments);

    // Cores up to the highest one a segment ran on (0 before any).
    int coreCount() const { return int(m_cores.size()); }
    bool isEmpty() const;
    // Nanoseconds core `core` was busy within [fromNs, toNs). O(log n).
    std::int64_t busyNs(int core, std::int64_t fromNs, std::int64_t toNs) const;
    // Summed over every core: core-nanoseconds.
    std::int64_t busyNs(std::int64_t fromNs, std::int64_t toNs) const;
    // Lane-nanoseconds within [fromNs, toNs) that lanes spent starting up (TaskState::StartingUp: a worker process
    // from its spawn to its first message, a thread to its first task). That work is the run's own but has no core
    // and no CPU clock of its own in the trace; lanes are summed, as each worker process starts on its own.
    // O(start-up spans): one per lane.
    std::int64_t startingUpNs(std::int64_t fromNs, std::int64_t toNs) const;

    // [beginNs, endNs) cut into `buckets` equal buckets: per core (coreCount() of them, or `cores` if larger), the
    // fraction 0..1 of each bucket the core was busy. O(cores × buckets × log n).
    std::vector<std::vector<float>> perCore(std::int64_t beginNs, std::int64_t endNs, int buckets, int cores = 0) const;
    // Where bucket i of such a call begins (i == buckets: where the last ends), in nanoseconds.
    static std::int64_t bucketEdgeNs(std::int64_t beginNs, std::int64_t endNs, int buckets, int i);

private:
    struct Core
    {
        std::vector<std::int64_t> begins; // sorted, disjoint with ends: [begins[i], ends[i])
        std::vector<std::int64_t> ends;
        std::vector<std::int64_t> busyBefore; // sum of the lengths of intervals 0..i-1

        void insert(std::int64_t beginNs, std::int64_t endNs);
        void recount(std::size_t from);
        std::int64_t busyUntil(std::int64_t timeNs) const;
        // The same for a time no earlier than the last one asked with this `from` (0 at first), which it updates.
        std::int64_t busyUntil(std::int64_t timeNs, std::size_t& from) const;
    };

    Core& core(int index);

    std::vector<Core> m_cores;
    std::vector<std::pair<std::int64_t, std::int64_t>> m_startingUp; // [begin, end) of each start-up segment
};

} // namespace conlab
