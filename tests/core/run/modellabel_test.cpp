#include "core/run/modellabel.h"

#include <gtest/gtest.h>

using namespace conlab;

TEST(ModelLabel, NamesTheModelWithItsGilAndExecutor)
{
    RunConfig config;
    EXPECT_EQ(modelLabel(config), QStringLiteral("sequential"));
    config.model = ModelKind::Threads;
    EXPECT_EQ(modelLabel(config), QStringLiteral("threads"));
    config.gil = true;
    EXPECT_EQ(modelLabel(config), QStringLiteral("threads + GIL"));
    config.model = ModelKind::Processes; // a GIL each: nothing to contend for
    EXPECT_EQ(modelLabel(config), QStringLiteral("processes"));
    config.model = ModelKind::EventLoop;
    config.offload = OffloadKind::Threads;
    EXPECT_EQ(modelLabel(config), QStringLiteral("event loop + thread executor + GIL"));
    config.gil = false;
    config.offload = OffloadKind::Processes;
    EXPECT_EQ(modelLabel(config), QStringLiteral("event loop + process executor"));
}
