#include "core/analysis/speedup.h"

#include <gtest/gtest.h>

using namespace conlab;

TEST(Speedup, NoNumberForARunThatDidNotComplete)
{
    RunSummary baseline;
    baseline.wallMs = 1000;
    RunSummary run;
    run.wallMs = 250;
    EXPECT_DOUBLE_EQ(*speedupOver(baseline, run), 4.0);
    run.cancelled = true;
    EXPECT_FALSE(speedupOver(baseline, run));
    run.cancelled = false;
    run.error = QStringLiteral("failed");
    EXPECT_FALSE(speedupOver(baseline, run));
    EXPECT_FALSE(speedupOver(RunSummary {}, baseline));
}
