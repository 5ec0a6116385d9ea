#include "core/analysis/ownutilisation.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <random>

using namespace conlab;

namespace {

Segment running(std::int64_t beginNs, std::int64_t endNs, int core, std::uint16_t lane = 0)
{
    Segment segment;
    segment.beginNs = beginNs;
    segment.endNs = endNs;
    segment.lane = lane;
    segment.state = TaskState::Running;
    segment.core = std::int8_t(core);
    return segment;
}

Segment inState(TaskState state, std::int64_t beginNs, std::int64_t endNs, int core)
{
    Segment segment = running(beginNs, endNs, core);
    segment.state = state;
    return segment;
}

} // namespace

TEST(OwnUtilisation, GivesEachBucketTheFractionItsCoreRan)
{
    // Buckets of 100 ns over [0, 400). Core 0 runs [50, 250): half of bucket 0, all of 1, half of 2. Core 1 runs
    // [300, 325) and [375, 400): half of bucket 3.
    OwnUtilisation own;
    const std::vector<Segment> segments {running(50, 250, 0), running(300, 325, 1), running(375, 400, 1)};
    own.add(segments);
    const auto fractions = own.perCore(0, 400, 4);
    ASSERT_EQ(fractions.size(), 2u);
    EXPECT_EQ(fractions[0], (std::vector<float> {0.5f, 1.0f, 0.5f, 0.0f}));
    EXPECT_EQ(fractions[1], (std::vector<float> {0.0f, 0.0f, 0.0f, 0.5f}));
}

TEST(OwnUtilisation, CountsOnlyRunningWithAKnownCore)
{
    OwnUtilisation own;
    const std::vector<Segment> segments {inState(TaskState::Ready, 0, 100, 0), inState(TaskState::WaitingIo, 0, 100, 0),
        inState(TaskState::WaitingGil, 0, 100, 0), running(0, 100, -1), running(0, 40, 0)};
    own.add(segments);
    EXPECT_EQ(own.busyNs(0, 0, 100), 40);
    EXPECT_EQ(own.perCore(0, 100, 1, 2), (std::vector<std::vector<float>> {{0.4f}, {0.0f}}))
        << "asked for two cores: the second is idle, not missing";
}

TEST(OwnUtilisation, SegmentsOverlappingOnOneCoreCountOnce)
{
    // Two lanes that both claim core 0 over [100, 200) (a thread migrated mid-segment): the core was busy once.
    OwnUtilisation own;
    const std::vector<Segment> segments {running(0, 200, 0, 1), running(100, 300, 0, 2), running(150, 160, 0, 3)};
    own.add(segments);
    EXPECT_EQ(own.busyNs(0, 0, 1000), 300);
    EXPECT_EQ(own.perCore(0, 400, 2)[0], (std::vector<float> {1.0f, 0.5f}));
}

TEST(OwnUtilisation, LateSegmentsLandInTheirPlace)
{
    // A worker process's segments arrive after later ones of other lanes: inserted, merged and recounted.
    OwnUtilisation own;
    own.add(std::vector<Segment> {running(1000, 1100, 0), running(2000, 2100, 0)});
    own.add(std::vector<Segment> {running(500, 600, 0)});
    own.add(std::vector<Segment> {running(1050, 1500, 0)}); // overlaps the second interval
    own.add(std::vector<Segment> {running(1500, 2000, 0)}); // joins it to the third
    own.add(std::vector<Segment> {running(0, 10, 0)});
    EXPECT_EQ(own.busyNs(0, 0, 3000), 10 + 100 + 1100);
    EXPECT_EQ(own.busyNs(0, 1900, 2050), 150);
    EXPECT_EQ(own.busyNs(0, 550, 1050), 50 + 50);
}

TEST(OwnUtilisation, StreamedAndWholeTraceAgree)
{
    // Random running segments on 3 cores, streamed in batches in a shuffled order against all at once.
    std::mt19937 rng(11);
    std::uniform_int_distribution<std::int64_t> start(0, 1'000'000);
    std::uniform_int_distribution<std::int64_t> length(1, 5'000);
    std::uniform_int_distribution<int> core(0, 2);
    std::vector<Segment> segments;
    for (int i = 0; i < 3000; ++i) {
        const std::int64_t begin = start(rng);
        segments.push_back(running(begin, begin + length(rng), core(rng)));
    }
    OwnUtilisation streamed;
    for (std::size_t i = 0; i < segments.size(); i += 97)
        streamed.add(std::span(segments).subspan(i, std::min<std::size_t>(97, segments.size() - i)));
    const OwnUtilisation whole = OwnUtilisation::fromSegments(segments);
    ASSERT_EQ(streamed.coreCount(), 3);
    ASSERT_EQ(whole.coreCount(), 3);
    EXPECT_EQ(streamed.perCore(0, 1'005'000, 1600), whole.perCore(0, 1'005'000, 1600));

    // And both against counting every nanosecond-sized piece by brute force, in one small range.
    for (int c = 0; c < 3; ++c) {
        std::int64_t brute = 0;
        for (std::int64_t t = 400'000; t < 420'000; ++t) {
            brute += std::any_of(segments.begin(), segments.end(),
                [&](const Segment& s) { return s.core == c && s.beginNs <= t && t < s.endNs; });
        }
        EXPECT_EQ(whole.busyNs(c, 400'000, 420'000), brute) << "core " << c;
        EXPECT_EQ(streamed.busyNs(c, 400'000, 420'000), brute) << "core " << c;
    }
}

TEST(OwnUtilisation, BucketsCoverTheRangeExactly)
{
    // 1,000 ns in 3 buckets: edges 0, 333, 666, 1000, none lost to rounding.
    EXPECT_EQ(OwnUtilisation::bucketEdgeNs(0, 1000, 3, 0), 0);
    EXPECT_EQ(OwnUtilisation::bucketEdgeNs(0, 1000, 3, 1), 333);
    EXPECT_EQ(OwnUtilisation::bucketEdgeNs(0, 1000, 3, 3), 1000);
    // An hour in nanoseconds cut into 4,000 buckets from a boot time of weeks: no overflow.
    const std::int64_t origin = 3'000'000'000'000'000LL;
    const std::int64_t hour = 3'600'000'000'000LL;
    EXPECT_EQ(OwnUtilisation::bucketEdgeNs(origin, origin + hour, 4000, 4000), origin + hour);
    EXPECT_EQ(OwnUtilisation::bucketEdgeNs(origin, origin + hour, 4000, 1), origin + hour / 4000);

    OwnUtilisation own;
    own.add(std::vector<Segment> {running(0, 1000, 0)});
    const auto thirds = own.perCore(0, 1000, 3);
    EXPECT_EQ(thirds[0], (std::vector<float> {1.0f, 1.0f, 1.0f}));
    // Zoomed below a nanosecond per bucket, each bucket says whether the core was busy at its instant.
    EXPECT_EQ(own.perCore(998, 1001, 6)[0], (std::vector<float> {1.0f, 1.0f, 1.0f, 1.0f, 0.0f, 0.0f}));
}

TEST(OwnUtilisation, EmptyRangesAndEmptyTracesGiveZeros)
{
    OwnUtilisation own;
    EXPECT_TRUE(own.isEmpty());
    EXPECT_EQ(own.perCore(0, 100, 4, 2), (std::vector<std::vector<float>> {{0, 0, 0, 0}, {0, 0, 0, 0}}));
    own.add(std::vector<Segment> {running(10, 20, 1)});
    EXPECT_FALSE(own.isEmpty());
    EXPECT_EQ(own.coreCount(), 2);
    EXPECT_EQ(own.busyNs(1, 20, 10), 0) << "a reversed range";
    EXPECT_EQ(own.busyNs(5, 0, 100), 0) << "a core no segment ran on";
    EXPECT_TRUE(own.perCore(100, 100, 4)[1].empty()) << "an empty range has no buckets";
}
