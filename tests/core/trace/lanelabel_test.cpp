#include "core/trace/lanelabel.h"

#include <gtest/gtest.h>

using namespace conlab;

// Without a translator (as in `conlab run` and these tests) conlab's own names come back as they are; the Russian
// ones are checked with the UI's translation installed (tests/ui/window/uilanguage_test.cpp).
TEST(LaneLabel, ConlabsOwnNamesAreRecognisedAndOthersLeftAlone)
{
    for (const char* name : {"thread 1", "process 12", "slot 3", "executor thread 2", "executor process 1"})
        EXPECT_EQ(laneLabel(QString::fromLatin1(name)), QString::fromLatin1(name));
    for (const char* name : {"GIL", "browser / main", "thread", "threads 2", "thread 2 (copy)", "worker 1"})
        EXPECT_EQ(laneLabel(QString::fromLatin1(name)), QString::fromLatin1(name));
}
