#pragma once

#include <sched.h>

namespace conlab::test {

// The first CPU the calling thread may run on.
inline int firstAllowedCpu()
{
    cpu_set_t mine;
    CPU_ZERO(&mine);
    sched_getaffinity(0, sizeof(mine), &mine);
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
        if (CPU_ISSET(cpu, &mine))
            return cpu;
    }
    return 0;
}

// Pins the calling thread to `cpu` (its first allowed one by default) for the scope, as `taskset -c` pins a process,
// then gives its mask back.
class PinnedToOneCore
{
public:
    explicit PinnedToOneCore(int cpu = firstAllowedCpu())
    {
        sched_getaffinity(0, sizeof(m_saved), &m_saved);
        cpu_set_t one;
        CPU_ZERO(&one);
        CPU_SET(cpu, &one);
        m_pinned = sched_setaffinity(0, sizeof(one), &one) == 0;
    }
    ~PinnedToOneCore() { sched_setaffinity(0, sizeof(m_saved), &m_saved); }
    PinnedToOneCore(const PinnedToOneCore&) = delete;
    PinnedToOneCore& operator=(const PinnedToOneCore&) = delete;
    bool pinned() const { return m_pinned; }

private:
    cpu_set_t m_saved {};
    bool m_pinned = false;
};

} // namespace conlab::test
