#include "core/sampling/procstatparser.h"

#include <QFile>
#include <cmath>
#include <gtest/gtest.h>

namespace conlab {
namespace {

QByteArray loadFixture(const char* name)
{
    QFile file(QStringLiteral(CONLAB_TEST_DATA_DIR "/core/sampling/fixtures/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

ProcStatSnapshot parseFixture(const char* name)
{
    const QByteArray text = loadFixture(name);
    EXPECT_FALSE(text.isEmpty()) << "missing fixture " << name;
    QString error;
    std::optional<ProcStatSnapshot> snapshot = parseProcStat(text, &error);
    EXPECT_TRUE(snapshot.has_value()) << name << ": " << error.toStdString();
    return snapshot.value_or(ProcStatSnapshot {});
}

ProcStatSnapshot snapshotOf(std::map<int, CoreTimes> cores)
{
    return ProcStatSnapshot {std::move(cores)};
}

} // namespace

TEST(ProcStatParser, TwoCoreFixtureSumsTheRightFields)
{
    const ProcStatSnapshot snapshot = parseFixture("two-core-a.txt");

    ASSERT_EQ(snapshot.cores.size(), 2u) << "the aggregate \"cpu \" line must not count as a core";
    // cpu0 10000 200 3000 50000 500 100 50 10 0 0
    //   busy  = user 10000 + nice 200 + system 3000 + irq 100 + softirq 50 + steal 10 = 13360
    //   total = busy 13360 + idle 50000 + iowait 500 = 63860
    EXPECT_EQ(snapshot.cores.at(0).busy, 13360u);
    EXPECT_EQ(snapshot.cores.at(0).total, 63860u);
    // cpu1 8000 100 2000 55000 300 60 40 0 400 0: guest 400 is already inside user 8000, so it is not added.
    //   busy  = 8000 + 100 + 2000 + 60 + 40 + 0 = 10200
    //   total = 10200 + 55000 + 300 = 65500
    EXPECT_EQ(snapshot.cores.at(1).busy, 10200u);
    EXPECT_EQ(snapshot.cores.at(1).total, 65500u);
}

TEST(ProcStatParser, TwoCoreUtilisationFromFixtureDeltas)
{
    const ProcStatSnapshot before = parseFixture("two-core-a.txt");
    const ProcStatSnapshot after = parseFixture("two-core-b.txt");

    // cpu0: user +58, system +15, irq +3, softirq +2, steal +2 -> busy +80; idle +21, iowait +0 -> total +101
    //       80 / 101 = 79.2079 %
    // cpu1: user +20 (guest +10 inside it), nice +2, system +8, irq +1, softirq +4 -> busy +35;
    //       idle +60, iowait +5 -> total +100; 35 / 100 = 35 % (adding guest again would give 45 / 110 = 40.9 %)
    const std::vector<float> percent = coreUtilisation(before, after, 2);
    ASSERT_EQ(percent.size(), 2u);
    EXPECT_NEAR(percent[0], 100.0 * 80 / 101, 1e-4);
    EXPECT_NEAR(percent[1], 35.0, 1e-4);
}

TEST(ProcStatParser, OfflineCoreIsMissingAndGivesNaN)
{
    const ProcStatSnapshot before = parseFixture("four-core-a.txt");
    const ProcStatSnapshot after = parseFixture("four-core-b.txt");

    EXPECT_EQ(before.cores.size(), 4u);
    ASSERT_EQ(after.cores.size(), 3u);
    EXPECT_TRUE(after.cores.contains(0));
    EXPECT_TRUE(after.cores.contains(1));
    EXPECT_FALSE(after.cores.contains(2));
    EXPECT_TRUE(after.cores.contains(3));

    // cpu0: user +40, system +8, softirq +2 -> busy +50; idle +48, iowait +2 -> total +100 -> 50 %
    // cpu1: user +9, nice +1, system +2 -> busy +12; idle +88 -> total +100 -> 12 %
    // cpu2: offline in the second snapshot -> NaN
    // cpu3: user +90, system +8, softirq +1 -> busy +99; idle +1 -> total +100 -> 99 %
    const std::vector<float> percent = coreUtilisation(before, after, 4);
    ASSERT_EQ(percent.size(), 4u);
    EXPECT_NEAR(percent[0], 50.0, 1e-4);
    EXPECT_NEAR(percent[1], 12.0, 1e-4);
    EXPECT_TRUE(std::isnan(percent[2]));
    EXPECT_NEAR(percent[3], 99.0, 1e-4);
}

TEST(ProcStatParser, CoreBackOnlineWithResetCountersGivesNaN)
{
    // cpu2 went offline after snapshot a and came back before c with its counters restarted near zero.
    const ProcStatSnapshot before = parseFixture("four-core-a.txt");
    const ProcStatSnapshot after = parseFixture("four-core-c.txt");

    // Two intervals of the deltas above: cpu0 100 / 200, cpu1 24 / 200, cpu3 198 / 200.
    const std::vector<float> percent = coreUtilisation(before, after, 4);
    ASSERT_EQ(percent.size(), 4u);
    EXPECT_NEAR(percent[0], 50.0, 1e-4);
    EXPECT_NEAR(percent[1], 12.0, 1e-4);
    EXPECT_TRUE(std::isnan(percent[2]));
    EXPECT_NEAR(percent[3], 99.0, 1e-4);
}

TEST(ProcStatParser, BackwardsOrStalledCountersGiveNaN)
{
    const ProcStatSnapshot before = snapshotOf({{0, {500, 1000}}, {1, {500, 1000}}, {2, {500, 1000}}});
    const ProcStatSnapshot after = snapshotOf({
        {0, {400, 1100}}, // busy went backwards
        {1, {600, 900}}, // total went backwards
        {2, {500, 1000}}, // nothing elapsed
    });

    const std::vector<float> percent = coreUtilisation(before, after, 3);
    ASSERT_EQ(percent.size(), 3u);
    for (float value : percent)
        EXPECT_TRUE(std::isnan(value));
}

TEST(ProcStatParser, UtilisationIsClampedToHundred)
{
    // A decreasing iowait can make busy grow by more than the total.
    const ProcStatSnapshot before = snapshotOf({{0, {500, 1000}}});
    const ProcStatSnapshot after = snapshotOf({{0, {510, 1005}}});

    const std::vector<float> percent = coreUtilisation(before, after, 1);
    ASSERT_EQ(percent.size(), 1u);
    EXPECT_EQ(percent[0], 100.0f);
}

TEST(ProcStatParser, CoresBeyondTheSnapshotsAreNaN)
{
    const ProcStatSnapshot before = snapshotOf({{0, {0, 100}}});
    const ProcStatSnapshot after = snapshotOf({{0, {25, 200}}});

    const std::vector<float> percent = coreUtilisation(before, after, 3);
    ASSERT_EQ(percent.size(), 3u);
    EXPECT_NEAR(percent[0], 25.0, 1e-4);
    EXPECT_TRUE(std::isnan(percent[1]));
    EXPECT_TRUE(std::isnan(percent[2]));
    EXPECT_TRUE(coreUtilisation(before, after, 0).empty());
}

TEST(ProcStatParser, OldKernelFourFieldFormat)
{
    const ProcStatSnapshot snapshot = parseFixture("old-kernel-4field.txt");

    ASSERT_EQ(snapshot.cores.size(), 2u);
    // cpu0 125102 810 49377 4535588: busy = 125102 + 810 + 49377 = 175289, total = 175289 + 4535588 = 4710877
    EXPECT_EQ(snapshot.cores.at(0).busy, 175289u);
    EXPECT_EQ(snapshot.cores.at(0).total, 4710877u);
    // cpu1 125314 726 48644 4535645: busy = 174684, total = 4710329
    EXPECT_EQ(snapshot.cores.at(1).busy, 174684u);
    EXPECT_EQ(snapshot.cores.at(1).total, 4710329u);
}

TEST(ProcStatParser, SevenFieldFormatWithoutTrailingNewline)
{
    // Linux 2.6.0-2.6.10: user nice system idle iowait irq softirq.
    const std::optional<ProcStatSnapshot> snapshot
        = parseProcStat(QByteArrayLiteral("cpu  100 2 30 500 7 3 4\ncpu0 100 2 30 500 7 3 4"));

    ASSERT_TRUE(snapshot.has_value());
    ASSERT_EQ(snapshot->cores.size(), 1u);
    // busy = 100 + 2 + 30 + 3 + 4 = 139, total = 139 + 500 + 7 = 646
    EXPECT_EQ(snapshot->cores.at(0).busy, 139u);
    EXPECT_EQ(snapshot->cores.at(0).total, 646u);
}

TEST(ProcStatParser, MalformedFixtureFailsNamingTheLine)
{
    const QByteArray text = loadFixture("malformed.txt");
    ASSERT_FALSE(text.isEmpty());

    QString error;
    EXPECT_FALSE(parseProcStat(text, &error).has_value());
    EXPECT_TRUE(error.contains(QLatin1String("line 3"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QLatin1String("55x00"))) << error.toStdString();
}

TEST(ProcStatParser, BadCpuLinesFailNamingTheLine)
{
    const struct
    {
        const char* text;
        const char* line;
    } cases[] = {
        {"cpu  1 2 3 4\ncpu0 1 2 3\n", "line 2"}, // too few fields to know the idle time
        {"cpu0 1 2 3 4\ncpu1 1 -2 3 4\n", "line 2"}, // counters are unsigned
        {"cpu0 1 2 3 4\nintr 5\ncpu1x 1 2 3 4\n", "line 3"}, // garbled name
        {"cpu0 1 2 3 4\ncpu0 1 2 3 4\n", "line 2"}, // the same core twice
        {"cpu0 1 2 3 99999999999999999999999\n", "line 1"}, // overflows 64 bits
    };
    for (const auto& c : cases) {
        QString error;
        EXPECT_FALSE(parseProcStat(QByteArray(c.text), &error).has_value()) << c.text;
        EXPECT_TRUE(error.contains(QLatin1String(c.line))) << c.text << " -> " << error.toStdString();
    }
}

TEST(ProcStatParser, TextWithoutPerCoreLinesFails)
{
    for (const char* text : {"", "intr 1 2 3\nctxt 4\n", "cpu  1 2 3 4 5 6 7 0 0 0\nctxt 4\n"}) {
        QString error;
        EXPECT_FALSE(parseProcStat(QByteArray(text), &error).has_value()) << text;
        EXPECT_TRUE(error.contains(QLatin1String("cpuN"))) << text << " -> " << error.toStdString();
    }
    EXPECT_FALSE(parseProcStat(QByteArray()).has_value()) << "a null error pointer must be accepted";
}

} // namespace conlab
