#include "core/import/sliceflattener.h"

#include <gtest/gtest.h>
#include <tuple>
#include <vector>

using namespace conlab;

namespace {

using Pieces = std::vector<std::tuple<std::int64_t, std::int64_t, int>>;

Pieces flatten(std::vector<Slice> slices)
{
    Pieces pieces;
    for (const Slice& piece : flattenSlices(std::move(slices)))
        pieces.emplace_back(piece.beginNs, piece.endNs, piece.id);
    return pieces;
}

} // namespace

TEST(SliceFlattener, ChildSplitsItsParent)
{
    EXPECT_EQ(flatten({{0, 100, 1}, {20, 30, 2}, {50, 60, 3}}),
        (Pieces {{0, 20, 1}, {20, 30, 2}, {30, 50, 1}, {50, 60, 3}, {60, 100, 1}}));
}

TEST(SliceFlattener, InnermostOwnsEachMomentAtAnyDepth)
{
    // frame > layout > paint, given out of order.
    EXPECT_EQ(flatten({{25, 30, 3}, {0, 100, 1}, {10, 40, 2}}),
        (Pieces {{0, 10, 1}, {10, 25, 2}, {25, 30, 3}, {30, 40, 2}, {40, 100, 1}}));
}

TEST(SliceFlattener, ChildrenEndingWithTheirParentAndSiblingsBackToBack)
{
    EXPECT_EQ(flatten({{0, 10, 1}, {0, 4, 2}, {4, 10, 3}}), (Pieces {{0, 4, 2}, {4, 10, 3}}));
}

TEST(SliceFlattener, SameBeginTheShorterIsInner)
{
    EXPECT_EQ(flatten({{0, 5, 2}, {0, 10, 1}}), (Pieces {{0, 5, 2}, {5, 10, 1}}));
    // Identical slices: the later one in the file is inner, and owns it all.
    EXPECT_EQ(flatten({{0, 10, 1}, {0, 10, 2}}), (Pieces {{0, 10, 2}}));
}

TEST(SliceFlattener, OverlapWithoutNestingGoesToTheLaterSlice)
{
    EXPECT_EQ(flatten({{0, 10, 1}, {5, 15, 2}}), (Pieces {{0, 5, 1}, {5, 15, 2}}));
    // An outer slice that ended while an inner one owned the time does not come back.
    EXPECT_EQ(flatten({{0, 10, 1}, {5, 15, 2}, {20, 25, 3}}), (Pieces {{0, 5, 1}, {5, 15, 2}, {20, 25, 3}}));
}

TEST(SliceFlattener, EmptySlicesOwnNothingAndDoNotSplit)
{
    EXPECT_EQ(flatten({{0, 10, 1}, {4, 4, 2}}), (Pieces {{0, 10, 1}}));
    EXPECT_EQ(flatten({{3, 3, 1}}), Pieces {});
    EXPECT_EQ(flatten({}), Pieces {});
}

TEST(SliceFlattener, GapsStayGapsAndNegativeTimesWork)
{
    EXPECT_EQ(flatten({{-20, -10, 1}, {5, 6, 2}}), (Pieces {{-20, -10, 1}, {5, 6, 2}}));
}
