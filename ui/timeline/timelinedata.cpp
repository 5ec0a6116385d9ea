#include "ui/timeline/timelinedata.h"

#include "core/trace/lanearrangement.h"
#include "core/trace/laneprocess.h"
#include "ui/timeline/corelanes.h"
#include "ui/timeline/segmentfolding.h"

#include <algorithm>
#include <limits>

namespace conlab {

namespace {

bool beginsBefore(const Segment& a, const Segment& b)
{
    return a.beginNs < b.beginNs;
}

// Grows by a quarter rather than std::vector's doubling: a million segments then hold at most 25 % spare
// capacity (about 30 bytes each) instead of up to 100 % (48 bytes), and copying stays amortised O(1).
void reserveFor(std::vector<Segment>& lane, std::size_t extra)
{
    const std::size_t needed = lane.size() + extra;
    if (needed <= lane.capacity())
        return;
    lane.reserve(std::max({needed, lane.capacity() + lane.capacity() / 4, std::size_t(64)}));
}

} // namespace

void TimelineData::reset(std::vector<LaneInfo> lanes, std::int64_t originNs)
{
    m_lanes.clear();
    m_segments.clear();
    m_segments.shrink_to_fit();
    m_shared.reset();
    m_sharedLaneBegins.clear();
    m_rowOfLane.clear();
    m_lanesByIndex.clear();
    m_byCore = false;
    m_workers.clear();
    m_cores.clear();
    m_rowByCore.clear();
    m_staged.clear();
    addLanes(lanes);
    m_taskNames.clear();
    m_functionNames.clear();
    m_originNs = originNs;
    m_beginNs = originNs;
    m_endNs = originNs;
    m_segmentCount = 0;
}

void TimelineData::resetCores(std::vector<LaneInfo> workers, const std::vector<int>& cores, std::int64_t originNs)
{
    reset({}, originNs);
    m_byCore = true;
    m_workers = std::move(workers);
    m_rowByCore.assign(std::size_t(std::numeric_limits<std::int8_t>::max()) + 1, -1);
    for (int core : cores)
        addCore(core);
}

void TimelineData::assignCores(const TimelineData& lanes, const std::vector<int>& cores)
{
    resetCores(lanes.workers(), cores, lanes.originNs());
    m_taskNames = lanes.m_taskNames;
    m_functionNames = lanes.m_functionNames;
    // Every core first, so that a row found below keeps its index.
    for (int row = 0; row < lanes.laneCount(); ++row)
        addCoresOf(lanes.lane(row));
    for (int row = 0; row < lanes.laneCount(); ++row) {
        for (const Segment& segment : lanes.lane(row)) {
            if (showsOnCoreLane(segment, m_workers))
                m_segments[std::size_t(m_rowByCore[std::size_t(segment.core)])].push_back(segment);
        }
    }
    bool first = true;
    for (std::vector<Segment>& row : m_segments) {
        std::stable_sort(row.begin(), row.end(), beginsBefore);
        clipCoreLaneOverlaps(row);
        row.shrink_to_fit();
        for (const Segment& s : row) {
            m_beginNs = first ? s.beginNs : std::min(m_beginNs, s.beginNs);
            m_endNs = first ? s.endNs : std::max(m_endNs, s.endNs);
            first = false;
        }
        m_segmentCount += row.size();
    }
}

void TimelineData::addCoresOf(std::span<const Segment> segments)
{
    for (const Segment& segment : segments) {
        if (showsOnCoreLane(segment, m_workers) && m_rowByCore[std::size_t(segment.core)] < 0)
            addCore(segment.core);
    }
}

void TimelineData::addCore(int core)
{
    if (core < 0 || std::size_t(core) >= m_rowByCore.size() || m_rowByCore[std::size_t(core)] >= 0)
        return;
    const auto at = std::lower_bound(m_cores.begin(), m_cores.end(), core);
    const auto row = at - m_cores.begin();
    m_cores.insert(at, core);
    m_lanes.insert(m_lanes.begin() + row, LaneInfo {coreLaneName(core), LaneKind::Thread});
    m_segments.insert(m_segments.begin() + row, std::vector<Segment>());
    m_staged.resize(m_segments.size());
    for (std::size_t i = 0; i < m_cores.size(); ++i)
        m_rowByCore[std::size_t(m_cores[i])] = int(i);
}

void TimelineData::addLanes(const std::vector<LaneInfo>& lanes)
{
    if (m_byCore) {
        m_workers.insert(m_workers.end(), lanes.begin(), lanes.end());
        return;
    }
    m_lanesByIndex.insert(m_lanesByIndex.end(), lanes.begin(), lanes.end());
    // The shared trace's lanes are fixed: a lane added after it was shown needs storage of its own.
    if (m_shared && !lanes.empty())
        ownSegments();
    for (const LaneInfo& lane : lanes) {
        // After the last row of the same process; a process seen for the first time starts a group at the bottom.
        const int process = laneProcess(lane.name);
        auto row = std::find_if(m_lanes.rbegin(), m_lanes.rend(), [process](const LaneInfo& shown) {
            return laneProcess(shown.name) == process;
        }).base();
        if (row == m_lanes.begin() && !m_lanes.empty())
            row = m_lanes.end();
        const auto at = int(row - m_lanes.begin());
        m_lanes.insert(row, lane);
        m_segments.insert(m_segments.begin() + at, std::vector<Segment>());
        for (int& shown : m_rowOfLane) {
            if (shown >= at)
                ++shown;
        }
        m_rowOfLane.push_back(at);
    }
}

int TimelineData::rowOfLane(int lane) const
{
    return lane >= 0 && std::size_t(lane) < m_rowOfLane.size() ? m_rowOfLane[std::size_t(lane)] : -1;
}

void TimelineData::append(std::span<const Segment> segments)
{
    if (m_byCore) {
        appendByCore(segments);
        return;
    }
    if (m_shared && !segments.empty())
        ownSegments();
    // The recorder drains lane by lane, so a batch is a few long runs of one lane in time order: each run goes in
    // with one bulk append and no copy of the batch. Interleaved or out-of-order batches still work, run by run.
    const auto continuesRun = [&segments](std::size_t i) {
        return segments[i].lane == segments[i - 1].lane && segments[i - 1].beginNs <= segments[i].beginNs;
    };
    std::size_t begin = 0;
    while (begin < segments.size()) {
        std::size_t end = begin + 1;
        while (end < segments.size() && continuesRun(end))
            ++end;
        if (const int row = rowOfLane(segments[begin].lane); row >= 0)
            appendToLane(m_segments[std::size_t(row)], segments.subspan(begin, end - begin));
        begin = end;
    }
}

void TimelineData::appendByCore(std::span<const Segment> segments)
{
    // A batch brings each worker's segments in turn: one core's come from several workers, out of order.
    addCoresOf(segments);
    for (const Segment& segment : segments) {
        if (showsOnCoreLane(segment, m_workers))
            m_staged[std::size_t(m_rowByCore[std::size_t(segment.core)])].push_back(segment);
    }
    for (std::size_t row = 0; row < m_staged.size(); ++row) {
        std::vector<Segment>& staged = m_staged[row];
        if (staged.empty())
            continue;
        std::stable_sort(staged.begin(), staged.end(), beginsBefore);
        appendToLane(m_segments[row], staged);
        staged.clear();
    }
}

void TimelineData::appendToLane(std::vector<Segment>& lane, std::span<const Segment> sorted)
{
    if (sorted.empty())
        return;
    const bool wasEmpty = m_segmentCount == 0;
    std::int64_t batchBegin = sorted.front().beginNs;
    std::int64_t batchEnd = sorted.front().endNs;
    for (const Segment& s : sorted)
        batchEnd = std::max(batchEnd, s.endNs);
    m_beginNs = wasEmpty ? batchBegin : std::min(m_beginNs, batchBegin);
    m_endNs = wasEmpty ? batchEnd : std::max(m_endNs, batchEnd);
    m_segmentCount += sorted.size();

    reserveFor(lane, sorted.size());
    const auto oldSize = std::ptrdiff_t(lane.size());
    lane.insert(lane.end(), sorted.begin(), sorted.end());
    // Nearly always already in order; otherwise the late segments belong near the end, so merge only that tail.
    auto tailBegin = lane.begin() + oldSize;
    if (oldSize > 0 && sorted.front().beginNs < lane[std::size_t(oldSize - 1)].beginNs) {
        tailBegin = std::upper_bound(lane.begin(), lane.begin() + oldSize, sorted.front(), beginsBefore);
        std::inplace_merge(tailBegin, lane.begin() + oldSize, lane.end(), beginsBefore);
    }
    if (m_byCore)
        m_segmentCount -= clipCoreLaneOverlaps(lane, std::size_t(tailBegin - lane.begin()));
}

void TimelineData::assign(const Trace& trace)
{
    reset(trace.lanes, trace.originNs);
    // Rows by core are made from a TimelineData by lane (assignCores()); a trace comes here by lane.
    m_taskNames = trace.taskNames;
    m_functionNames = trace.functionNames;
    std::vector<std::size_t> counts(m_segments.size(), 0);
    for (const Segment& s : trace.segments) {
        if (const int row = rowOfLane(s.lane); row >= 0)
            ++counts[std::size_t(row)];
    }
    for (std::size_t i = 0; i < m_segments.size(); ++i)
        m_segments[i].reserve(counts[i]);

    bool first = true;
    for (const Segment& s : trace.segments) {
        const int row = rowOfLane(s.lane);
        if (row < 0)
            continue;
        m_segments[std::size_t(row)].push_back(s);
        m_beginNs = first ? s.beginNs : std::min(m_beginNs, s.beginNs);
        m_endNs = first ? s.endNs : std::max(m_endNs, s.endNs);
        first = false;
        ++m_segmentCount;
    }
    for (auto& lane : m_segments) {
        if (!std::is_sorted(lane.begin(), lane.end(), beginsBefore))
            std::stable_sort(lane.begin(), lane.end(), beginsBefore);
    }
}

void TimelineData::assign(std::shared_ptr<const Trace> trace)
{
    if (!trace || !isArrangedByLane(*trace)) {
        if (trace)
            assign(*trace);
        else
            reset({});
        return;
    }
    reset(trace->lanes, trace->originNs);
    m_taskNames = trace->taskNames;
    m_functionNames = trace->functionNames;
    const std::vector<Segment>& segments = trace->segments;
    m_sharedLaneBegins.assign(m_lanes.size() + 1, segments.size());
    std::size_t lane = 0;
    for (std::size_t i = 0; i <= segments.size(); ++i) {
        const std::size_t laneOfI = i < segments.size() ? segments[i].lane : m_lanes.size();
        while (lane <= laneOfI && lane < m_sharedLaneBegins.size())
            m_sharedLaneBegins[lane++] = i;
        if (i == segments.size())
            break;
        const Segment& s = segments[i];
        m_beginNs = i == 0 ? s.beginNs : std::min(m_beginNs, s.beginNs);
        m_endNs = i == 0 ? s.endNs : std::max(m_endNs, s.endNs);
    }
    m_segmentCount = segments.size();
    m_shared = std::move(trace);
}

void TimelineData::ownSegments()
{
    for (std::size_t i = 0; i < m_segments.size(); ++i) {
        const std::span<const Segment> shared = lane(int(i));
        m_segments[i].assign(shared.begin(), shared.end());
    }
    m_shared.reset();
    m_sharedLaneBegins.clear();
}

int TimelineData::coreOfRow(int row) const
{
    return m_byCore && row >= 0 && std::size_t(row) < m_cores.size() ? m_cores[std::size_t(row)] : -1;
}

QString TimelineData::taskName(int task) const
{
    return task >= 0 && std::size_t(task) < m_taskNames.size() ? m_taskNames[std::size_t(task)] : QString();
}

QString TimelineData::functionName(const Segment& segment) const
{
    const std::vector<LaneInfo>& lanes = workers();
    if (segment.task < 0 || std::size_t(segment.task) >= m_functionNames.size() || segment.lane >= lanes.size()
        || lanes[segment.lane].kind == LaneKind::Gil)
        return {};
    return m_functionNames[std::size_t(segment.task)];
}

void TimelineData::addFunctionNames(const std::vector<QString>& names)
{
    m_functionNames.insert(m_functionNames.end(), names.begin(), names.end());
}

std::span<const Segment> TimelineData::lane(int index) const
{
    if (index < 0 || index >= int(m_segments.size()))
        return {};
    if (m_shared) {
        // `index` is a row; the shared trace is arranged by lane index.
        const auto lane = std::size_t(std::find(m_rowOfLane.begin(), m_rowOfLane.end(), index) - m_rowOfLane.begin());
        const std::size_t begin = m_sharedLaneBegins[lane];
        return std::span<const Segment>(m_shared->segments).subspan(begin, m_sharedLaneBegins[lane + 1] - begin);
    }
    return m_segments[std::size_t(index)];
}

std::int64_t TimelineData::beginNs() const
{
    return m_beginNs;
}

std::int64_t TimelineData::endNs() const
{
    return m_endNs;
}

const Segment* TimelineData::segmentAt(int laneIndex, std::int64_t timeNs, std::int64_t toleranceNs) const
{
    const std::span<const Segment> segments = lane(laneIndex);
    const std::size_t i = firstSegmentEndingAfter(segments, timeNs);
    if (i < segments.size() && segments[i].beginNs <= timeNs)
        return &segments[i];

    // In a gap: the closer of the neighbours on either side, if close enough.
    const Segment* best = nullptr;
    std::int64_t bestDistance = toleranceNs;
    if (i > 0 && timeNs - segments[i - 1].endNs <= bestDistance) {
        best = &segments[i - 1];
        bestDistance = timeNs - segments[i - 1].endNs;
    }
    if (i < segments.size() && segments[i].beginNs - timeNs <= bestDistance
        && (!best || segments[i].beginNs - timeNs < bestDistance))
        best = &segments[i];
    return best;
}

std::size_t TimelineData::memoryBytes() const
{
    std::size_t bytes = sizeof(*this) + m_lanes.capacity() * sizeof(LaneInfo)
        + m_segments.capacity() * sizeof(std::vector<Segment>) + m_rowOfLane.capacity() * sizeof(int);
    for (const auto& lane : m_segments)
        bytes += lane.capacity() * sizeof(Segment);
    // Shared segments count in full: the view relies on them, even though the shown run holds them as well.
    if (m_shared)
        bytes += m_shared->segments.capacity() * sizeof(Segment) + m_sharedLaneBegins.capacity() * sizeof(std::size_t);
    return bytes;
}

double TimelineData::bytesPerSegment() const
{
    return m_segmentCount == 0 ? 0.0 : double(memoryBytes()) / double(m_segmentCount);
}

} // namespace conlab
