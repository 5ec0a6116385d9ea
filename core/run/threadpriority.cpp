#include "core/run/threadpriority.h"

#include <sys/resource.h>
#include <unistd.h>

namespace conlab {

void lowerCurrentThreadPriority()
{
    // Nice 10 weighs about a tenth of nice 0 in the CFS scheduler: workers still use every idle cycle.
    constexpr int workerNice = 10;
    const auto tid = id_t(::gettid());
    const int current = ::getpriority(PRIO_PROCESS, tid);
    if (current < workerNice)
        ::setpriority(PRIO_PROCESS, tid, workerNice);
}

} // namespace conlab
