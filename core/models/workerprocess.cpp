#include "core/models/workerprocess.h"

#include "core/models/sharedstate.h"
#include "core/models/taskexecutor.h"
#include "core/models/workerprotocol.h"
#include "core/run/canceltoken.h"
#include "core/run/processstats.h"
#include "core/trace/monotonicclock.h"
#include "core/trace/tracerecorder.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <poll.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace conlab {
namespace {

using namespace workerprotocol;

constexpr int helloTimeoutMs = 10'000;

int refuse(const char* why)
{
    std::fprintf(stderr,
        "conlab worker: %s\nThis mode is internal: `conlab` starts its worker processes itself and talks to "
        "them over a binary protocol on stdin/stdout. Use `conlab run --model processes ...` instead.\n",
        why);
    return 2;
}

bool writeAll(const QByteArray& bytes)
{
    const char* data = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t written = ::write(STDOUT_FILENO, data, std::size_t(left));
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return false;
        data += written;
        left -= written;
    }
    return true;
}

// Blocks until a whole frame is there; nullopt on end of input (the parent closed our stdin: time to go).
std::optional<Frame> readFrame(FrameReader& reader, int timeoutMs, QString* error)
{
    for (;;) {
        if (auto frame = reader.next(error))
            return frame;
        if (!error->isEmpty())
            return std::nullopt;
        if (timeoutMs >= 0) {
            pollfd pfd {STDIN_FILENO, POLLIN, 0};
            if (::poll(&pfd, 1, timeoutMs) == 0) {
                *error = QStringLiteral("no handshake on stdin within %1 s").arg(timeoutMs / 1000);
                return std::nullopt;
            }
        }
        char buffer[65536];
        const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return std::nullopt;
        reader.append(QByteArray(buffer, qsizetype(got)));
    }
}

} // namespace

int runWorkerProcess()
{
    // Never outlive the parent, even if it is killed with SIGKILL and cannot close our stdin.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::isatty(STDIN_FILENO))
        return refuse("stdin is a terminal, not a conlab parent");

    FrameReader reader;
    QString error;
    const auto helloFrame = readFrame(reader, helloTimeoutMs, &error);
    if (!helloFrame)
        return refuse(error.isEmpty() ? "stdin closed before the handshake" : qPrintable(error));
    const auto hello = helloFrame->type == MessageType::Hello ? decodeHello(helloFrame->payload) : std::nullopt;
    if (!hello)
        return refuse("the first message on stdin is not a conlab handshake");

    Workload workload;
    workload.sliceIterations = hello->sliceIterations;
    // One lane here; the parent files our segments under the lane it gave us.
    TraceRecorder recorder({LaneInfo {QStringLiteral("worker"), LaneKind::Process}});
    const CancelToken cancel; // the parent stops a worker by killing it
    // This process's own globals: a counter incremented here never reaches the parent's, as in multiprocessing.
    SharedState shared;
    // No GIL: one thread per worker process, and its GIL would be its own anyway.
    const ExecutionContext context {workload, 1, recorder, cancel, hello->ioPort, nullptr, &shared};
    TaskExecutor executor(context, 0);

    if (!writeAll(encodeReady(Ready {monotonicNowNs(), ::getpid(), processstats::peakRssMb()})))
        return 1;
    for (;;) {
        const auto frame = readFrame(reader, -1, &error);
        if (!frame)
            return error.isEmpty() ? 0 : refuse(qPrintable(error));
        const auto task = frame->type == MessageType::Task ? decodeTask(frame->payload) : std::nullopt;
        if (!task)
            return refuse("malformed task message");
        const TaskOutcome outcome = executor.run(*task);
        const TaskDone done {task->id, outcome.completed, outcome.checksum, processstats::peakRssMb(), outcome.error};
        if (!writeAll(encodeSegments(recorder.drain()) + encodeTaskDone(done)))
            return 1;
    }
}

} // namespace conlab
