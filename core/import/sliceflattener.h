#pragma once

#include <cstdint>
#include <vector>

namespace conlab {

// One slice of one thread: [beginNs, endNs), and the caller's number for it.
struct Slice
{
    std::int64_t beginNs = 0;
    std::int64_t endNs = 0;
    std::int32_t id = 0;
};

// Cuts one thread's slices, which may nest or overlap, into pieces that do not: every moment belongs to the
// innermost slice covering it, the one that began last (of slices beginning together, the shorter; then the one
// with the higher id, i.e. later in the file). A child thus splits its parent in two. Pieces come in time order;
// adjacent pieces of one slice are merged; empty slices own no time and vanish.
std::vector<Slice> flattenSlices(std::vector<Slice> slices);

} // namespace conlab
