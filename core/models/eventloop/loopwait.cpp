#include "core/models/eventloop/loopwait.h"

#include "core/models/eventloop/looprun.h"
#include "core/run/canceltoken.h"
#include "core/trace/monotonicclock.h"

#include <algorithm>
#include <chrono>
#include <utility>

namespace conlab {

LoopWait::LoopWait(LoopRun& run, int fd, QSocketNotifier::Type type, std::int64_t deadlineNs)
    : m_run(run)
    , m_fd(fd)
    , m_type(type)
    , m_deadlineNs(deadlineNs)
{
}

bool LoopWait::cancelled() const
{
    return m_run.cancelToken().isCancelled();
}

Woken LoopWait::woken() const
{
    return Woken {m_result, monotonicNowNs()};
}

void LoopWait::finish(WaitResult result)
{
    if (!m_coroutine)
        return;
    m_result = result;
    if (m_notifier)
        m_notifier->setEnabled(false);
    if (m_timer)
        m_timer->stop();
    m_run.removeWait(*this);
    m_run.schedule(std::exchange(m_coroutine, nullptr));
}

void LoopWait::suspend(std::coroutine_handle<> coroutine)
{
    m_coroutine = coroutine;
    m_run.addWait(*this);
    if (m_fd >= 0) {
        m_notifier.emplace(qintptr(m_fd), m_type);
        QObject::connect(
            &*m_notifier, &QSocketNotifier::activated, &*m_notifier, [this] { finish(WaitResult::Ready); });
    }
    if (m_deadlineNs > 0) {
        m_timer.emplace();
        m_timer->setSingleShot(true);
        m_timer->setTimerType(Qt::PreciseTimer);
        QObject::connect(&*m_timer, &QTimer::timeout, &*m_timer, [this] { onTimer(); });
        armTimer();
    }
}

void LoopWait::onTimer()
{
    if (monotonicNowNs() < m_deadlineNs)
        armTimer();
    else
        finish(WaitResult::TimedOut);
}

void LoopWait::armTimer()
{
    const std::int64_t remainingNs = std::max<std::int64_t>(0, m_deadlineNs - monotonicNowNs());
    // Qt counts whole milliseconds: rounding up keeps the timer from firing before the deadline.
    m_timer->start(std::chrono::milliseconds((remainingNs + 999'999) / 1'000'000));
}

} // namespace conlab
