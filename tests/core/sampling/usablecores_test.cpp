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

TEST(UsableCores, CfsQuotaOfCgroupV1IsRoundedUpAndMinusOneIsNoLimit)
{
    EXPECT_EQ(cfsQuotaCores("150000\n", "100000\n"), 2);
    EXPECT_EQ(cfsQuotaCores("50000", "100000"), 1);
    EXPECT_EQ(cfsQuotaCores("400000", "100000"), 4);
    EXPECT_EQ(cfsQuotaCores("-1\n", "100000\n"), std::nullopt);
    EXPECT_EQ(cfsQuotaCores("100000", "0"), std::nullopt);
    EXPECT_EQ(cfsQuotaCores("", "100000"), std::nullopt);
    EXPECT_EQ(cfsQuotaCores("abc", "100000"), std::nullopt);
}

TEST(UsableCores, FindsTheCgroupV1CpuPathAndMount)
{
    EXPECT_EQ(cgroupV1CpuPath("12:memory:/x\n4:cpu,cpuacct:/docker/abc\n1:name=systemd:/docker/abc\n"),
        QByteArray("/docker/abc"));
    EXPECT_EQ(cgroupV1CpuPath("3:cpuacct:/a\n5:cpuset:/b\n"), std::nullopt) << "cpuacct and cpuset are not cpu";
    EXPECT_EQ(cgroupV1CpuPath("0::/user.slice\n"), std::nullopt) << "cgroup v2 only";
    const std::optional<CgroupV1Mount> mount
        = cgroupV1CpuMount("41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n"
                           "44 31 0:40 / /sys/fs/cgroup/cpuset rw - cgroup cgroup rw,cpuset\n"
                           "45 31 0:41 /docker/abc /sys/fs/cgroup/cpu,cpuacct rw,nosuid shared:9 - cgroup cgroup "
                           "rw,cpu,cpuacct\n");
    ASSERT_TRUE(mount);
    EXPECT_EQ(mount->mountPoint, QStringLiteral("/sys/fs/cgroup/cpu,cpuacct"));
    EXPECT_EQ(mount->root, QByteArray("/docker/abc"));
    EXPECT_FALSE(cgroupV1CpuMount("41 31 0:38 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n"));
}

TEST(UsableCores, TheTightestCgroupV1QuotaOnTheWayUpBinds)
{
    QTemporaryDir root;
    const QString cpu = root.filePath(QStringLiteral("cpu"));
    const auto quota = [&](const QString& level, const QByteArray& us) {
        write(cpu + level + QStringLiteral("/cpu.cfs_quota_us"), us + '\n');
        write(cpu + level + QStringLiteral("/cpu.cfs_period_us"), "100000\n");
    };
    quota(QString(), "-1");
    quota(QStringLiteral("/a"), "300000");
    quota(QStringLiteral("/a/b"), "-1");
    quota(QStringLiteral("/a/b/c"), "450000");
    const CgroupV1Mount host {cpu, "/"};
    EXPECT_EQ(cgroupV1CpuLimit(host, "/a/b/c"), 3) << "the parent's 3 binds its child's 5";
    quota(QStringLiteral("/a/b/c"), "150000");
    EXPECT_EQ(cgroupV1CpuLimit(host, "/a/b/c"), 2);
    EXPECT_EQ(cgroupV1CpuLimit(host, "/"), std::nullopt);
    EXPECT_EQ(cgroupV1CpuLimit(host, "/missing/level"), std::nullopt);
    // Inside a container the mount shows its own cgroup (here /a/b) as the top: the path is read below it, and /a's
    // quota, above it, is not there to read.
    quota(QStringLiteral("/a/b/c/d"), "100000");
    const CgroupV1Mount container {cpu + QStringLiteral("/a/b"), "/a/b"};
    EXPECT_EQ(cgroupV1CpuLimit(container, "/a/b/c/d"), 1);
    EXPECT_EQ(cgroupV1CpuLimit(container, "/a/b/c"), 2);
    EXPECT_EQ(cgroupV1CpuLimit(container, "/a/b"), std::nullopt);
}

// The whole way, from the texts of /proc/self/cgroup and /proc/self/mountinfo to the quota files, on a fake file
// system root: a v1 host, and a hybrid host where v2 and v1 both have a say and the tighter wins.
TEST(UsableCores, ReadsTheQuotaOfEitherCgroupVersionFromProcSelf)
{
    QTemporaryDir root;
    write(root.filePath(QStringLiteral("sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_quota_us")), "250000\n");
    write(root.filePath(QStringLiteral("sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_period_us")), "100000\n");
    const QByteArray v1Cgroup = "4:cpu,cpuacct:/docker/abc\n1:name=systemd:/docker/abc\n";
    const QByteArray v1Mounts = "45 31 0:41 / /sys/fs/cgroup/cpu,cpuacct rw - cgroup cgroup rw,cpu,cpuacct\n";
    EXPECT_EQ(cgroupQuotaCores(v1Cgroup, v1Mounts, root.path()), 3);
    EXPECT_EQ(cgroupQuotaCores(v1Cgroup, v1Mounts, root.filePath(QStringLiteral("elsewhere"))), std::nullopt);

    write(root.filePath(QStringLiteral("sys/fs/cgroup/unified/user/cpu.max")), "200000 100000\n");
    const QByteArray hybridCgroup = v1Cgroup + "0::/user\n";
    const QByteArray hybridMounts = v1Mounts + "41 31 0:38 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw\n";
    EXPECT_EQ(cgroupQuotaCores(hybridCgroup, hybridMounts, root.path()), 2);
    write(root.filePath(QStringLiteral("sys/fs/cgroup/unified/user/cpu.max")), "max 100000\n");
    EXPECT_EQ(cgroupQuotaCores(hybridCgroup, hybridMounts, root.path()), 3);
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
