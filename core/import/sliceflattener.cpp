#include "core/import/sliceflattener.h"

#include <algorithm>
#include <limits>

namespace conlab {

std::vector<Slice> flattenSlices(std::vector<Slice> slices)
{
    // The order in which slices open; the innermost open one is always the most recently opened one still open.
    std::sort(slices.begin(), slices.end(), [](const Slice& a, const Slice& b) {
        if (a.beginNs != b.beginNs)
            return a.beginNs < b.beginNs;
        if (a.endNs != b.endNs)
            return a.endNs > b.endNs;
        return a.id < b.id;
    });

    std::vector<Slice> pieces;
    std::vector<Slice> open;
    std::int64_t now = std::numeric_limits<std::int64_t>::min();
    const auto emit = [&pieces](const Slice& owner, std::int64_t begin, std::int64_t end) {
        if (!pieces.empty() && pieces.back().id == owner.id && pieces.back().endNs == begin)
            pieces.back().endNs = end;
        else
            pieces.push_back({begin, end, owner.id});
    };
    // Hands the time up to `until` to the open slices, innermost first, closing those that end on the way.
    const auto advance = [&](std::int64_t until) {
        while (!open.empty()) {
            const Slice top = open.back();
            if (top.endNs <= now) { // ended while an inner slice owned the time
                open.pop_back();
                continue;
            }
            const std::int64_t end = std::min(top.endNs, until);
            if (end > now) {
                emit(top, now, end);
                now = end;
            }
            if (top.endNs > until)
                break;
            open.pop_back();
        }
        now = std::max(now, until);
    };

    for (const Slice& slice : slices) {
        advance(slice.beginNs);
        open.push_back(slice);
    }
    advance(std::numeric_limits<std::int64_t>::max());
    return pieces;
}

} // namespace conlab
