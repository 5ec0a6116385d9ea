#include "core/python/observercore.h"
#include "core/python/processprobe.h"
#include "core/python/pythonobserver.h"
#include "tests/core/python/interpretertest.h"
#include "tests/core/python/pythonchild.h"
#include "tests/core/python/recordingsink.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <algorithm>
#include <gtest/gtest.h>
#include <map>
#include <spawn.h>
#include <thread>
#include <tuple>

namespace conlab::python {
namespace {

using test::observe;
using test::PythonChild;
using test::RecordingSink;

class PythonObserverProcess : public test::InterpreterTest
{
};

QString script(const char* body)
{
    return QString::fromLatin1(test::nameThread) + QString::fromLatin1(body);
}

const ThreadGilTimes* threadNamed(const ObserverStats& stats, const QString& name)
{
    for (const ThreadGilTimes& thread : stats.threads) {
        if (thread.name == name)
            return &thread;
    }
    return nullptr;
}

TEST_P(PythonObserverProcess, LocatesTheRuntimeAndReadsTheVersion)
{
    QProcess version;
    version.start(python(), {QStringLiteral("-c"), QStringLiteral("import sys; print(sys.version.split()[0])")});
    ASSERT_TRUE(version.waitForFinished(10'000));
    const QString expected = QString::fromLatin1(version.readAllStandardOutput()).trimmed();

    PythonChild child(python(), QStringLiteral("pass"));
    ASSERT_GT(child.pid(), 0);
    ProcessProbe probe;
    ProbeResult result;
    for (int attempt = 0; attempt < 1000; ++attempt) {
        result = probe.probe(child.pid());
        if (result.outcome != ProbeResult::Outcome::NotYet && result.outcome != ProbeResult::Outcome::NotPython)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(3));
    }
    ASSERT_EQ(result.outcome, ProbeResult::Outcome::Gil) << result.note.toStdString();
    EXPECT_EQ(result.version, expected);
    ASSERT_TRUE(result.gil.has_value());
    EXPECT_NE(result.gil->gil, 0u);
    child.release();
    EXPECT_EQ(child.finish(10'000), 0);
}

// The offsets the observer uses, from the interpreter's own headers (compiled now, with Py_BUILD_CORE for the internal
// structs): the 3.11/3.12 tables and what is read from 3.13's _Py_DebugOffsets must both agree with offsetof.
const char* offsetProgram = R"(
#define Py_BUILD_CORE 1
#include <Python.h>
#include <stddef.h>
#include <stdio.h>
#include "internal/pycore_runtime.h"
#include "internal/pycore_interp.h"
#include "internal/pycore_frame.h"
#define P(name, value) printf("%s %zu\n", name, (size_t)(value))
int main(void) {
#if PY_VERSION_HEX < 0x030C0000
    P("interpreter", offsetof(_PyRuntimeState, interpreters.main));
    P("gil", offsetof(_PyRuntimeState, ceval.gil));
#else
    P("interpreter", PY_VERSION_HEX >= 0x030D0000 ? offsetof(_PyRuntimeState, interpreters.head)
                                                  : offsetof(_PyRuntimeState, interpreters.main));
    P("gil", offsetof(PyInterpreterState, ceval.gil));
#endif
    P("gilLastHolder", offsetof(struct _gil_runtime_state, last_holder));
    P("gilLocked", offsetof(struct _gil_runtime_state, locked));
    P("gilSwitchNumber", offsetof(struct _gil_runtime_state, switch_number));
    P("gilSize", sizeof(struct _gil_runtime_state));
    P("gilInterval", offsetof(struct _gil_runtime_state, interval));
    P("threadsHead", offsetof(PyInterpreterState, threads.head));
    P("threadNext", offsetof(PyThreadState, next));
    P("threadInterpreter", offsetof(PyThreadState, interp));
    P("threadNativeId", offsetof(PyThreadState, native_thread_id));
#if PY_VERSION_HEX < 0x030D0000
    P("threadCFrame", offsetof(PyThreadState, cframe));
    P("cframeCurrentFrame", offsetof(_PyCFrame, current_frame));
    P("threadCurrentFrame", 0);
    P("frameCode", offsetof(_PyInterpreterFrame, f_code));
#else
    P("threadCFrame", 0);
    P("cframeCurrentFrame", 0);
    P("threadCurrentFrame", offsetof(PyThreadState, current_frame));
    P("frameCode", offsetof(_PyInterpreterFrame, f_executable));
#endif
#if PY_VERSION_HEX >= 0x030C0000
    P("ownedByCStack", FRAME_OWNED_BY_CSTACK);
#else
    P("ownedByCStack", 3); /* no such owner: nothing is skipped */
#endif
    P("framePrevious", offsetof(_PyInterpreterFrame, previous));
    P("frameOwner", offsetof(_PyInterpreterFrame, owner));
    P("codeFilename", offsetof(PyCodeObject, co_filename));
    P("codeName", offsetof(PyCodeObject, co_name));
    P("codeQualname", offsetof(PyCodeObject, co_qualname));
    P("codeFirstLine", offsetof(PyCodeObject, co_firstlineno));
    P("objectType", offsetof(PyObject, ob_type));
    P("typeName", offsetof(PyTypeObject, tp_name));
    P("unicodeLength", offsetof(PyASCIIObject, length));
    P("unicodeState", offsetof(PyASCIIObject, state));
    P("asciiSize", sizeof(PyASCIIObject));
    P("compactSize", sizeof(PyCompactUnicodeObject));
    P("unicodeData", offsetof(PyUnicodeObject, data));
    {
        /* The state bits the str reader decodes: kind in bits 2-4, compact bit 5, ascii bit 6. */
        union { PyASCIIObject o; unsigned char b[sizeof(PyASCIIObject)]; } u;
        unsigned bits = 0;
        memset(&u, 0, sizeof u);
        u.o.state.kind = 7;
        u.o.state.compact = 1;
        u.o.state.ascii = 1;
        memcpy(&bits, u.b + offsetof(PyASCIIObject, state), sizeof bits);
        P("unicodeStateBits", bits);
    }
    return 0;
}
)";

TEST_P(PythonObserverProcess, LayoutAgreesWithTheInterpreterHeaders)
{
    const QString headers = GetParam().headers;
    if (!QFileInfo::exists(headers + QStringLiteral("/internal/pycore_interp.h")))
        GTEST_SKIP() << "headers not installed: " << headers.toStdString();
    const QString compiler = QStandardPaths::findExecutable(QStringLiteral("cc"));
    if (compiler.isEmpty())
        GTEST_SKIP() << "no C compiler (cc) to read the headers with";
    QTemporaryDir dir;
    const QString binary = dir.filePath(QStringLiteral("offsets"));
    QProcess compile;
    compile.start(compiler,
        {QStringLiteral("-I") + headers, QStringLiteral("-x"), QStringLiteral("c"), QStringLiteral("-"),
            QStringLiteral("-o"), binary});
    compile.write(offsetProgram);
    compile.closeWriteChannel();
    ASSERT_TRUE(compile.waitForFinished(60'000));
    ASSERT_EQ(compile.exitCode(), 0) << compile.readAllStandardError().toStdString();
    QProcess run;
    run.start(binary, {});
    ASSERT_TRUE(run.waitForFinished(10'000));
    std::map<std::string, std::uint64_t> expected;
    for (const QByteArray& line : run.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() == 2)
            expected[fields[0].toStdString()] = fields[1].toULongLong();
    }
    ASSERT_EQ(expected.size(), 30u);

    PythonChild child(python(), QStringLiteral("pass"));
    ProcessProbe probe;
    ProbeResult result;
    for (int attempt = 0; attempt < 1000 && result.outcome != ProbeResult::Outcome::Gil; ++attempt) {
        result = probe.probe(child.pid());
        std::this_thread::sleep_for(std::chrono::milliseconds(3));
    }
    ASSERT_EQ(result.outcome, ProbeResult::Outcome::Gil) << result.note.toStdString();
    const CPythonLayout& layout = result.gil->layout;
    EXPECT_EQ(layout.interpreter, expected["interpreter"]);
    EXPECT_EQ(layout.gil, expected["gil"]);
    EXPECT_EQ(layout.gilLastHolder, expected["gilLastHolder"]);
    EXPECT_EQ(layout.gilLocked, expected["gilLocked"]);
    EXPECT_EQ(layout.gilSwitchNumber, expected["gilSwitchNumber"]);
    EXPECT_EQ(layout.gilSize, expected["gilSize"]);
    EXPECT_EQ(expected["gilInterval"], 0u) << "the sanity check reads the interval at +0";
    EXPECT_EQ(layout.threadsHead, expected["threadsHead"]);
    EXPECT_EQ(layout.threadNext, expected["threadNext"]);
    EXPECT_EQ(layout.threadInterpreter, expected["threadInterpreter"]);
    EXPECT_EQ(layout.threadNativeId, expected["threadNativeId"]);
    const FrameLayout& frames = layout.frames;
    EXPECT_EQ(frames.threadCFrame, expected["threadCFrame"]);
    EXPECT_EQ(frames.cframeCurrentFrame, expected["cframeCurrentFrame"]);
    EXPECT_EQ(frames.threadCurrentFrame, expected["threadCurrentFrame"]);
    EXPECT_EQ(frames.frameCode, expected["frameCode"]);
    EXPECT_EQ(expected["ownedByCStack"], 3u) << "the reader skips frames of owner 3";
    EXPECT_EQ(frames.framePrevious, expected["framePrevious"]);
    EXPECT_EQ(frames.frameOwner, expected["frameOwner"]);
    EXPECT_EQ(frames.codeFilename, expected["codeFilename"]);
    EXPECT_EQ(frames.codeName, expected["codeName"]);
    EXPECT_EQ(frames.codeQualname, expected["codeQualname"]);
    EXPECT_EQ(frames.codeFirstLine, expected["codeFirstLine"]);
    EXPECT_EQ(frames.objectType, expected["objectType"]);
    EXPECT_EQ(frames.typeName, expected["typeName"]);
    EXPECT_EQ(frames.unicodeLength, expected["unicodeLength"]);
    EXPECT_EQ(frames.unicodeState, expected["unicodeState"]);
    EXPECT_EQ(frames.asciiSize, expected["asciiSize"]);
    EXPECT_EQ(frames.compactSize, expected["compactSize"]);
    EXPECT_EQ(frames.unicodeData, expected["unicodeData"]);
    EXPECT_EQ(expected["unicodeStateBits"], 0x7cu) << "kind in bits 2-4, compact bit 5, ascii bit 6";
    child.release();
    EXPECT_EQ(child.finish(10'000), 0);
}

TEST_P(PythonObserverProcess, TwoCpuThreadsShareTheGil)
{
    PythonChild child(python(), script(R"(
import sys, time
def spin(name, until):
    name_thread(name)
    x = 0
    while time.monotonic() < until:
        x += 1
start = time.monotonic()
cpu = time.process_time()
threads = [threading.Thread(target=spin, args=(f'cpu{i}', start + 1.0)) for i in range(2)]
for t in threads: t.start()
for t in threads: t.join()
print('elapsed', time.monotonic() - start)
print('cpu', time.process_time() - cpu)
print('interval', sys.getswitchinterval())
)"));
    RecordingSink sink;
    const ObserverStats stats = observe(child, sink);
    EXPECT_EQ(sink.faults(), 0);
    EXPECT_EQ(stats.mode, QStringLiteral("memory")) << stats.notes.join(QLatin1Char('\n')).toStdString();
    const double elapsedNs = child.value("elapsed").toDouble() * 1e9;
    const double intervalNs = child.value("interval").toDouble() * 1e9;
    ASSERT_GT(elapsedNs, 0.9e9);
    for (const char* name : {"cpu0", "cpu1"}) {
        const ThreadGilTimes* thread = threadNamed(stats, QLatin1String(name));
        ASSERT_NE(thread, nullptr) << name;
        const double held = double(thread->gilHeldNs) / elapsedNs;
        EXPECT_GT(held, 0.35) << name;
        EXPECT_LT(held, 0.65) << name;
        // ~45 % on an idle machine; under load part of the wait is spent queued for a CPU (Ready) instead.
        EXPECT_GT(thread->gilWaitNs, std::int64_t(0.1 * elapsedNs)) << name << " waits for the GIL the other holds";
        const int lane = sink.laneOf(ObservedLane::Kind::Thread, child.pid(), QLatin1String(name));
        ASSERT_GE(lane, 0) << name;
        EXPECT_EQ(sink.stateNs(lane, TaskState::WaitingGil), thread->gilWaitNs) << name << ": the lane draws it";
        // Both threads end at the same moment, and ending takes threading's bookkeeping lock: one may wait for it a
        // millisecond or two (seen 0.5-1.7 ms, in the run's last 10 ms), a real lock wait. A GIL wait taken for a
        // lock would be near half the run.
        EXPECT_LT(sink.stateNs(lane, TaskState::BlockedLock), 0.02 * elapsedNs) << name;
    }
    // Run time / switch interval. A hand-over needs the waiter's timed wait to expire (wall time) and the holder to
    // run and see the request: on an idle machine the threads' CPU time is the wall time and both bounds are the
    // issue's +-30 %; on a loaded one the count falls between CPU time and wall time over the interval.
    const double cpuSwitches = child.value("cpu").toDouble() * 1e9 / intervalNs;
    const double wallSwitches = elapsedNs / intervalNs;
    EXPECT_GT(double(stats.gilSwitches), 0.7 * std::min(cpuSwitches, wallSwitches));
    EXPECT_LT(double(stats.gilSwitches), 1.3 * wallSwitches);
    EXPECT_GE(sink.laneOf(ObservedLane::Kind::Gil, child.pid()), 0);
    // The sampler is descheduled too: its rates are measured (>= 5 kHz and >= 1 kHz on an idle machine), and only
    // a sampler that is not running at all fails here.
    EXPECT_GT(stats.gilSampleHz, 500.0);
    EXPECT_GT(stats.stateSampleHz, 200.0);
    std::cout << "[ observer ] GIL " << stats.gilSampleHz << " Hz, states " << stats.stateSampleHz << " Hz, CPU "
              << stats.observerCpuPercent << " % of a core, " << stats.gilSwitches << " hand-overs in "
              << elapsedNs / 1e9 << " s\n";
}

TEST_P(PythonObserverProcess, ConvoyMakesTheIoThreadWaitForTheGil)
{
    // One thread does socket round trips; each return from the kernel needs the GIL back. Beside a CPU-bound thread
    // it waits for it most of the time (the convoy effect); alone, hardly ever.
    PythonChild child(python(), script(R"(
import socket, time
def round_trips(name, seconds):
    name_thread(name)
    a, b = socket.socketpair()
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        a.send(b'x')
        b.recv(1)
def spin(until):
    name_thread('cpu')
    while time.monotonic() < until:
        pass
alone = threading.Thread(target=round_trips, args=('io_alone', 0.5))
alone.start(); alone.join()
cpu = threading.Thread(target=spin, args=(time.monotonic() + 1.2,))
cpu.start()
time.sleep(0.1)
beside = threading.Thread(target=round_trips, args=('io_beside', 1.0))
beside.start(); beside.join(); cpu.join()
)"));
    RecordingSink sink;
    const ObserverStats stats = observe(child, sink);
    EXPECT_EQ(sink.faults(), 0);
    ASSERT_EQ(stats.mode, QStringLiteral("memory")) << stats.notes.join(QLatin1Char('\n')).toStdString();
    auto waitingShare = [&](const char* name) {
        const int lane = sink.laneOf(ObservedLane::Kind::Thread, child.pid(), QLatin1String(name));
        EXPECT_GE(lane, 0) << name;
        std::int64_t total = 0;
        for (const Segment& segment : sink.segmentsOf(lane))
            total += segment.durationNs();
        EXPECT_GT(total, 300'000'000) << name;
        std::cout << "[ observer ] " << name << ": " << sink.describe(lane) << "\n";
        return total > 0 ? double(sink.stateNs(lane, TaskState::WaitingGil)) / double(total) : 0.0;
    };
    EXPECT_LT(waitingShare("io_alone"), 0.05);
    EXPECT_GT(waitingShare("io_beside"), 0.50);
}

TEST_P(PythonObserverProcess, EveryMultiprocessingWorkerHasItsOwnGilLane)
{
    if (std::thread::hardware_concurrency() < 2)
        GTEST_SKIP() << "needs two cores to run two workers at once";
    PythonChild child(python(), script(R"(
import multiprocessing, time
def work(index):
    name_thread(f'worker{index}')
    until = time.monotonic() + 0.8
    while time.monotonic() < until:
        pass
ctx = multiprocessing.get_context('fork')
workers = [ctx.Process(target=work, args=(i,)) for i in range(2)]
for w in workers: w.start()
for w in workers: w.join()
)"));
    RecordingSink sink;
    const ObserverStats stats = observe(child, sink);
    EXPECT_EQ(sink.faults(), 0);
    ASSERT_EQ(stats.processes.size(), 3u) << stats.notes.join(QLatin1Char('\n')).toStdString();
    std::vector<std::vector<Segment>> running;
    for (pid_t worker : {stats.processes[1], stats.processes[2]}) {
        const int gil = sink.laneOf(ObservedLane::Kind::Gil, worker);
        ASSERT_GE(gil, 0) << "worker " << worker << " has no GIL lane";
        std::int64_t held = 0;
        for (const Segment& segment : sink.segmentsOf(gil))
            held += segment.durationNs();
        EXPECT_GT(held, 300'000'000) << "worker " << worker << " holds its own GIL while it computes";
        const int lane = sink.laneOfThread(worker, worker);
        ASSERT_GE(lane, 0);
        std::cout << "[ observer ] worker " << worker << ": " << sink.describe(lane) << "\n";
        running.emplace_back();
        for (const Segment& segment : sink.segmentsOf(lane)) {
            if (segment.state == TaskState::Running)
                running.back().push_back(segment);
        }
    }
    // At the same time, on different cores: their main threads' Running segments overlap, on two cores.
    std::int64_t together = 0;
    std::int64_t apart = 0;
    for (const Segment& a : running[0]) {
        for (const Segment& b : running[1]) {
            const std::int64_t overlap = std::min(a.endNs, b.endNs) - std::max(a.beginNs, b.beginNs);
            if (overlap <= 0)
                continue;
            together += overlap;
            if (a.core >= 0 && b.core >= 0 && a.core != b.core)
                apart += overlap;
        }
    }
    EXPECT_GT(together, 200'000'000);
    EXPECT_GT(apart, together / 2);
}

TEST_P(PythonObserverProcess, BlockedLoopIsOneSegmentOfTheBlockLength)
{
    PythonChild child(python(), script(R"(
import asyncio, time
async def blocker():
    await asyncio.sleep(0.1)
    time.sleep(0.3)
async def main():
    await asyncio.gather(blocker(), asyncio.sleep(0.6))
asyncio.run(main())
)"));
    RecordingSink sink;
    const ObserverStats stats = observe(child, sink);
    EXPECT_EQ(sink.faults(), 0);
    // The main thread's lane is named before the script runs (by the model's bootstrap), so it is found by its id.
    const int lane = sink.laneOfThread(child.pid(), child.pid());
    ASSERT_GE(lane, 0);
    SCOPED_TRACE(sink.describe(lane));
    std::vector<std::int64_t> blocks;
    for (const Segment& segment : sink.segmentsOf(lane)) {
        if (segment.state == TaskState::BlockingLoop)
            blocks.push_back(segment.durationNs());
    }
    ASSERT_EQ(blocks.size(), 1u);
    EXPECT_GT(blocks.front(), 240'000'000);
    EXPECT_LT(blocks.front(), 360'000'000);
    EXPECT_GT(sink.stateNs(lane, TaskState::WaitingIo), 200'000'000) << "idle in its selector";
}

INSTANTIATE_TEST_SUITE_P(Interpreters, PythonObserverProcess, ::testing::ValuesIn(test::testedInterpreters()),
    [](const auto& instance) { return std::string(instance.param.label); });

// Which function a thread runs does not depend on the machine's load: a correctness check, so not in the timing suite
// above (which may be retried), and run once.
class PythonFunctionsProcess : public test::InterpreterTest
{
};

TEST_P(PythonFunctionsProcess, EachThreadShowsItsOwnFunction)
{
    PythonChild child(python(), script(R"(
import time
def spin_alpha(until):
    x = 0
    while time.monotonic() < until:
        x += 1
def spin_beta(until):
    x = 0
    while time.monotonic() < until:
        x += 1
def run(name, spin, until):
    name_thread(name)
    spin(until)
until = time.monotonic() + 0.6
threads = [threading.Thread(target=run, args=('alpha', spin_alpha, until)),
           threading.Thread(target=run, args=('beta', spin_beta, until))]
for t in threads: t.start()
for t in threads: t.join()
)"));
    RecordingSink sink;
    const ObserverStats stats = observe(child, sink);
    EXPECT_EQ(sink.faults(), 0);
    ASSERT_EQ(stats.mode, QStringLiteral("memory")) << stats.notes.join(QLatin1Char('\n')).toStdString();
    const auto startsWith = [](const std::vector<QString>& functions, const char* name) {
        return std::any_of(functions.begin(), functions.end(),
            [name](const QString& function) { return function.startsWith(QLatin1String(name) + QLatin1String(" (")); });
    };
    for (const auto& [thread, own, other] :
        {std::tuple("alpha", "spin_alpha", "spin_beta"), std::tuple("beta", "spin_beta", "spin_alpha")}) {
        const int lane = sink.laneOf(ObservedLane::Kind::Thread, child.pid(), QLatin1String(thread));
        ASSERT_GE(lane, 0) << thread;
        const std::vector<QString> functions = sink.functionsOf(lane);
        QStringList seen(functions.begin(), functions.end());
        EXPECT_TRUE(startsWith(functions, own)) << thread << " ran " << seen.join(QStringLiteral(", ")).toStdString();
        EXPECT_FALSE(startsWith(functions, other))
            << thread << " ran " << seen.join(QStringLiteral(", ")).toStdString();
    }
    std::cout << "[ observer ] with functions: CPU " << stats.observerCpuPercent << " % of a core\n";
}

INSTANTIATE_TEST_SUITE_P(Interpreters, PythonFunctionsProcess, ::testing::ValuesIn(test::testedInterpreters()),
    [](const auto& instance) { return std::string(instance.param.label); });

// Versions with no known layout are observed from /proc alone, and say why.
TEST(PythonObserverOsOnlyProcess, OlderPythonGivesThreadLanesAndANote)
{
    const QString python = QDir::homePath() + QStringLiteral("/.pyenv/versions/3.10.13/bin/python3");
    if (!QFileInfo(python).isExecutable())
        GTEST_SKIP() << "interpreter not installed: " << python.toStdString();
    PythonChild child(python, script(R"(
import time
t = threading.Thread(target=lambda: (name_thread('sleeper'), time.sleep(0.2)))
t.start(); t.join()
)"));
    RecordingSink sink;
    const ObserverStats stats = observe(child, sink);
    EXPECT_EQ(stats.mode, QStringLiteral("os-only"));
    ASSERT_EQ(stats.notes.size(), 1);
    EXPECT_TRUE(stats.notes.first().contains(QLatin1String("Py_Version"))) << stats.notes.first().toStdString();
    EXPECT_EQ(sink.laneOf(ObservedLane::Kind::Gil, child.pid()), -1);
    const int lane = sink.laneOf(ObservedLane::Kind::Thread, child.pid(), QStringLiteral("sleeper"));
    ASSERT_GE(lane, 0);
    EXPECT_GT(sink.stateNs(lane, TaskState::WaitingIo), 150'000'000) << "its sleep, from /proc";
}

TEST(PythonObserverOsOnlyProcess, NotPythonAtAllGivesThreadLanesAndANote)
{
    pid_t pid = 0;
    const char* argv[] = {"/bin/sleep", "0.3", nullptr};
    ASSERT_EQ(posix_spawn(&pid, argv[0], nullptr, nullptr, const_cast<char* const*>(argv), environ), 0);
    RecordingSink sink;
    PythonObserver observer(pid, sink);
    observer.start();
    int status = 0;
    ::waitpid(pid, &status, 0);
    observer.stop();
    const ObserverStats stats = observer.stats();
    EXPECT_EQ(stats.mode, QStringLiteral("os-only"));
    ASSERT_EQ(stats.notes.size(), 1);
    EXPECT_TRUE(stats.notes.first().contains(QLatin1String("not CPython"))) << stats.notes.first().toStdString();
    EXPECT_EQ(sink.laneOf(ObservedLane::Kind::Gil, pid), -1);
    EXPECT_GE(sink.laneOf(ObservedLane::Kind::Thread, pid), 0);
}

} // namespace
} // namespace conlab::python
