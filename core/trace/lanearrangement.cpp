#include "core/trace/lanearrangement.h"

#include <algorithm>

namespace conlab {

void arrangeByLane(Trace& trace)
{
    if (isArrangedByLane(trace) && trace.segments.capacity() == trace.segments.size())
        return;
    // Counting by lane, then one placement pass: O(n), no comparison sort over the whole run. The recorder drains
    // each lane in time order, so a lane's segments are already sorted but for a rare late one; a lane that is not
    // gets a stable sort of its own. Segments of no known lane go last, in their order.
    const std::size_t lanes = trace.lanes.size();
    std::vector<std::size_t> begins(lanes + 2, 0);
    for (const Segment& s : trace.segments)
        ++begins[std::min<std::size_t>(s.lane, lanes) + 1];
    for (std::size_t i = 1; i < begins.size(); ++i)
        begins[i] += begins[i - 1];
    std::vector<Segment> arranged(trace.segments.size());
    std::vector<std::size_t> next(begins.begin(), begins.end() - 1);
    for (const Segment& s : trace.segments)
        arranged[next[std::min<std::size_t>(s.lane, lanes)]++] = s;
    const auto beginsBefore = [](const Segment& a, const Segment& b) { return a.beginNs < b.beginNs; };
    for (std::size_t lane = 0; lane < lanes; ++lane) {
        const auto first = arranged.begin() + std::ptrdiff_t(begins[lane]);
        const auto last = arranged.begin() + std::ptrdiff_t(begins[lane + 1]);
        if (!std::is_sorted(first, last, beginsBefore))
            std::stable_sort(first, last, beginsBefore);
    }
    trace.segments = std::move(arranged);
}

bool isArrangedByLane(const Trace& trace)
{
    const std::vector<Segment>& segments = trace.segments;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        if (segments[i].lane >= trace.lanes.size())
            return false;
        if (i > 0) {
            const Segment& before = segments[i - 1];
            if (before.lane > segments[i].lane
                || (before.lane == segments[i].lane && before.beginNs > segments[i].beginNs))
                return false;
        }
    }
    return true;
}

} // namespace conlab
