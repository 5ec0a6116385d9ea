#include "core/import/statematcher.h"

#include <gtest/gtest.h>

using namespace conlab;

TEST(StateMatcher, FindsKeysAndLabelsAsWholeWords)
{
    EXPECT_EQ(stateNamedIn("waiting_io"), TaskState::WaitingIo);
    EXPECT_EQ(stateNamedIn("read socket (Waiting for I/O)"), TaskState::WaitingIo);
    EXPECT_EQ(stateNamedIn("READY"), TaskState::Ready);
    EXPECT_EQ(stateNamedIn("ready_queue"), TaskState::Ready);
    EXPECT_EQ(stateNamedIn("gc: blocked_lock"), TaskState::BlockedLock);
    EXPECT_EQ(stateNamedIn("waiting for the GIL"), TaskState::WaitingGil);
    EXPECT_EQ(stateNamedIn("starting up"), TaskState::StartingUp);
}

TEST(StateMatcher, LongestMatchWins)
{
    EXPECT_EQ(stateNamedIn("running, blocking the loop"), TaskState::BlockingLoop);
    EXPECT_EQ(stateNamedIn("blocking_loop"), TaskState::BlockingLoop);
    EXPECT_EQ(stateNamedIn("running on CPU"), TaskState::Running);
}

TEST(StateMatcher, NoMatchInsideWordsOrOtherNames)
{
    EXPECT_EQ(stateNamedIn("already done"), std::nullopt);
    EXPECT_EQ(stateNamedIn("rerunning"), std::nullopt);
    EXPECT_EQ(stateNamedIn("ready2"), std::nullopt);
    EXPECT_EQ(stateNamedIn("compute"), std::nullopt);
    EXPECT_EQ(stateNamedIn(""), std::nullopt);
    // Only the start of a very long name is searched.
    EXPECT_EQ(stateNamedIn(std::string(300, 'x') + " ready"), std::nullopt);
}
