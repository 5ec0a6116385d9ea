#include "core/run/processstats.h"
#include "tests/core/testrun.h"

#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace conlab;

TEST(ProcessStats, ReadsThisProcessFromProc)
{
    const auto threads = processstats::threadCount();
    const auto fds = processstats::openFdCount();
    const auto children = processstats::childPids();
    const auto rss = processstats::rssMb();
    const auto sinceStart = processstats::msSinceStart();
    ASSERT_TRUE(threads && fds && children && rss && sinceStart);
    EXPECT_GE(*threads, 1);
    EXPECT_GE(*fds, 3); // stdin, stdout, stderr
    EXPECT_GT(*rss, 1.0);
    EXPECT_GT(*sinceStart, 0.0);
}

// Where /proc cannot be read (a container without it, a folder with nothing in it), every figure from it is missing,
// and the leak checks built on them fail instead of finding 0 <= 0.
TEST(ProcessStats, UnreadableProcIsMissingAndFailsTheLeakChecks)
{
    QTemporaryDir emptyProc;
    ASSERT_TRUE(emptyProc.isValid());
    for (const QString& proc : {emptyProc.path(), emptyProc.filePath(QStringLiteral("absent"))}) {
        SCOPED_TRACE(proc.toStdString());
        EXPECT_FALSE(processstats::threadCount(proc));
        EXPECT_FALSE(processstats::openFdCount(proc));
        EXPECT_FALSE(processstats::childPids(proc));
        EXPECT_FALSE(processstats::rssMb(proc));
        EXPECT_FALSE(processstats::msSinceStart(proc));
        EXPECT_FALSE(test::processCounts(proc));
        EXPECT_FALSE(test::settlesTo(test::ProcessCounts {1'000'000, 1'000'000}, proc));
        EXPECT_FALSE(test::noChildrenWithin(0, proc));
    }
    // The same checks pass on the real /proc, so what fails above is the missing /proc alone.
    EXPECT_TRUE(test::settlesTo(test::ProcessCounts {1'000'000, 1'000'000}));
}
