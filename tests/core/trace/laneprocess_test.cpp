#include "core/trace/laneprocess.h"

#include <gtest/gtest.h>

using namespace conlab;

TEST(LaneProcess, ReadsBackThePidItsSuffixCarries)
{
    EXPECT_EQ(laneProcess(QStringLiteral("Thread-1") + processLaneSuffix(4242)), 4242);
    EXPECT_EQ(laneProcess(QStringLiteral("GIL") + processLaneSuffix(7)), 7);
    EXPECT_EQ(laneProcess(QStringLiteral("MainThread")), 0);
    EXPECT_EQ(laneProcess(QStringLiteral("GIL")), 0);
    EXPECT_EQ(laneProcess(QStringLiteral("thread 3")), 0);
    EXPECT_EQ(laneProcess(QStringLiteral("odd [pid x]")), 0);
    EXPECT_EQ(laneProcess(QStringLiteral("[pid 12] not at the end")), 0);
}
