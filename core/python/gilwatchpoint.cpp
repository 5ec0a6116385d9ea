#include "core/python/gilwatchpoint.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <linux/hw_breakpoint.h>
#include <linux/perf_event.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace conlab::python {
namespace {

// 64 pages of 4 KiB per CPU hold ~10 000 writes: 60 ms of the busiest GIL, drained every 160 µs.
constexpr std::size_t ringPages = 64;

// A sample as the attributes below lay it out: the header, then pid and tid, then the time.
struct SampleRecord
{
    perf_event_header header;
    std::uint32_t pid;
    std::uint32_t tid;
    std::uint64_t timeNs;
};

std::size_t pageSize()
{
    return std::size_t(::sysconf(_SC_PAGESIZE));
}

} // namespace

GilWatchpoint::GilWatchpoint(pid_t pid)
    : m_pid(pid)
{
}

GilWatchpoint::~GilWatchpoint()
{
    for (const Ring& ring : m_rings) {
        if (ring.map)
            ::munmap(ring.map, (ringPages + 1) * pageSize());
        if (ring.fd >= 0)
            ::close(ring.fd);
    }
}

std::unique_ptr<GilWatchpoint> GilWatchpoint::open(pid_t pid, std::uint64_t address, QString* why)
{
    perf_event_attr attr {};
    attr.type = PERF_TYPE_BREAKPOINT;
    attr.size = sizeof(attr);
    attr.bp_type = HW_BREAKPOINT_W;
    attr.bp_addr = address;
    attr.bp_len = HW_BREAKPOINT_LEN_4;
    attr.sample_period = 1;
    attr.sample_type = PERF_SAMPLE_TID | PERF_SAMPLE_TIME;
    attr.exclude_kernel = 1;
    attr.exclude_hv = 1;
    // A per-task event inherited by new threads cannot be mapped; one event per CPU can.
    attr.inherit = 1;
    attr.inherit_thread = 1;
    attr.use_clockid = 1;
    attr.clockid = CLOCK_MONOTONIC;
    std::unique_ptr<GilWatchpoint> watch(new GilWatchpoint(pid));
    const long cpus = ::sysconf(_SC_NPROCESSORS_CONF);
    for (long cpu = 0; cpu < cpus; ++cpu) {
        Ring ring;
        ring.fd = int(::syscall(SYS_perf_event_open, &attr, pid, int(cpu), -1, PERF_FLAG_FD_CLOEXEC));
        if (ring.fd < 0) {
            const int error = errno;
            *why = QStringLiteral("perf_event_open refused a hardware write watchpoint (%1)%2")
                       .arg(QString::fromLocal8Bit(std::strerror(error)),
                           error == EACCES || error == EPERM
                               ? QStringLiteral(": perf_event_paranoid above 2 and no CAP_PERFMON")
                               : error == ENOENT || error == EOPNOTSUPP || error == ENODEV
                               ? QStringLiteral(": no debug registers (a VM that does not pass them through)")
                               : error == ENOSPC ? QStringLiteral(": every debug register is taken")
                                                 : QString());
            return nullptr;
        }
        ring.map = ::mmap(nullptr, (ringPages + 1) * pageSize(), PROT_READ | PROT_WRITE, MAP_SHARED, ring.fd, 0);
        if (ring.map == MAP_FAILED) {
            ring.map = nullptr;
            *why = QStringLiteral("the watchpoint's buffer could not be mapped (%1)")
                       .arg(QString::fromLocal8Bit(std::strerror(errno)));
            watch->m_rings.push_back(ring);
            return nullptr;
        }
        watch->m_rings.push_back(ring);
    }
    return watch;
}

bool GilWatchpoint::drain(std::vector<Write>& out)
{
    const std::size_t page = pageSize();
    const std::uint64_t size = ringPages * page;
    for (Ring& ring : m_rings) {
        auto* control = static_cast<perf_event_mmap_page*>(ring.map);
        const auto* data = static_cast<const unsigned char*>(ring.map) + page;
        const std::uint64_t head = __atomic_load_n(&control->data_head, __ATOMIC_ACQUIRE);
        while (ring.tail < head) {
            // A record may wrap around the ring's end: copied out byte by byte where it does.
            const auto copy = [&](void* to, std::uint64_t from, std::size_t bytes) {
                auto* target = static_cast<unsigned char*>(to);
                for (std::size_t i = 0; i < bytes; ++i)
                    target[i] = data[(from + i) % size];
            };
            perf_event_header header {};
            copy(&header, ring.tail, sizeof(header));
            if (header.size == 0)
                break;
            if (header.type == PERF_RECORD_SAMPLE && header.size >= sizeof(SampleRecord)) {
                SampleRecord sample {};
                copy(&sample, ring.tail, sizeof(sample));
                // Writes of processes this one forked are not inherited (inherit_thread), but filter anyway.
                if (pid_t(sample.pid) == m_pid)
                    out.push_back(Write {pid_t(sample.tid), std::int64_t(sample.timeNs)});
            } else if (header.type == PERF_RECORD_LOST) {
                m_lost = true;
            }
            ring.tail += header.size;
        }
        __atomic_store_n(&control->data_tail, ring.tail, __ATOMIC_RELEASE);
    }
    return !m_lost;
}

} // namespace conlab::python
