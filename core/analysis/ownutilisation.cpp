#include "core/analysis/ownutilisation.h"

#include <algorithm>
#include <utility>

namespace conlab {

namespace {

bool countsAsOwnCpu(const Segment& segment)
{
    return segment.state == TaskState::Running && segment.core >= 0 && segment.endNs > segment.beginNs;
}

bool isStartUp(const Segment& segment)
{
    return segment.state == TaskState::StartingUp && segment.endNs > segment.beginNs;
}

} // namespace

void OwnUtilisation::Core::insert(std::int64_t beginNs, std::int64_t endNs)
{
    const std::size_t n = begins.size();
    if (n == 0 || beginNs > ends.back()) {
        busyBefore.push_back(n == 0 ? 0 : busyBefore.back() + (ends.back() - begins.back()));
        begins.push_back(beginNs);
        ends.push_back(endNs);
        return;
    }
    if (beginNs >= begins.back()) {
        // Touches or overlaps the last interval: only its end moves, and nothing comes after it.
        ends.back() = std::max(ends.back(), endNs);
        return;
    }
    // Earlier than the last interval: merge with every interval it touches, then recount from there. A late
    // segment lands near the end, so the recount is short.
    const auto first = std::size_t(std::lower_bound(ends.begin(), ends.end(), beginNs) - ends.begin());
    const auto past = std::size_t(std::upper_bound(begins.begin(), begins.end(), endNs) - begins.begin());
    if (first == past) {
        begins.insert(begins.begin() + std::ptrdiff_t(first), beginNs);
        ends.insert(ends.begin() + std::ptrdiff_t(first), endNs);
        busyBefore.insert(busyBefore.begin() + std::ptrdiff_t(first), 0);
    } else {
        begins[first] = std::min(beginNs, begins[first]);
        ends[first] = std::max(endNs, ends[past - 1]);
        begins.erase(begins.begin() + std::ptrdiff_t(first + 1), begins.begin() + std::ptrdiff_t(past));
        ends.erase(ends.begin() + std::ptrdiff_t(first + 1), ends.begin() + std::ptrdiff_t(past));
        busyBefore.erase(busyBefore.begin() + std::ptrdiff_t(first + 1), busyBefore.begin() + std::ptrdiff_t(past));
    }
    recount(first);
}

void OwnUtilisation::Core::recount(std::size_t from)
{
    for (std::size_t i = from; i < begins.size(); ++i)
        busyBefore[i] = i == 0 ? 0 : busyBefore[i - 1] + (ends[i - 1] - begins[i - 1]);
}

std::int64_t OwnUtilisation::Core::busyUntil(std::int64_t timeNs) const
{
    std::size_t from = 0;
    return busyUntil(timeNs, from);
}

std::int64_t OwnUtilisation::Core::busyUntil(std::int64_t timeNs, std::size_t& from) const
{
    // Every interval before `from` begins at or before timeNs. Gallop to an interval that begins after it, then
    // search between: a sweep over a screen's buckets visits each stretch of intervals about once.
    std::size_t low = from;
    std::size_t high = from;
    for (std::size_t step = 1; high < begins.size() && begins[high] <= timeNs; step *= 2) {
        low = high + 1;
        high += step;
    }
    high = std::min(high, begins.size());
    const auto after
        = std::upper_bound(begins.begin() + std::ptrdiff_t(low), begins.begin() + std::ptrdiff_t(high), timeNs);
    from = std::size_t(after - begins.begin());
    if (after == begins.begin())
        return 0;
    const auto i = std::size_t(after - begins.begin()) - 1;
    return busyBefore[i] + (std::min(timeNs, ends[i]) - begins[i]);
}

OwnUtilisation::Core& OwnUtilisation::core(int index)
{
    if (std::size_t(index) >= m_cores.size())
        m_cores.resize(std::size_t(index) + 1);
    return m_cores[std::size_t(index)];
}

void OwnUtilisation::add(std::span<const Segment> segments)
{
    // A batch holds the lanes one after another: in begin order per core, nearly every segment is an append.
    std::vector<const Segment*> running;
    running.reserve(segments.size());
    for (const Segment& segment : segments) {
        if (countsAsOwnCpu(segment))
            running.push_back(&segment);
        else if (isStartUp(segment))
            m_startingUp.emplace_back(segment.beginNs, segment.endNs);
    }
    std::sort(running.begin(), running.end(), [](const Segment* a, const Segment* b) {
        return a->core != b->core ? a->core < b->core : a->beginNs < b->beginNs;
    });
    for (const Segment* segment : running)
        core(segment->core).insert(segment->beginNs, segment->endNs);
}

OwnUtilisation OwnUtilisation::fromSegments(std::span<const Segment> segments)
{
    std::vector<std::vector<std::pair<std::int64_t, std::int64_t>>> perCore;
    OwnUtilisation result;
    for (const Segment& segment : segments) {
        if (isStartUp(segment))
            result.m_startingUp.emplace_back(segment.beginNs, segment.endNs);
        if (!countsAsOwnCpu(segment))
            continue;
        if (std::size_t(segment.core) >= perCore.size())
            perCore.resize(std::size_t(segment.core) + 1);
        perCore[std::size_t(segment.core)].emplace_back(segment.beginNs, segment.endNs);
    }
    result.m_cores.resize(perCore.size());
    for (std::size_t c = 0; c < perCore.size(); ++c) {
        auto& intervals = perCore[c];
        std::sort(intervals.begin(), intervals.end());
        Core& target = result.m_cores[c];
        for (const auto& [begin, end] : intervals)
            target.insert(begin, end); // sorted: always an append or an extension of the last
    }
    return result;
}

bool OwnUtilisation::isEmpty() const
{
    return std::all_of(m_cores.begin(), m_cores.end(), [](const Core& c) { return c.begins.empty(); });
}

std::int64_t OwnUtilisation::busyNs(int core, std::int64_t fromNs, std::int64_t toNs) const
{
    if (core < 0 || std::size_t(core) >= m_cores.size() || toNs <= fromNs)
        return 0;
    const Core& c = m_cores[std::size_t(core)];
    return c.busyUntil(toNs) - c.busyUntil(fromNs);
}

std::int64_t OwnUtilisation::busyNs(std::int64_t fromNs, std::int64_t toNs) const
{
    std::int64_t total = 0;
    for (int c = 0; c < coreCount(); ++c)
        total += busyNs(c, fromNs, toNs);
    return total;
}

std::int64_t OwnUtilisation::startingUpNs(std::int64_t fromNs, std::int64_t toNs) const
{
    std::int64_t total = 0;
    for (const auto& [begin, end] : m_startingUp)
        total += std::max<std::int64_t>(0, std::min(end, toNs) - std::max(begin, fromNs));
    return total;
}

std::int64_t OwnUtilisation::bucketEdgeNs(std::int64_t beginNs, std::int64_t endNs, int buckets, int i)
{
    // Whole and remainder parts apart: exact, and no overflow for an hour-long range cut into thousands of buckets.
    const std::int64_t span = endNs - beginNs;
    return beginNs + span / buckets * i + span % buckets * i / buckets;
}

std::vector<std::vector<float>> OwnUtilisation::perCore(
    std::int64_t beginNs, std::int64_t endNs, int buckets, int cores) const
{
    const int count = std::max(cores, coreCount());
    std::vector<std::vector<float>> result(static_cast<std::size_t>(count));
    if (buckets <= 0 || endNs <= beginNs)
        return result;
    for (int c = 0; c < count; ++c) {
        std::vector<float>& fractions = result[std::size_t(c)];
        fractions.assign(std::size_t(buckets), 0.0f);
        if (std::size_t(c) >= m_cores.size() || m_cores[std::size_t(c)].begins.empty())
            continue;
        const Core& core = m_cores[std::size_t(c)];
        std::int64_t edge = beginNs;
        std::int64_t busyAtEdge = core.busyUntil(edge);
        std::size_t searchFrom = 0; // the edges only grow: each search starts where the last ended
        for (int i = 0; i < buckets; ++i) {
            const std::int64_t next = bucketEdgeNs(beginNs, endNs, buckets, i + 1);
            const std::int64_t busyAtNext = core.busyUntil(next, searchFrom);
            if (next > edge) {
                fractions[std::size_t(i)] = float(double(busyAtNext - busyAtEdge) / double(next - edge));
            } else {
                // Zoomed below a nanosecond per bucket: the bucket shows whether the core was busy at that instant.
                fractions[std::size_t(i)] = float(core.busyUntil(edge + 1) - busyAtEdge);
            }
            edge = next;
            busyAtEdge = busyAtNext;
        }
    }
    return result;
}

} // namespace conlab
