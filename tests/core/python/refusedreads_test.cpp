#include "tests/core/python/interpretertest.h"
#include "tests/core/python/pythonchild.h"
#include "tests/core/python/recordingsink.h"

#include <algorithm>
#include <functional>
#include <gtest/gtest.h>
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <thread>
#include <unistd.h>

namespace conlab::python {
namespace {

using test::PythonChild;
using test::RecordingSink;

// Runs `body` on a thread of its own that has given up CAP_SYS_PTRACE for good (bounding, permitted, effective and
// inheritable sets: a capability set belongs to a thread, and what it starts inherits it). Tests run as root here,
// and root's CAP_SYS_PTRACE reads even a non-dumpable process; without it, the observer and the child it forks and
// execs are as a normal user's conlab and script are. False if the capability could not be dropped.
bool withoutPtraceCapability(const std::function<void()>& body)
{
    bool dropped = false;
    std::thread thread([&] {
        __user_cap_header_struct header {_LINUX_CAPABILITY_VERSION_3, 0};
        __user_cap_data_struct data[2] {};
        if (::syscall(SYS_capget, &header, data) != 0)
            return;
        const bool held = data[CAP_TO_INDEX(CAP_SYS_PTRACE)].permitted & CAP_TO_MASK(CAP_SYS_PTRACE);
        if (held && ::prctl(PR_CAPBSET_DROP, CAP_SYS_PTRACE, 0, 0, 0) != 0)
            return;
        auto& word = data[CAP_TO_INDEX(CAP_SYS_PTRACE)];
        word.effective &= ~CAP_TO_MASK(CAP_SYS_PTRACE);
        word.permitted &= ~CAP_TO_MASK(CAP_SYS_PTRACE);
        word.inheritable &= ~CAP_TO_MASK(CAP_SYS_PTRACE);
        if (::syscall(SYS_capset, &header, data) != 0)
            return;
        dropped = true;
        body();
    });
    thread.join();
    return dropped;
}

// PR_SET_DUMPABLE through ctypes, as a script that guards its secrets does (prctl 4; PR_GET_DUMPABLE is 3).
const char* nonDumpable = "import ctypes\n"
                          "ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)\n"
                          "assert ctypes.CDLL(None).prctl(3, 0, 0, 0, 0) == 0\n"
                          "print('non-dumpable', flush=True)\n";

class PythonObserverRefusedReadsProcess : public test::InterpreterTest
{
};

// A process whose memory may not be read (non-dumpable here; Yama ptrace_scope 2 or 3 refuses the same reads) is
// drawn from /proc: its threads, their states and cores, no GIL lane, and a note that says why. Never a crash, never a
// GIL lane read from somewhere else.
TEST_P(PythonObserverRefusedReadsProcess, ANonDumpableProcessIsObservedFromProcWithANote)
{
    RecordingSink sink;
    ObserverStats stats;
    pid_t pid = 0;
    ASSERT_TRUE(withoutPtraceCapability([&] {
        PythonChild child(python(), QString::fromLatin1(test::nameThread) + QStringLiteral(R"(
import time
def spin():
    name_thread('worker')
    end = time.monotonic() + 0.3
    while time.monotonic() < end:
        pass
t = threading.Thread(target=spin)
t.start(); t.join()
)"),
            QString::fromLatin1(nonDumpable));
        // Observed from then on: non-dumpable before the observer first looks, as under Yama ptrace_scope 2 or 3.
        ASSERT_TRUE(child.readUntil("non-dumpable", 20'000)) << child.output().toStdString();
        stats = test::observe(child, sink);
        pid = child.pid();
    })) << "CAP_SYS_PTRACE could not be dropped";

    EXPECT_EQ(stats.mode, QStringLiteral("os-only")) << stats.notes.join(QLatin1Char('\n')).toStdString();
    ASSERT_EQ(stats.notes.size(), 1) << stats.notes.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(stats.notes.first().contains(QLatin1String("non-dumpable"))) << stats.notes.first().toStdString();
    EXPECT_TRUE(stats.pythonVersion.isEmpty());
    EXPECT_EQ(stats.gilSwitches, 0u);
    EXPECT_EQ(sink.laneOf(ObservedLane::Kind::Gil, pid), -1);
    const int lane = sink.laneOf(ObservedLane::Kind::Thread, pid, QStringLiteral("worker"));
    ASSERT_GE(lane, 0);
    EXPECT_GT(sink.stateNs(lane, TaskState::Running) + sink.stateNs(lane, TaskState::Ready), 150'000'000)
        << sink.describe(lane);
    EXPECT_EQ(sink.faults(), 0);
}

// Reads that start failing part-way (the script makes itself non-dumpable while observed) end the GIL lane at the
// last sample that could be read, and the threads stay drawn from /proc to the end, with a note.
TEST_P(PythonObserverRefusedReadsProcess, ReadsRefusedMidRunEndTheGilLaneAndTheThreadsGoOn)
{
    RecordingSink sink;
    ObserverStats stats;
    pid_t pid = 0;
    std::int64_t refusedNs = 0;
    std::vector<pid_t> spinners;
    ASSERT_TRUE(withoutPtraceCapability([&] {
        PythonChild child(python(), QString::fromLatin1(test::nameThread) + QStringLiteral(R"(
import ctypes, sys, time
def spin(name):
    sys.stdout.write(f'{name} {threading.get_native_id()}\n')
    end = time.monotonic() + 0.6
    while time.monotonic() < end:
        pass
threads = [threading.Thread(target=spin, args=(n,)) for n in ('spin-a', 'spin-b')]
for t in threads:
    t.start()
time.sleep(0.25)
ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)
print('refused_at', time.monotonic_ns(), flush=True)
for t in threads:
    t.join()
)"));
        stats = test::observe(child, sink);
        pid = child.pid();
        refusedNs = child.value("refused_at").toLongLong();
        for (const char* name : {"spin-a", "spin-b"})
            spinners.push_back(pid_t(child.value(name).toInt()));
    })) << "CAP_SYS_PTRACE could not be dropped";
    ASSERT_GT(refusedNs, 0);

    EXPECT_EQ(stats.mode, QStringLiteral("os-only")) << "the GIL was not read to the end";
    EXPECT_FALSE(stats.pythonVersion.isEmpty()) << "it was read at the start";
    ASSERT_EQ(stats.notes.size(), 1) << stats.notes.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(stats.notes.first().contains(QLatin1String("could no longer be read")))
        << stats.notes.first().toStdString();

    const int gil = sink.laneOf(ObservedLane::Kind::Gil, pid);
    ASSERT_GE(gil, 0);
    std::int64_t heldBefore = 0;
    for (const Segment& segment : sink.segmentsOf(gil)) {
        // The script reads its clock once the refusal is in force: no GIL sample can have been read after it.
        EXPECT_LE(segment.endNs, refusedNs) << "a GIL segment after the reads were refused";
        heldBefore += segment.durationNs();
    }
    EXPECT_GT(heldBefore, 100'000'000) << "the GIL was drawn while it could be read";
    ASSERT_EQ(spinners.size(), 2u);
    for (pid_t tid : spinners) {
        const int lane = sink.laneOfThread(pid, tid);
        std::string lanes;
        for (const ObservedLane& each : sink.lanes())
            lanes += std::to_string(each.tid) + " " + each.name.toStdString() + "; ";
        ASSERT_GE(lane, 0) << tid << " among the lanes " << lanes;
        std::int64_t after = 0;
        for (const Segment& segment : sink.segmentsOf(lane))
            after += std::max<std::int64_t>(0, segment.endNs - std::max(segment.beginNs, refusedNs));
        EXPECT_GT(after, 200'000'000) << tid << " is drawn after the refusal: " << sink.describe(lane);
    }
    EXPECT_EQ(sink.faults(), 0);
}

INSTANTIATE_TEST_SUITE_P(Interpreters, PythonObserverRefusedReadsProcess,
    ::testing::ValuesIn(test::testedInterpreters()),
    [](const auto& instance) { return std::string(instance.param.label); });

} // namespace
} // namespace conlab::python
