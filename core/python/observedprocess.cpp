#include "core/python/observedprocess.h"

#include "core/python/observationsink.h"
#include "core/python/observerstats.h"
#include "core/python/threadnames.h"
#include "core/trace/monotonicclock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <unistd.h>

namespace conlab::python {
namespace {

// Long enough for a new thread to have set its name (the bootstrap does it first thing), short enough that the lane
// appears while the thread is young.
constexpr std::int64_t laneNameDelayNs = 20'000'000;
// Where the bootstrap reports full names, how long a new thread's lane waits for its name before taking the comm: on a
// busy machine a new thread may not run for tens of milliseconds (its comm is then still its creator's), and a thread
// started outside `threading` (by a C extension) reports none.
constexpr std::int64_t laneNameWaitNs = 1'000'000'000;
// A watchpoint write is applied once this old: by then every CPU's ring holds the writes from before it.
constexpr std::int64_t watchSettleNs = 1'000'000;
// Functions are read at every 4th state pass, ~250 times a second per running thread: a function that runs for less
// than a few milliseconds is too thin to hover in the picture anyway, and a read (four process_vm_readv, ~6 µs) then
// costs under 0.2 % of a core per thread.
constexpr std::uint64_t functionPassEvery = 4;
// A thread list longer than this is not believed (a torn read looping back on itself).
constexpr int maxThreadStates = 4096;

QString taskPath(pid_t pid, pid_t tid, const char* leaf)
{
    return QStringLiteral("/proc/%1/task/%2/%3").arg(pid).arg(tid).arg(QLatin1String(leaf));
}

QString readComm(pid_t pid, pid_t tid)
{
    QFile file(taskPath(pid, tid, "comm"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLocal8Bit(file.readAll()).trimmed();
}

// pread of a small /proc file through a descriptor kept open: the cheapest way to read it a thousand times a second.
std::optional<std::string_view> readSmall(int fd, char* buffer, std::size_t size)
{
    if (fd < 0)
        return std::nullopt;
    const ssize_t got = ::pread(fd, buffer, size, 0);
    if (got <= 0)
        return std::nullopt;
    return std::string_view(buffer, std::size_t(got));
}

} // namespace

ObservedProcess::ObservedProcess(pid_t pid, const ProbeResult& probe, ObservationSink& sink, const ThreadNames& names,
    std::int64_t nowNs, bool preciseGil)
    : m_pid(pid)
    , m_sink(sink)
    , m_names(names)
    , m_version(probe.version)
    , m_note(probe.note)
    , m_gil(probe.gil)
    , m_memory(pid)
{
    if (m_gil)
        m_gilLane = m_sink.laneFor(ObservedLane {ObservedLane::Kind::Gil, pid, 0, readComm(pid, pid)});
    if (m_gil && m_gil->layout.frames.readable())
        m_functions = std::make_unique<FunctionReader>(
            m_memory, m_gil->layout, [this](const QString& name) { return m_sink.functionFor(name); });
    scanThreads(nowNs);
    if (m_gil && preciseGil)
        watchGil(nowNs);
}

void ObservedProcess::watchGil(std::int64_t nowNs)
{
    m_watch = GilWatchpoint::open(m_pid, m_gil->gil + m_gil->layout.gilLocked, &m_preciseNote);
    if (!m_watch) {
        m_preciseNote = QStringLiteral("precise mode is off, its GIL is sampled: %1").arg(m_preciseNote);
        return;
    }
    // Threads that exist already would write unseen: only new threads inherit the watchpoint.
    if (QDir(QStringLiteral("/proc/%1/task").arg(m_pid)).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size() != 1) {
        m_watch.reset();
        m_preciseNote = QStringLiteral("precise mode is off, its GIL is sampled: it had threads before the watchpoint");
        return;
    }
    // Where the GIL stands now; writes from here on move it.
    GilWords state;
    if (!readGilWords(m_memory, m_gil->layout, m_gil->gil, &state)) {
        m_watch.reset();
        return;
    }
    m_watchSinceNs = monotonicNowNs();
    m_preciseRan = true;
    if (state.locked == 1) {
        const std::uint64_t tid = m_memory.readPointer(state.lastHolder + m_gil->layout.threadNativeId);
        m_preciseHolder = tid > 0 && tid < (1u << 30) ? pid_t(tid) : 0;
        if (m_preciseHolder != 0)
            m_gilRun.observe(std::max(nowNs, m_watchSinceNs), TaskState::Running, m_preciseHolder, -1);
    }
}

void ObservedProcess::followWrites(std::int64_t untilNs)
{
    if (!m_watch->drain(m_writes)) {
        m_preciseNote = QStringLiteral("its GIL watchpoint lost writes (a full buffer), so it is sampled from then on");
        m_preciseRan = false;
        untilNs = std::numeric_limits<std::int64_t>::max();
    }
    std::stable_sort(m_writes.begin(), m_writes.end(),
        [](const GilWatchpoint::Write& a, const GilWatchpoint::Write& b) { return a.timeNs < b.timeNs; });
    const auto settled = std::find_if(
        m_writes.begin(), m_writes.end(), [untilNs](const GilWatchpoint::Write& w) { return w.timeNs > untilNs; });
    std::for_each(m_writes.begin(), settled, [this](const GilWatchpoint::Write& w) { applyWrite(w); });
    m_writes.erase(m_writes.begin(), settled);
    m_currentHolderTid = m_preciseHolder;
    if (untilNs == std::numeric_limits<std::int64_t>::max() && !m_preciseNote.isEmpty())
        m_watch.reset();
}

void ObservedProcess::applyWrite(const GilWatchpoint::Write& write)
{
    if (write.timeNs <= m_watchSinceNs)
        return;
    m_lastWriteNs = write.timeNs;
    std::optional<Segment> ended;
    if (write.tid == m_preciseHolder) {
        // Its holder writes 0: dropped.
        ended = m_gilRun.close(write.timeNs);
        m_preciseHolder = 0;
    } else {
        // Taken; from another thread too, should its drop have gone unseen.
        const Thread* holder = thread(write.tid);
        ended = m_gilRun.observe(write.timeNs, TaskState::Running, write.tid, holder ? holder->stat.processor : -1);
        m_preciseHolder = write.tid;
    }
    if (ended)
        recordGil(*ended);
}

ObservedProcess::~ObservedProcess()
{
    for (const auto& thread : m_threads) {
        for (int fd : {thread->statFd, thread->syscallFd}) {
            if (fd >= 0)
                ::close(fd);
        }
    }
}

void ObservedProcess::scanThreads(std::int64_t nowNs)
{
    if (m_ended)
        return;
    const QStringList tids
        = QDir(QStringLiteral("/proc/%1/task").arg(m_pid)).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    if (tids.isEmpty()) {
        m_ended = true;
        return;
    }
    for (const QString& text : tids) {
        const pid_t tid = pid_t(text.toInt());
        if (tid <= 0 || m_byTid.count(tid))
            continue;
        auto thread = std::make_unique<Thread>(m_pid, tid, nowNs);
        thread->name = readComm(m_pid, tid);
        thread->statFd = ::open(qPrintable(taskPath(m_pid, tid, "stat")), O_RDONLY | O_CLOEXEC);
        // Refused where memory reads are (Yama above 1, non-dumpable): the thread is then drawn from stat alone.
        thread->syscallFd = ::open(qPrintable(taskPath(m_pid, tid, "syscall")), O_RDONLY | O_CLOEXEC);
        if (thread->statFd < 0)
            continue;
        m_byTid.emplace(tid, thread.get());
        m_threads.push_back(std::move(thread));
    }
}

ObservedProcess::Thread* ObservedProcess::thread(pid_t tid)
{
    const auto found = m_byTid.find(tid);
    return found == m_byTid.end() ? nullptr : found->second;
}

void ObservedProcess::sampleGil(std::int64_t nowNs)
{
    if (!m_gil || m_ended)
        return;
    GilWords state;
    if (!readGilWords(m_memory, m_gil->layout, m_gil->gil, &state)) {
        // The process has exited (its memory goes before its threads' /proc entries): the next state pass ends it.
        if (m_memory.lastError() == ESRCH)
            m_ended = true;
        else
            stopGil(QStringLiteral("its GIL could no longer be read (%1)%2")
                        .arg(QString::fromLocal8Bit(std::strerror(m_memory.lastError())),
                            m_memory.lastError() == EPERM || m_memory.lastError() == EACCES
                                ? QStringLiteral(": it became non-dumpable, and is drawn from /proc from then on")
                                : QString()));
        return;
    }
    if (state.locked != 0 && state.locked != 1) {
        stopGil(QStringLiteral("its GIL's locked word read %1, so its GIL lane stops there").arg(state.locked));
        return;
    }
    if (m_gilSamples++ == 0) {
        m_firstGilSampleNs = nowNs;
        m_firstSwitch = state.switchNumber;
    }
    m_lastGilSampleNs = nowNs;
    m_lastSwitch = state.switchNumber;
    if (m_watch) {
        // Should it lose writes, sampling takes over from the next sample on.
        followWrites(nowNs - watchSettleNs);
        return;
    }

    m_currentHolderTid = 0;
    std::optional<Segment> ended;
    if (state.locked == 1) {
        // Thread states are freed and their addresses reused: a changed pointer is looked up again, every time.
        if (state.lastHolder != m_holderState) {
            m_holderState = state.lastHolder;
            const std::uint64_t tid = m_memory.readPointer(state.lastHolder + m_gil->layout.threadNativeId);
            m_holderTid = tid > 0 && tid < (1u << 30) ? pid_t(tid) : 0;
        }
        m_currentHolderTid = m_holderTid;
        const Thread* holder = thread(m_holderTid);
        ended = m_gilRun.observe(nowNs, TaskState::Running, m_holderTid, holder ? holder->stat.processor : -1);
    } else {
        ended = m_gilRun.close(nowNs);
    }
    if (ended)
        recordGil(*ended);
}

void ObservedProcess::closeGilRun()
{
    if (m_watch) {
        // Every write there will be is in the rings: apply them all, and end a holder's segment at the last sample.
        followWrites(std::numeric_limits<std::int64_t>::max());
        m_watch.reset();
        if (m_preciseHolder != 0)
            m_gilRun.observe(std::max(m_lastGilSampleNs, m_lastWriteNs), TaskState::Running, m_preciseHolder, -1);
    }
    if (const std::optional<std::int64_t> lastNs = m_gilRun.lastSampleNs()) {
        if (std::optional<Segment> ended = m_gilRun.close(*lastNs))
            recordGil(*ended);
    }
}

void ObservedProcess::recordGil(Segment segment)
{
    m_heldNs[pid_t(segment.task)] += segment.durationNs();
    segment.lane = m_gilLane;
    m_sink.record(segment);
}

void ObservedProcess::stopGil(const QString& why)
{
    closeGilRun();
    m_gil.reset();
    m_functions.reset();
    m_currentHolderTid = 0;
    m_note = why;
}

void ObservedProcess::readStates(std::vector<CpuClaim>& claims)
{
    if (m_ended)
        return;
    const std::uint64_t gilBegin = m_gil ? m_gil->gil : 0;
    const std::uint64_t gilEnd = m_gil ? m_gil->gil + m_gil->layout.gilSize : 0;
    char buffer[512];
    for (const auto& pointer : m_threads) {
        Thread& thread = *pointer;
        thread.sampled = false;
        if (!thread.alive)
            continue;
        const std::optional<std::string_view> text = readSmall(thread.statFd, buffer, sizeof(buffer));
        const std::optional<TaskStat> stat = text ? parseTaskStat(*text) : std::nullopt;
        if (!stat || stat->state == 'Z' || stat->state == 'X') {
            endThread(thread);
            if (thread.lane.tid() == m_pid)
                m_ended = true;
            continue;
        }
        thread.sampled = true;
        thread.stat = *stat;
        thread.ready = false;
        thread.epollFd.reset();
        if (stat->state == 'R') {
            const int strength = thread.lane.tid() == m_currentHolderTid ? 2
                : thread.lane.currentState() == TaskState::Running       ? 1
                                                                         : 0;
            claims.push_back(CpuClaim {stat->processor, strength, &thread.ready});
            continue;
        }
        // /proc/.../syscall costs: it is read only for threads that sleep.
        const std::optional<std::string_view> callText = readSmall(thread.syscallFd, buffer, sizeof(buffer));
        const std::optional<TaskSyscall> call = callText ? parseTaskSyscall(*callText) : std::nullopt;
        if (!call || call->running) {
            // Refused, or it woke up between the two reads.
            thread.blockedState = call ? TaskState::Running : TaskState::WaitingIo;
            continue;
        }
        const Blocking blocking = classifyBlocking(*call, gilBegin, gilEnd);
        thread.blockedState = taskStateFor(blocking);
        if (blocking == Blocking::Selector)
            thread.epollFd = int(call->args[0]);
    }
    if (std::all_of(m_threads.begin(), m_threads.end(), [](const auto& thread) { return !thread->alive; }))
        m_ended = true;
}

void ObservedProcess::recordStates(std::int64_t nowNs)
{
    const bool functionPass = m_functions && m_statePasses++ % functionPassEvery == 0;
    m_threadListWalked = false;
    for (const auto& pointer : m_threads) {
        Thread& thread = *pointer;
        if (!thread.sampled)
            continue;
        const TaskState state
            = thread.stat.state == 'R' ? (thread.ready ? TaskState::Ready : TaskState::Running) : thread.blockedState;
        if (functionPass)
            readFunction(thread, state);
        thread.lane.observe(m_sink, nowNs, state, thread.stat.processor, thread.epollFd, thread.function);
        if (!thread.lane.hasLane()) {
            const std::int64_t age = nowNs - thread.lane.firstSeenNs();
            if (m_names.nameOf(thread.lane.tid())
                || (age >= laneNameDelayNs && (!m_names.reported() || age >= laneNameWaitNs))) {
                thread.name = laneName(thread);
                thread.lane.createLane(m_sink, thread.name);
            }
        }
        if (const std::optional<int> fd = thread.lane.loopCheckDue(nowNs)) {
            const QString target = QFileInfo(QStringLiteral("/proc/%1/fd/%2").arg(m_pid).arg(*fd)).symLinkTarget();
            if (!target.endsWith(QLatin1String("[eventpoll]")))
                thread.lane.loopClosed(m_sink);
        }
    }
}

void ObservedProcess::readFunction(Thread& thread, TaskState state)
{
    // A thread that waits stays in the function it waits in.
    if (state != TaskState::Running && thread.functionReadIn == state)
        return;
    thread.functionReadIn = state;
    const pid_t tid = thread.lane.tid();
    thread.function = m_functions->functionOf(threadStateOf(tid), tid);
    // Its thread state may have been freed and reused: look it up again next time.
    if (thread.function < 0)
        m_threadStates.erase(tid);
}

std::uint64_t ObservedProcess::threadStateOf(pid_t tid)
{
    if (const auto found = m_threadStates.find(tid); found != m_threadStates.end())
        return found->second;
    if (m_threadListWalked)
        return 0;
    m_threadListWalked = true;
    m_threadStates.clear();
    const CPythonLayout& layout = m_gil->layout;
    std::uint64_t state = m_memory.readPointer(m_gil->interpreter + layout.threadsHead);
    for (int i = 0; state != 0 && i < maxThreadStates; ++i) {
        const std::uint64_t native = m_memory.readPointer(state + layout.threadNativeId);
        if (native > 0 && native < (1u << 30))
            m_threadStates.emplace(pid_t(native), state);
        state = m_memory.readPointer(state + layout.threadNext);
    }
    const auto found = m_threadStates.find(tid);
    return found == m_threadStates.end() ? 0 : found->second;
}

void ObservedProcess::endThread(Thread& thread)
{
    thread.alive = false;
    if (!thread.lane.hasLane())
        thread.name = laneName(thread);
    thread.lane.finish(m_sink, thread.name);
    for (int* fd : {&thread.statFd, &thread.syscallFd}) {
        if (*fd >= 0)
            ::close(*fd);
        *fd = -1;
    }
}

QString ObservedProcess::laneName(const Thread& thread) const
{
    if (const std::optional<QString> reported = m_names.nameOf(thread.lane.tid()))
        return *reported;
    const QString comm = readComm(m_pid, thread.lane.tid());
    return comm.isEmpty() ? thread.name : comm;
}

void ObservedProcess::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_ended = true;
    closeGilRun();
    for (const auto& thread : m_threads) {
        if (thread->alive)
            endThread(*thread);
    }
}

void ObservedProcess::addThreadTimes(ObserverStats& stats) const
{
    for (const auto& thread : m_threads) {
        const auto held = m_heldNs.find(thread->lane.tid());
        stats.threads.push_back(ThreadGilTimes {m_pid, thread->lane.tid(), thread->name,
            held == m_heldNs.end() ? 0 : held->second, thread->lane.gilWaitNs()});
    }
}

} // namespace conlab::python
