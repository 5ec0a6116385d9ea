#include "core/python/outputcapture.h"
#include "core/python/pythonfacts.h"

#include <gtest/gtest.h>
#include <string>

using namespace conlab;

TEST(OutputCapture, KeepsEverythingUnderTheCap)
{
    OutputCapture capture(1000);
    capture.append("hello\n", 6);
    capture.append("world\n", 6);
    EXPECT_EQ(capture.text(), QStringLiteral("hello\nworld\n"));
    EXPECT_EQ(capture.droppedBytes(), 0u);
}

// Megabytes in small writes, as a chatty script prints: memory stays at the cap, and both the first and the last
// lines (the traceback) are kept.
TEST(OutputCapture, KeepsTheHeadAndTheTailOfMegabytes)
{
    constexpr std::size_t cap = 64 * 1024;
    OutputCapture capture(cap);
    capture.append("first line\n", 11);
    const std::string line(99, 'x');
    for (int i = 0; i < 50'000; ++i) {
        capture.append(line.data(), line.size());
        capture.append("\n", 1);
    }
    capture.append("last line\n", 10);
    const QString text = capture.text();
    EXPECT_TRUE(text.startsWith(QStringLiteral("first line\n")));
    EXPECT_TRUE(text.endsWith(QStringLiteral("last line\n")));
    EXPECT_TRUE(text.contains(QStringLiteral("bytes of output dropped")));
    EXPECT_EQ(capture.totalBytes(), 11u + 50'000u * 100u + 10u);
    EXPECT_EQ(capture.droppedBytes(), capture.totalBytes() - cap);
    EXPECT_LT(std::size_t(text.size()), cap + 200);
}

TEST(OutputCapture, AWriteLargerThanTheTailKeepsItsEnd)
{
    OutputCapture capture(100);
    const std::string big = std::string(500, 'a') + "END";
    capture.append(big.data(), big.size());
    EXPECT_TRUE(capture.text().endsWith(QStringLiteral("aEND")));
    EXPECT_EQ(capture.droppedBytes(), 503u - 100u);
}

TEST(PythonFacts, LastLinesIgnoresTheTrailingNewline)
{
    EXPECT_EQ(lastLines(QStringLiteral("a\nb\nc\n"), 2), QStringLiteral("b\nc"));
    EXPECT_EQ(lastLines(QStringLiteral("a\nb"), 5), QStringLiteral("a\nb"));
    EXPECT_EQ(lastLines(QString(), 3), QString());
}
