#pragma once

#include "core/models/workerprotocol.h"
#include "core/util/problem.h"

#include <QString>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace conlab {

struct ExecutionContext;
struct TaskSpec;

// Worker processes driven from the calling thread's event loop: this binary re-executed in worker mode, fed tasks
// over its stdin, streaming segments and results back on its stdout (workerprotocol). Shared by the processes model
// (whole tasks) and the event loop's process-pool executor (one CPU phase at a time): the owner decides what to send,
// the pool starts, feeds, watches and reaps. Worker i records into lane firstLane + i; start-up shows as `starting up`.
class ProcessPool
{
public:
    struct Events
    {
        std::function<void(int worker)> ready; // started up: it can take a task
        std::function<void(int worker, const workerprotocol::TaskDone& done)> taskDone;
        // A worker died unexpectedly or spoke nonsense; one sentence naming it. The owner usually calls stopAll().
        std::function<void(const Problem& error)> failed;
        std::function<void()> allExited;
    };

    // `name` is what errors call a worker: "worker process 2 (pid 1234) crashed ...", a string literal marked with
    // QT_TRANSLATE_NOOP("conlab::Problem", ...) so that the window words it in its language.
    ProcessPool(const ExecutionContext& context, std::uint16_t firstLane, int count, const char* name, Events events);
    ~ProcessPool();
    ProcessPool(const ProcessPool&) = delete;
    ProcessPool& operator=(const ProcessPool&) = delete;

    void start();
    int count() const { return int(m_workers.size()); }
    // Workers not yet exited; allExited() fires when this reaches 0.
    int running() const { return m_running; }

    // The worker must be ready and idle.
    void send(int worker, const TaskSpec& task);
    // End of input: the worker exits on its own once idle.
    void close(int worker);
    // Cancel or failure: every worker is killed now. Results already received were delivered.
    void stopAll();
    bool isStopping() const { return m_stopping; }
    // After the event loop: kills whatever is left and waits for it, so no process outlives the run.
    void reap();

    std::vector<double> peakRssMb() const;

private:
    struct Worker;

    void spawn(int index);
    void onReadyRead(int index);
    // False on a message that cannot be valid, with *why set when the decoder said what was wrong.
    bool handle(int index, const workerprotocol::Frame& frame, QString* why);
    void onFinished(int index, int code, bool crashed);
    void onFailedToStart(int index);
    void finishOne();

    const ExecutionContext& m_context;
    const std::uint16_t m_firstLane;
    const char* const m_name;
    Events m_events;
    std::vector<std::unique_ptr<Worker>> m_workers;
    int m_running = 0;
    bool m_stopping = false;
};

} // namespace conlab
