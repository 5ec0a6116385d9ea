#pragma once

#include "core/trace/segment.h"
#include "core/trace/trace.h"

#include <QString>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace conlab {

// Every segment of one run, lane by lane, each lane sorted by begin: what the timeline draws and hovers.
// Plain storage with no Qt object behind it, so it can be filled and measured without a widget.
// Lanes are shown in rows grouped by process (laneProcess(): an observed program's child processes name their
// lanes "... [pid N]"), each process's lanes in the order they came: a lane added during the run (TraceBatch::newLanes)
// joins the end of its process's group, so a row is not always the lane of the same index. Every lane of conlab's
// own models belongs to the run's process: for them rows and lanes are the same.
//
// The Cores view keeps a second TimelineData whose rows are cores (resetCores()): each row holds the running segments
// its core ran, of every worker (corelanes.h says which), so folding, hover and drawing are the same code for both.
class TimelineData
{
public:
    void reset(std::vector<LaneInfo> lanes, std::int64_t originNs = 0);
    // Rows by core: one for each of `cores`, and one more for any other core a segment names, in core order.
    // `workers` are the run's lanes; segments keep naming them, so that a core's bar says whose it was.
    void resetCores(std::vector<LaneInfo> workers, const std::vector<int>& cores, std::int64_t originNs = 0);
    // The same, filled with the running segments of every lane of `lanes` (a TimelineData by lane).
    void assignCores(const TimelineData& lanes, const std::vector<int>& cores);
    bool byCore() const { return m_byCore; }
    // The run's lanes by lane index: what a segment's `lane` names, in either kind of rows.
    const std::vector<LaneInfo>& workers() const { return m_byCore ? m_workers : m_lanesByIndex; }
    // Rows by core: the core row `row` shows; -1 otherwise.
    int coreOfRow(int row) const;
    // Lanes the run added as it went; they take the next lane indices, in this order.
    void addLanes(const std::vector<LaneInfo>& lanes);
    // Segments may come in any lane order, and within a lane slightly out of order (a worker's segment one batch
    // late): those are merged into place near the end. Segments of unknown lanes are dropped.
    void append(std::span<const Segment> segments);
    void append(const std::vector<Segment>& segments) { append(std::span<const Segment>(segments)); }
    // A whole run at once: sized exactly, so a restored trace costs no spare capacity.
    void assign(const Trace& trace);
    // The same, without a copy when the trace is arranged by lane (lanearrangement.h, as a finished run's is): the
    // lanes are then views into the shared trace, which the window keeps anyway, so a shown run is held once.
    void assign(std::shared_ptr<const Trace> trace);

    // Everything below is by row (top to bottom), except rowOfLane()'s argument.
    int laneCount() const { return int(m_lanes.size()); }
    const std::vector<LaneInfo>& lanes() const { return m_lanes; }
    std::span<const Segment> lane(int index) const;
    // The row of the lane a segment (or a GIL segment's holder) names; -1 for no such lane.
    int rowOfLane(int lane) const;
    std::int64_t originNs() const { return m_originNs; }
    // A trace from another tool names its tasks (Trace::taskNames); empty when the segment's task has no name.
    QString taskName(int task) const;
    bool hasTaskNames() const { return !m_taskNames.empty(); }
    // An observed Python run names the function each thread lane segment was in (Trace::functionNames); empty for a
    // GIL lane's segment, where none is known, and in every other run.
    QString functionName(const Segment& segment) const;
    // Functions a running observation named since the last batch (TraceBatch::newFunctionNames).
    void addFunctionNames(const std::vector<QString>& names);
    bool namesFunctions() const { return !m_functionNames.empty(); }

    bool isEmpty() const { return m_segmentCount == 0; }
    std::size_t segmentCount() const { return m_segmentCount; }
    // Earliest begin and latest end over all lanes; both originNs() while empty.
    std::int64_t beginNs() const;
    std::int64_t endNs() const;

    // The segment of `lane` covering timeNs, else the nearest one within toleranceNs (hover on a segment narrower
    // than a pixel), else nullptr.
    const Segment* segmentAt(int lane, std::int64_t timeNs, std::int64_t toleranceNs = 0) const;

    // Heap and object bytes held for the segments, spare capacity included: the honest memory cost of the view.
    std::size_t memoryBytes() const;
    double bytesPerSegment() const;

private:
    void appendToLane(std::vector<Segment>& lane, std::span<const Segment> sorted);
    void appendByCore(std::span<const Segment> segments);
    // Rows by core: a row for `core` in core order, or for every core `segments` show on that has none yet. A row
    // made moves the later ones down, so rows are made before segments are put in them.
    void addCore(int core);
    void addCoresOf(std::span<const Segment> segments);
    // Copies the shared trace's lanes into storage of its own, before anything is appended to them.
    void ownSegments();

    std::vector<LaneInfo> m_lanes; // by row
    std::vector<LaneInfo> m_lanesByIndex; // by lane index
    bool m_byCore = false;
    std::vector<LaneInfo> m_workers; // rows by core: the run's lanes, by lane index
    std::vector<int> m_cores; // rows by core: the core of each row
    std::vector<int> m_rowByCore; // rows by core: the row of each core (a Segment's core is below 128), or -1
    std::vector<std::vector<Segment>> m_staged; // rows by core: a batch's segments per row, reused
    std::vector<std::vector<Segment>> m_segments; // by row; empty while m_shared holds them
    std::vector<int> m_rowOfLane; // by lane index
    std::shared_ptr<const Trace> m_shared; // a trace arranged by lane whose segments are the lanes
    std::vector<std::size_t> m_sharedLaneBegins; // lane i is m_shared->segments[begins[i], begins[i + 1])
    std::vector<QString> m_taskNames;
    std::vector<QString> m_functionNames;
    std::int64_t m_originNs = 0;
    std::int64_t m_beginNs = 0;
    std::int64_t m_endNs = 0;
    std::size_t m_segmentCount = 0;
};

} // namespace conlab
