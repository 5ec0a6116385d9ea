#pragma once

#include <QByteArray>
#include <QString>
#include <optional>
#include <vector>

namespace conlab {

// How many cores this process may compute on at once: the CPUs of its affinity mask (taskset, cpusets), further
// limited by a cgroup v2 CPU quota (a container's --cpus), rounded up as `nproc` rounds it. This, not the number of
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

} // namespace conlab
