#include "core/sampling/usablecores.h"
#include "tests/pinnedcore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <sched.h>

using namespace conlab;

namespace {

void write(const QString& path, const QByteArray& content)
{
    ASSERT_TRUE(QDir().mkpath(QFileInfo(path).path()));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly)) << path.toStdString();
    file.write(content);
}

} // namespace

TEST(UsableCores, CpuMaxQuotaIsRoundedUp)
{
    EXPECT_EQ(cpuMaxCores("150000 100000\n"), 2);
    EXPECT_EQ(cpuMaxCores("100000 100000\n"), 1);
    EXPECT_EQ(cpuMaxCores("50000 100000\n"), 1) << "half a core still runs one thread";
    EXPECT_EQ(cpuMaxCores("400000 100000"), 4);
    EXPECT_EQ(cpuMaxCores("400001 100000"), 5);
}

TEST(UsableCores, CpuMaxWithoutAQuotaIsNoLimit)
{
    EXPECT_EQ(cpuMaxCores("max 100000\n"), std::nullopt);
    EXPECT_EQ(cpuMaxCores(""), std::nullopt);
    EXPECT_EQ(cpuMaxCores("100000"), std::nullopt);
    EXPECT_EQ(cpuMaxCores("abc 100000"), std::nullopt);
    EXPECT_EQ(cpuMaxCores("100000 0"), std::nullopt);
    EXPECT_EQ(cpuMaxCores("-5 100000"), std::nullopt);
}

TEST(UsableCores, FindsTheCgroupV2PathAndMount)
{
    EXPECT_EQ(
        cgroupV2Path("12:memory:/x\n0::/user.slice/session-2.scope\n"), QByteArray("/user.slice/session-2.scope"));
    EXPECT_EQ(cgroupV2Path("4:memory:/docker/abc\n"), std::nullopt) << "cgroup v1 only";
    EXPECT_EQ(cgroupV2Mount("25 30 0:22 / /sys rw,nosuid - sysfs sysfs rw\n"
                            "41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n"),
        QStringLiteral("/sys/fs/cgroup/unified"));
    EXPECT_EQ(cgroupV2Mount("36 25 0:31 / /sys/fs/cgroup/cpu rw shared:9 - cgroup cgroup rw,cpu\n"), std::nullopt);
}

TEST(UsableCores, TheTightestQuotaOnTheWayToTheRootBinds)
{
    QTemporaryDir root;
    write(root.filePath(QStringLiteral("cpu.max")), "max 100000\n");
    write(root.filePath(QStringLiteral("a/cpu.max")), "200000 100000\n");
    write(root.filePath(QStringLiteral("a/b/cpu.max")), "max 100000\n");
    write(root.filePath(QStringLiteral("a/b/c/cpu.max")), "350000 100000\n");
    EXPECT_EQ(cgroupCpuLimit(root.path(), "/a/b/c"), 2) << "the parent's 2 binds its child's 4";
    EXPECT_EQ(cgroupCpuLimit(root.path(), "/a/b"), 2);
    write(root.filePath(QStringLiteral("x/cpu.max")), "max 100000\n");
    EXPECT_EQ(cgroupCpuLimit(root.path(), "/x"), std::nullopt);
    EXPECT_EQ(cgroupCpuLimit(root.path(), "/missing/level"), std::nullopt);
}

TEST(UsableCores, FollowTheAffinityMask)
{
    cpu_set_t saved;
    ASSERT_EQ(sched_getaffinity(0, sizeof(saved), &saved), 0);
    EXPECT_EQ(affinityCores(), CPU_COUNT(&saved));
    EXPECT_GE(usableCores(), 1);
    EXPECT_LE(usableCores(), affinityCores());

    const test::PinnedToOneCore pin;
    ASSERT_TRUE(pin.pinned());
    EXPECT_EQ(affinityCores(), 1);
    EXPECT_EQ(usableCores(), 1);
}
