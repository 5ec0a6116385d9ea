#include "core/models/processpool.h"

#include "core/models/executionmodel.h"
#include "core/models/lanewriter.h"
#include "core/trace/monotonicclock.h"
#include "core/workload/workload.h"

#include <QCoreApplication>
#include <QProcess>
#include <algorithm>

namespace conlab {

using namespace workerprotocol;

namespace {

// How long a killed worker may take to be reaped before we stop waiting (it is SIGKILLed: it cannot refuse).
constexpr int reapTimeoutMs = 1000;

} // namespace

struct ProcessPool::Worker
{
    std::unique_ptr<QProcess> process;
    std::unique_ptr<LaneWriter> lane;
    FrameReader reader;
    std::int64_t spawnedNs = 0;
    std::int64_t pid = 0;
    int currentTask = -1;
    double peakRssMb = 0;
    bool closing = false; // we closed its stdin: exiting is expected now
};

ProcessPool::ProcessPool(
    const ExecutionContext& context, std::uint16_t firstLane, int count, const char* name, Events events)
    : m_context(context)
    , m_firstLane(firstLane)
    , m_name(name)
    , m_events(std::move(events))
{
    for (int i = 0; i < count; ++i)
        m_workers.push_back(std::make_unique<Worker>());
}

ProcessPool::~ProcessPool()
{
    // The owner may be half gone: nothing it gave us may be called from here on.
    m_stopping = true;
    for (auto& worker : m_workers) {
        if (worker->process)
            QObject::disconnect(worker->process.get(), nullptr, nullptr, nullptr);
    }
    reap();
}

void ProcessPool::start()
{
    for (int i = 0; i < count(); ++i)
        spawn(i);
}

void ProcessPool::spawn(int index)
{
    Worker& worker = *m_workers[std::size_t(index)];
    worker.lane = std::make_unique<LaneWriter>(m_context.recorder, std::uint16_t(m_firstLane + index));
    worker.process = std::make_unique<QProcess>();
    QProcess* process = worker.process.get();
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QObject::connect(process, &QProcess::started, process, [this, index] {
        Worker& w = *m_workers[std::size_t(index)];
        // Known from here on: once the process is gone QProcess no longer says which pid it had.
        w.pid = w.process->processId();
        const Hello hello {w.lane->lane(), m_context.workload.sliceIterations, m_context.ioPort};
        w.process->write(encodeHello(hello));
    });
    QObject::connect(process, &QProcess::readyReadStandardOutput, process, [this, index] { onReadyRead(index); });
    QObject::connect(process, &QProcess::finished, process, [this, index](int code, QProcess::ExitStatus status) {
        onFinished(index, code, status == QProcess::CrashExit);
    });
    QObject::connect(process, &QProcess::errorOccurred, process, [this, index](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            onFailedToStart(index);
    });
    ++m_running;
    worker.spawnedNs = monotonicNowNs();
    process->start(QCoreApplication::applicationFilePath(), {QStringLiteral("worker")});
}

void ProcessPool::send(int index, const TaskSpec& task)
{
    Worker& worker = *m_workers[std::size_t(index)];
    worker.currentTask = task.id;
    worker.process->write(encodeTask(task));
}

void ProcessPool::close(int index)
{
    Worker& worker = *m_workers[std::size_t(index)];
    worker.closing = true;
    worker.process->closeWriteChannel();
}

void ProcessPool::stopAll()
{
    m_stopping = true;
    for (auto& worker : m_workers) {
        if (worker->process && worker->process->state() != QProcess::NotRunning)
            worker->process->kill();
    }
}

void ProcessPool::reap()
{
    for (auto& worker : m_workers) {
        if (!worker->process || worker->process->state() == QProcess::NotRunning)
            continue;
        worker->process->kill();
        worker->process->waitForFinished(reapTimeoutMs);
    }
}

std::vector<double> ProcessPool::peakRssMb() const
{
    std::vector<double> peaks;
    for (const auto& worker : m_workers)
        peaks.push_back(worker->peakRssMb);
    return peaks;
}

void ProcessPool::onReadyRead(int index)
{
    Worker& worker = *m_workers[std::size_t(index)];
    worker.reader.append(worker.process->readAllStandardOutput());
    QString error;
    while (auto frame = worker.reader.next(&error)) {
        QString why;
        if (!handle(index, *frame, &why)) {
            m_events.failed(why.isEmpty()
                    ? Problem(QT_TRANSLATE_NOOP("conlab::Problem", "%1 %2 sent a malformed message"),
                        {Problem(m_name), index + 1})
                    : Problem(QT_TRANSLATE_NOOP("conlab::Problem", "%1 %2 sent a malformed message: %3"),
                        {Problem(m_name), index + 1, why}));
            return;
        }
    }
    if (!error.isEmpty())
        m_events.failed(
            Problem(QT_TRANSLATE_NOOP("conlab::Problem", "%1 %2: %3"), {Problem(m_name), index + 1, error}));
}

bool ProcessPool::handle(int index, const Frame& frame, QString* why)
{
    Worker& worker = *m_workers[std::size_t(index)];
    switch (frame.type) {
    case MessageType::Ready: {
        const auto ready = decodeReady(frame.payload);
        if (!ready)
            return false;
        worker.pid = ready->pid;
        worker.peakRssMb = ready->peakRssMb;
        worker.lane->record(TaskState::StartingUp, worker.spawnedNs, ready->readyNs, -1);
        if (!m_stopping)
            m_events.ready(index);
        return true;
    }
    case MessageType::Segments: {
        auto segments = decodeSegments(frame.payload);
        if (!segments)
            return false;
        for (Segment& segment : *segments)
            worker.lane->record(segment.state, segment.beginNs, segment.endNs, segment.task, segment.core);
        return true;
    }
    case MessageType::TaskDone: {
        const auto done = decodeTaskDone(frame.payload, why);
        if (!done || done->task != worker.currentTask)
            return false;
        worker.currentTask = -1;
        worker.peakRssMb = std::max(worker.peakRssMb, done->peakRssMb);
        m_events.taskDone(index, *done);
        return true;
    }
    case MessageType::Hello:
    case MessageType::Task:
        break;
    }
    return false;
}

void ProcessPool::onFinished(int index, int code, bool crashed)
{
    Worker& worker = *m_workers[std::size_t(index)];
    if (!m_stopping && (!worker.closing || worker.currentTask >= 0 || code != 0)) {
        const Problem how = crashed ? Problem(QT_TRANSLATE_NOOP("conlab::Problem", "crashed or was killed"))
                                    : Problem(QT_TRANSLATE_NOOP("conlab::Problem", "exited with code %1"), {code});
        const Problem held = worker.currentTask >= 0
            ? Problem(QT_TRANSLATE_NOOP("conlab::Problem", "while running task %1"), {worker.currentTask})
            : Problem(QT_TRANSLATE_NOOP("conlab::Problem", "while holding no task"));
        m_events.failed(Problem(QT_TRANSLATE_NOOP("conlab::Problem", "%1 %2 (pid %3) %4 %5"),
            {Problem(m_name), index + 1, qint64(worker.pid ? worker.pid : worker.process->processId()), how, held}));
    }
    finishOne();
}

void ProcessPool::onFailedToStart(int index)
{
    m_events.failed(Problem(QT_TRANSLATE_NOOP("conlab::Problem", "could not start %1 %2: %3"),
        {Problem(m_name), index + 1, m_workers[std::size_t(index)]->process->errorString()}));
    finishOne();
}

void ProcessPool::finishOne()
{
    if (--m_running == 0 && m_events.allExited)
        m_events.allExited();
}

} // namespace conlab
