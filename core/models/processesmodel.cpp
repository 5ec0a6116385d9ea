#include "processesmodel.h"

#include "lanewriter.h"
#include "run/canceltoken.h"
#include "trace/monotonicclock.h"
#include "trace/tracerecorder.h"
#include "workerprotocol.h"
#include "workload/workload.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QProcess>
#include <QSocketNotifier>

#include <algorithm>
#include <memory>

namespace conlab {
namespace {

    using namespace workerprotocol;

    int poolSize(int workers, int tasks) { return std::max(1, std::min(workers, tasks)); }

    // How long a killed worker may take to be reaped before we stop waiting (it is SIGKILLed: it cannot refuse).
    constexpr int reapTimeoutMs = 1000;

    struct Worker {
        std::unique_ptr<QProcess> process;
        std::unique_ptr<LaneWriter> lane;
        FrameReader reader;
        std::int64_t spawnedNs = 0;
        std::int64_t pid = 0;
        int currentTask = -1;
        double peakRssMb = 0;
        bool closing = false; // we closed its stdin: exiting is expected now
    };

    // One run of the pool, driven by the engine thread's own event loop.
    class PoolRun
    {
    public:
        explicit PoolRun(const ExecutionContext& context)
            : m_context(context)
            , m_cancelNotifier(context.cancel.fd(), QSocketNotifier::Read)
        {
            // The eventfd stays readable once cancelled: one activation is all we need.
            QObject::connect(&m_cancelNotifier, &QSocketNotifier::activated, &m_loop, [this] {
                m_cancelNotifier.setEnabled(false);
                stopAll();
            });
        }

        ModelOutcome run()
        {
            const int count = poolSize(m_context.workers, int(m_context.workload.tasks.size()));
            m_workers.resize(std::size_t(count));
            for (int i = 0; i < count; ++i)
                spawn(i);
            if (m_running > 0)
                m_loop.exec();
            for (Worker& worker : m_workers)
                reap(worker);
            for (const Worker& worker : m_workers)
                m_outcome.workerPeakRssMb.push_back(worker.peakRssMb);
            return m_outcome;
        }

    private:
        void spawn(int index)
        {
            Worker& worker = m_workers[std::size_t(index)];
            worker.lane = std::make_unique<LaneWriter>(m_context.recorder, std::uint16_t(index));
            worker.process = std::make_unique<QProcess>();
            QProcess* process = worker.process.get();
            process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            QObject::connect(process, &QProcess::started, process, [this, index] { onStarted(index); });
            QObject::connect(
                process, &QProcess::readyReadStandardOutput, process, [this, index] { onReadyRead(index); });
            QObject::connect(process, &QProcess::finished, process,
                [this, index](int code, QProcess::ExitStatus status) { onFinished(index, code, status); });
            QObject::connect(process, &QProcess::errorOccurred, process, [this, index](QProcess::ProcessError error) {
                if (error == QProcess::FailedToStart)
                    onFailedToStart(index);
            });
            ++m_running;
            worker.spawnedNs = monotonicNowNs();
            process->start(QCoreApplication::applicationFilePath(), { QStringLiteral("worker") });
        }

        void onStarted(int index)
        {
            Worker& worker = m_workers[std::size_t(index)];
            const Hello hello { std::uint16_t(index), m_context.workload.sliceIterations, m_context.ioPort };
            worker.process->write(encodeHello(hello));
        }

        void onReadyRead(int index)
        {
            Worker& worker = m_workers[std::size_t(index)];
            worker.reader.append(worker.process->readAllStandardOutput());
            QString error;
            while (auto frame = worker.reader.next(&error)) {
                if (!handle(index, *frame))
                    return fail(QStringLiteral("worker process %1 sent a malformed message").arg(index + 1));
            }
            if (!error.isEmpty())
                fail(QStringLiteral("worker process %1: %2").arg(index + 1).arg(error));
        }

        bool handle(int index, const Frame& frame)
        {
            Worker& worker = m_workers[std::size_t(index)];
            switch (frame.type) {
            case MessageType::Ready: {
                const auto ready = decodeReady(frame.payload);
                if (!ready)
                    return false;
                worker.pid = ready->pid;
                worker.peakRssMb = ready->peakRssMb;
                worker.lane->record(TaskState::StartingUp, worker.spawnedNs, ready->readyNs, -1);
                dispatchNext(worker);
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
                const auto done = decodeTaskDone(frame.payload);
                if (!done || done->task != worker.currentTask)
                    return false;
                worker.currentTask = -1;
                worker.peakRssMb = std::max(worker.peakRssMb, done->peakRssMb);
                if (!done->completed) {
                    fail(done->error.isEmpty() ? QStringLiteral("task %1 did not complete").arg(done->task)
                                               : done->error);
                    return true;
                }
                ++m_outcome.tasksCompleted;
                m_outcome.checksum += done->checksum;
                dispatchNext(worker);
                return true;
            }
            case MessageType::Hello:
            case MessageType::Task:
                break;
            }
            return false;
        }

        void dispatchNext(Worker& worker)
        {
            const auto& tasks = m_context.workload.tasks;
            if (m_stopping || m_next >= int(tasks.size())) {
                worker.closing = true;
                worker.process->closeWriteChannel(); // end of input: the worker exits on its own
                return;
            }
            worker.currentTask = m_next;
            worker.process->write(encodeTask(tasks[std::size_t(m_next++)]));
        }

        void onFinished(int index, int code, QProcess::ExitStatus status)
        {
            Worker& worker = m_workers[std::size_t(index)];
            if (!m_stopping && (!worker.closing || worker.currentTask >= 0 || code != 0)) {
                const QString how = status == QProcess::CrashExit ? QStringLiteral("crashed or was killed")
                                                                  : QStringLiteral("exited with code %1").arg(code);
                const QString held = worker.currentTask >= 0
                    ? QStringLiteral("while running task %1").arg(worker.currentTask)
                    : QStringLiteral("while holding no task");
                fail(QStringLiteral("worker process %1 (pid %2) %3 %4")
                         .arg(index + 1)
                         .arg(worker.pid ? worker.pid : worker.process->processId())
                         .arg(how, held));
            }
            finishOne();
        }

        void onFailedToStart(int index)
        {
            fail(QStringLiteral("could not start worker process %1: %2")
                     .arg(index + 1)
                     .arg(m_workers[std::size_t(index)].process->errorString()));
            finishOne();
        }

        void finishOne()
        {
            if (--m_running == 0)
                m_loop.quit();
        }

        void fail(const QString& error)
        {
            if (m_outcome.error.isEmpty())
                m_outcome.error = error;
            stopAll();
        }

        // Cancel or failure: every worker goes now. Results already received are kept.
        void stopAll()
        {
            m_stopping = true;
            for (Worker& worker : m_workers) {
                if (worker.process && worker.process->state() != QProcess::NotRunning)
                    worker.process->kill();
            }
        }

        static void reap(Worker& worker)
        {
            if (!worker.process || worker.process->state() == QProcess::NotRunning)
                return;
            worker.process->kill();
            worker.process->waitForFinished(reapTimeoutMs);
        }

        const ExecutionContext& m_context;
        QEventLoop m_loop;
        QSocketNotifier m_cancelNotifier;
        std::vector<Worker> m_workers;
        ModelOutcome m_outcome;
        int m_next = 0;
        int m_running = 0;
        bool m_stopping = false;
    };

} // namespace

std::vector<LaneInfo> ProcessesModel::lanes(int workers, int tasks) const
{
    std::vector<LaneInfo> lanes;
    for (int i = 0; i < poolSize(workers, tasks); ++i)
        lanes.push_back(LaneInfo { QStringLiteral("process %1").arg(i + 1), LaneKind::Process });
    return lanes;
}

ModelOutcome ProcessesModel::run(const ExecutionContext& context)
{
    if (context.cancel.isCancelled())
        return {};
    PoolRun pool(context);
    return pool.run();
}

} // namespace conlab
