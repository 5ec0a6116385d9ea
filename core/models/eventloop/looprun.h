#pragma once

#include "core/gil/gilthread.h"
#include "core/models/cpuexecutor.h"
#include "core/models/cpuphase.h"
#include "core/models/executionmodel.h"
#include "core/models/sharedstate.h"
#include "core/models/waitrecording.h"

#include <QCoro/QCoroTask>
#include <QEventLoop>
#include <QSocketNotifier>
#include <QTimer>
#include <coroutine>
#include <memory>
#include <vector>

namespace conlab {

class CancelToken;
class LoopLock;
class LoopWait;

// asyncio's slow_callback_duration: a CPU phase that holds the loop longer than this is shown as blocking it.
inline constexpr std::int64_t slowCallbackDurationNs = 100'000'000;

// One run of the event loop model: the loop, its ready queue, the hand-out of task indices and the outcome. Lives on
// the engine thread's stack; every coroutine, notifier and timer it makes is gone before run() returns.
class LoopRun
{
public:
    explicit LoopRun(const ExecutionContext& context);
    ~LoopRun();
    LoopRun(const LoopRun&) = delete;
    LoopRun& operator=(const LoopRun&) = delete;

    ModelOutcome run();

    const ExecutionContext& context() const { return m_context; }
    const CancelToken& cancelToken() const { return m_context.cancel; }

    // asyncio's call_soon for a suspended coroutine: it runs on the loop's next pass.
    void schedule(std::coroutine_handle<> coroutine);

    void addWait(LoopWait& wait);
    void removeWait(LoopWait& wait);

    CpuExecutor* executor() const { return m_executor.get(); } // --offload: run_in_executor; null runs CPU inline
    LoopLock* counterLock() const { return m_counterLock.get(); } // --lock: asyncio.Lock; null without
    SharedState& shared() { return m_context.shared ? *m_context.shared : m_ownShared; }
    GilThread& gil() { return m_gil; }
    const CpuPhaseOptions& cpuOptions() const { return m_cpuOptions; }
    // The loop thread's latest wait to take the GIL back.
    GilWait lastGilWait() const { return m_lastGilWait; }

private:
    QCoro::Task<> slot(int index);

    // The loop's thread runs Python code only while holding the GIL: it takes it back before running coroutines and
    // drops it when the loop is about to block in poll, as CPython's selector call does.
    void ensureGil();

    void drainReady();
    void cancelWaits();
    void fail(const Problem& error);

    const ExecutionContext& m_context;
    GilThread m_gil; // before m_loop: the loop's connections to it go first
    GilWait m_lastGilWait;
    const CpuPhaseOptions m_cpuOptions;
    SharedState m_ownShared; // for a context without shared state: one thread, so one run's globals
    std::unique_ptr<LoopLock> m_counterLock;
    std::unique_ptr<CpuExecutor> m_executor;
    QEventLoop m_loop;
    QSocketNotifier m_cancelNotifier;
    std::vector<std::coroutine_handle<>> m_ready;
    std::vector<std::coroutine_handle<>> m_resuming; // the pass being run; kept to reuse its allocation
    // Runs one pass of the ready queue per turn of the loop while the queue is not empty. A zero timer rather than a
    // posted call per pass: it needs no wake-up write, so a turn costs one poll and no allocation.
    QTimer m_readyTimer;
    LoopWait* m_waits = nullptr; // every suspended wait, so cancel can wake each of them
    int m_slotsRunning = 0;
    int m_nextTask = 0;
    bool m_failed = false;
    ModelOutcome m_outcome;
};

} // namespace conlab
