#include "tests/core/python/interpretertest.h"
#include "tests/core/python/pythonchild.h"
#include "tests/core/python/recordingsink.h"

#include <gtest/gtest.h>
#include <iostream>

namespace conlab::python {
namespace {

using test::PythonChild;
using test::RecordingSink;

class PythonObserverPreciseProcess : public test::InterpreterTest
{
};

// The convoy, in precise mode: an I/O thread takes the GIL back after every round trip and holds it for microseconds,
// between two samples of the sampled mode. From the watchpoint the GIL lane has every hold at its own length, and its
// changes of holder are CPython's own switch_number count. Exact whatever the load.
TEST_P(PythonObserverPreciseProcess, TheWatchpointSeesEveryHandOver)
{
    PythonChild child(python(), QString::fromLatin1(test::nameThread) + QStringLiteral(R"(
import socket, time
def round_trips():
    name_thread('io')
    a, b = socket.socketpair()
    for _ in range(3000):
        a.send(b'x')
        b.recv(1)
def spin(until):
    name_thread('cpu')
    while time.monotonic() < until:
        pass
cpu = threading.Thread(target=spin, args=(time.monotonic() + 0.4,))
cpu.start()
io = threading.Thread(target=round_trips)
io.start(); io.join(); cpu.join()
)"));
    RecordingSink sink;
    const ObserverStats stats = test::observe(child, sink, 30'000, true);
    const QString notes = stats.notes.join(QLatin1Char('\n'));
    if (stats.mode == QLatin1String("memory") && notes.contains(QLatin1String("perf_event_open refused")))
        GTEST_SKIP() << notes.toStdString();
    ASSERT_EQ(stats.mode, QStringLiteral("precise")) << notes.toStdString();
    EXPECT_EQ(sink.faults(), 0);

    const int gil = sink.laneOf(ObservedLane::Kind::Gil, child.pid());
    ASSERT_GE(gil, 0);
    // A change of holder is a take by another thread than the last holder: what switch_number counts.
    std::int64_t changes = 0;
    std::int64_t shortHolds = 0; // shorter than the sampled mode's period: no sample could draw them
    std::int32_t lastHolder = child.pid(); // the main thread held it last, before it waited at the gate
    for (const Segment& segment : sink.segmentsOf(gil)) {
        if (segment.task != lastHolder)
            ++changes;
        lastHolder = segment.task;
        if (segment.durationNs() < 50'000)
            ++shortHolds;
    }
    std::cout << "[ observer ] precise: " << changes << " changes of holder on the GIL lane, switch_number "
              << stats.gilSwitches << ", " << shortHolds << " holds under 50 us\n";
    EXPECT_GT(stats.gilSwitches, 10u) << "the CPU thread and the round trips take turns";
    EXPECT_GT(shortHolds, 1000) << "each round trip's hold, drawn at its own length";
    EXPECT_NEAR(double(changes), double(stats.gilSwitches), 2.0 + 0.01 * double(stats.gilSwitches));
}

INSTANTIATE_TEST_SUITE_P(Interpreters, PythonObserverPreciseProcess, ::testing::ValuesIn(test::testedInterpreters()),
    [](const auto& instance) { return std::string(instance.param.label); });

} // namespace
} // namespace conlab::python
