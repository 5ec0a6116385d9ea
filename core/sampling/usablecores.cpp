#include "core/sampling/usablecores.h"

#include <QFile>
#include <QList>
#include <algorithm>
#include <cerrno>
#include <limits>
#include <sched.h>

namespace conlab {

namespace {

// Small /proc and /sys files report a size of 0; readAll reads them to the end all the same.
std::optional<QByteArray> readSmallFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}

} // namespace

std::vector<int> affinityCpus()
{
    // A fixed cpu_set_t holds 1024 CPUs; a machine with more needs a bigger mask, grown until the kernel accepts it.
    for (int cpus = CPU_SETSIZE; cpus <= (1 << 20); cpus *= 2) {
        cpu_set_t* set = CPU_ALLOC(static_cast<std::size_t>(cpus));
        if (!set)
            break;
        const std::size_t size = CPU_ALLOC_SIZE(static_cast<std::size_t>(cpus));
        CPU_ZERO_S(size, set);
        const int status = sched_getaffinity(0, size, set);
        std::vector<int> ids;
        for (int cpu = 0; status == 0 && cpu < cpus; ++cpu) {
            if (CPU_ISSET_S(static_cast<std::size_t>(cpu), size, set))
                ids.push_back(cpu);
        }
        CPU_FREE(set);
        if (status == 0)
            return ids;
        if (errno != EINVAL)
            break;
    }
    return {};
}

int affinityCores()
{
    return std::max(1, int(affinityCpus().size()));
}

std::optional<int> cpuMaxCores(const QByteArray& text)
{
    const QList<QByteArray> fields = text.simplified().split(' ');
    if (fields.size() != 2 || fields[0] == "max")
        return std::nullopt;
    return cfsQuotaCores(fields[0], fields[1]);
}

std::optional<int> cfsQuotaCores(const QByteArray& quotaText, const QByteArray& periodText)
{
    bool quotaOk = false;
    bool periodOk = false;
    const qint64 quota = quotaText.trimmed().toLongLong(&quotaOk);
    const qint64 period = periodText.trimmed().toLongLong(&periodOk);
    // v1's "no limit" is a quota of -1.
    if (!quotaOk || !periodOk || quota <= 0 || period <= 0)
        return std::nullopt;
    const qint64 cores = (quota + period - 1) / period;
    return int(std::min<qint64>(cores, std::numeric_limits<int>::max()));
}

std::optional<QByteArray> cgroupV2Path(const QByteArray& procSelfCgroup)
{
    for (const QByteArray& line : procSelfCgroup.split('\n')) {
        if (line.startsWith("0::/"))
            return line.mid(3).trimmed();
    }
    return std::nullopt;
}

std::optional<QString> cgroupV2Mount(const QByteArray& mountInfo)
{
    // "36 25 0:31 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw": the mount point is field 5, the file system type
    // the first field after " - ".
    for (const QByteArray& line : mountInfo.split('\n')) {
        const qsizetype separator = line.indexOf(" - ");
        if (separator < 0 || !line.mid(separator + 3).startsWith("cgroup2 "))
            continue;
        const QList<QByteArray> fields = line.left(separator).split(' ');
        if (fields.size() >= 5)
            return QString::fromUtf8(fields[4]);
    }
    return std::nullopt;
}

namespace {

std::optional<int> tighter(std::optional<int> a, std::optional<int> b)
{
    if (a && b)
        return std::min(*a, *b);
    return a ? a : b;
}

// The tightest of `levelLimit(directory)` from `mount` + `path` up to `mount` itself: in both cgroup versions a
// parent's quota binds its children.
template <typename LevelLimit>
std::optional<int> tightestOnTheWayUp(const QString& mount, const QByteArray& path, LevelLimit levelLimit)
{
    std::optional<int> tightest;
    QByteArray level = path;
    for (;;) {
        tightest = tighter(tightest, levelLimit(mount + QString::fromUtf8(level)));
        if (level.isEmpty() || level == "/")
            return tightest;
        level.truncate(std::max<qsizetype>(level.lastIndexOf('/'), 0));
    }
}

} // namespace

std::optional<int> cgroupCpuLimit(const QString& mount, const QByteArray& path)
{
    return tightestOnTheWayUp(mount, path, [](const QString& directory) -> std::optional<int> {
        const std::optional<QByteArray> text = readSmallFile(directory + QLatin1String("/cpu.max"));
        return text ? cpuMaxCores(*text) : std::nullopt;
    });
}

std::optional<QByteArray> cgroupV1CpuPath(const QByteArray& procSelfCgroup)
{
    // "hierarchy-id:controller,controller:path"; the path may itself hold colons.
    for (const QByteArray& line : procSelfCgroup.split('\n')) {
        const qsizetype first = line.indexOf(':');
        const qsizetype second = first < 0 ? -1 : line.indexOf(':', first + 1);
        if (second < 0)
            continue;
        if (line.mid(first + 1, second - first - 1).split(',').contains("cpu"))
            return line.mid(second + 1).trimmed();
    }
    return std::nullopt;
}

std::optional<CgroupV1Mount> cgroupV1CpuMount(const QByteArray& mountInfo)
{
    // "36 25 0:31 / /sys/fs/cgroup/cpu,cpuacct rw shared:9 - cgroup cgroup rw,cpu,cpuacct": the root is field 4, the
    // mount point field 5; after " - " the type, the source and the options, which name the controllers.
    for (const QByteArray& line : mountInfo.split('\n')) {
        const qsizetype separator = line.indexOf(" - ");
        if (separator < 0)
            continue;
        const QList<QByteArray> tail = line.mid(separator + 3).split(' ');
        if (tail.size() < 3 || tail[0] != "cgroup" || !tail[2].trimmed().split(',').contains("cpu"))
            continue;
        const QList<QByteArray> fields = line.left(separator).split(' ');
        if (fields.size() >= 5)
            return CgroupV1Mount {QString::fromUtf8(fields[4]), fields[3]};
    }
    return std::nullopt;
}

std::optional<int> cgroupV1CpuLimit(const CgroupV1Mount& mount, const QByteArray& path)
{
    // A container sees its own cgroup as the mount's root: the levels above it are not there to read.
    QByteArray below = path;
    if (mount.root != "/" && (path == mount.root || path.startsWith(mount.root + '/')))
        below = path.mid(mount.root.size());
    return tightestOnTheWayUp(mount.mountPoint, below, [](const QString& directory) -> std::optional<int> {
        const std::optional<QByteArray> quota = readSmallFile(directory + QLatin1String("/cpu.cfs_quota_us"));
        const std::optional<QByteArray> period = readSmallFile(directory + QLatin1String("/cpu.cfs_period_us"));
        return quota && period ? cfsQuotaCores(*quota, *period) : std::nullopt;
    });
}

std::optional<int> cgroupQuotaCores(
    const QByteArray& procSelfCgroup, const QByteArray& mountInfo, const QString& fileSystemRoot)
{
    std::optional<int> limit;
    const std::optional<QByteArray> v2Path = cgroupV2Path(procSelfCgroup);
    const std::optional<QString> v2Mount = cgroupV2Mount(mountInfo);
    if (v2Path && v2Mount)
        limit = cgroupCpuLimit(fileSystemRoot + *v2Mount, *v2Path);
    // A host in the hybrid layout has both: the cpu controller sits in one of them, the other has no quota to give.
    const std::optional<QByteArray> v1Path = cgroupV1CpuPath(procSelfCgroup);
    std::optional<CgroupV1Mount> v1Mount = cgroupV1CpuMount(mountInfo);
    if (v1Path && v1Mount) {
        v1Mount->mountPoint.prepend(fileSystemRoot);
        limit = tighter(limit, cgroupV1CpuLimit(*v1Mount, *v1Path));
    }
    return limit;
}

int usableCores()
{
    int cores = affinityCores();
    const std::optional<QByteArray> cgroup = readSmallFile(QStringLiteral("/proc/self/cgroup"));
    const std::optional<QByteArray> mounts = readSmallFile(QStringLiteral("/proc/self/mountinfo"));
    if (cgroup && mounts) {
        if (const std::optional<int> limit = cgroupQuotaCores(*cgroup, *mounts))
            cores = std::min(cores, std::max(1, *limit));
    }
    return cores;
}

} // namespace conlab
