#pragma once

#include <QByteArray>
#include <QString>
#include <optional>
#include <vector>

namespace conlab {

// How many cores this process may compute on at once: the CPUs of its affinity mask (taskset, cpusets), further
// limited by a cgroup CPU quota (a container's --cpus; v2's cpu.max, or v1's cpu.cfs_quota_us on older hosts), rounded
// up as `nproc` rounds it. This, not the number of
// cores the machine has, is what default worker counts, sweep plans, executor sizes and the lessons' texts use:
// under `taskset -c 0` two threads share one core, whatever the machine has. Read afresh on every call, since the
// mask may change while the app runs (taskset -p); the cost is a system call and a few small file reads.
int usableCores();

// The CPUs of the affinity mask alone (at least 1).
int affinityCores();

// Which CPUs the affinity mask holds, in ascending order: the cores the Cores view gives a lane each. Empty when the
// mask cannot be read.
std::vector<int> affinityCpus();

// The quota of the cgroup v2 `cpu.max` file's text ("150000 100000": 1.5 CPUs) rounded up: 2. nullopt for "max"
// (no limit) and for a text that is not a quota.
std::optional<int> cpuMaxCores(const QByteArray& text);

// The cgroup v2 path of this process from the text of /proc/self/cgroup (its "0::/path" line), or nullopt.
std::optional<QByteArray> cgroupV2Path(const QByteArray& procSelfCgroup);

// Where cgroup2 is mounted, from the text of /proc/self/mountinfo, or nullopt.
std::optional<QString> cgroupV2Mount(const QByteArray& mountInfo);

// The tightest quota on the way from the cgroup `path` under `mount` up to the root: a parent's limit binds its
// children. nullopt when no level has one.
std::optional<int> cgroupCpuLimit(const QString& mount, const QByteArray& path);

// cgroup v1's quota from the texts of cpu.cfs_quota_us ("150000") and cpu.cfs_period_us ("100000"): 1.5 CPUs, rounded
// up to 2. nullopt for "-1" (no limit) and for texts that are not a quota.
std::optional<int> cfsQuotaCores(const QByteArray& quotaText, const QByteArray& periodText);

// The path of this process in cgroup v1's cpu hierarchy, from the text of /proc/self/cgroup (its "4:cpu,cpuacct:/path"
// line), or nullopt on a host without one (cgroup v2 only).
std::optional<QByteArray> cgroupV1CpuPath(const QByteArray& procSelfCgroup);

// Where cgroup v1's cpu hierarchy is mounted, from the text of /proc/self/mountinfo: the mount point, and which of the
// hierarchy's cgroups it shows as its root ("/" on a host; a container sees its own cgroup there).
struct CgroupV1Mount
{
    QString mountPoint;
    QByteArray root;
};
std::optional<CgroupV1Mount> cgroupV1CpuMount(const QByteArray& mountInfo);

// As cgroupCpuLimit(), for cgroup v1's cpu.cfs_quota_us and cpu.cfs_period_us: the tightest quota from the cgroup
// `path` (as /proc/self/cgroup gives it) up to the top of what `mount` shows.
std::optional<int> cgroupV1CpuLimit(const CgroupV1Mount& mount, const QByteArray& path);

// The tightest CPU quota of this process's cgroups, v2 and v1 alike, from the texts of /proc/self/cgroup and
// /proc/self/mountinfo; `fileSystemRoot` is prefixed to the mount points they name ("" for the real one, a fake tree in
// tests). nullopt when no cgroup limits the CPU.
std::optional<int> cgroupQuotaCores(
    const QByteArray& procSelfCgroup, const QByteArray& mountInfo, const QString& fileSystemRoot = QString());

} // namespace conlab
