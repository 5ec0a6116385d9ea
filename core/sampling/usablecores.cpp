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
    bool quotaOk = false;
    bool periodOk = false;
    const qint64 quota = fields[0].toLongLong(&quotaOk);
    const qint64 period = fields[1].toLongLong(&periodOk);
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

std::optional<int> cgroupCpuLimit(const QString& mount, const QByteArray& path)
{
    std::optional<int> tightest;
    QByteArray level = path;
    for (;;) {
        if (const std::optional<QByteArray> text
            = readSmallFile(mount + QString::fromUtf8(level) + QLatin1String("/cpu.max"))) {
            if (const std::optional<int> cores = cpuMaxCores(*text))
                tightest = tightest ? std::min(*tightest, *cores) : *cores;
        }
        if (level.isEmpty() || level == "/")
            return tightest;
        level.truncate(std::max<qsizetype>(level.lastIndexOf('/'), 0));
    }
}

int usableCores()
{
    int cores = affinityCores();
    const std::optional<QByteArray> cgroup = readSmallFile(QStringLiteral("/proc/self/cgroup"));
    const std::optional<QByteArray> mounts = readSmallFile(QStringLiteral("/proc/self/mountinfo"));
    const std::optional<QByteArray> path = cgroup ? cgroupV2Path(*cgroup) : std::nullopt;
    const std::optional<QString> mount = mounts ? cgroupV2Mount(*mounts) : std::nullopt;
    if (path && mount) {
        if (const std::optional<int> limit = cgroupCpuLimit(*mount, *path))
            cores = std::min(cores, std::max(1, *limit));
    }
    return cores;
}

} // namespace conlab
