#include "core/models/workerprotocol.h"

#include <QDataStream>
#include <QIODevice>
#include <QLocale>
#include <cstring>
#include <gtest/gtest.h>

using namespace conlab;
using namespace conlab::workerprotocol;

TEST(WorkerProtocol, FramesSurviveArbitrarySplits)
{
    TaskSpec task {7, 0xABCDEF, {Phase {PhaseKind::Cpu, 1000}, Phase {PhaseKind::Io, 50'000}}};
    const std::vector<Segment> segments {
        Segment {1, 2, 7, 0, TaskState::Running, 1}, Segment {2, 5, 7, 0, TaskState::WaitingIo, -1}};
    const QByteArray stream = encodeHello(Hello {3, 42, 5555}) + encodeTask(task) + encodeSegments(segments)
        + encodeTaskDone(TaskDone {7, true, 99, 12.5, Problem::verbatim(QStringLiteral("ünïcode"))});

    FrameReader reader;
    std::vector<Frame> frames;
    QString error;
    for (qsizetype i = 0; i < stream.size(); i += 3) {
        reader.append(stream.mid(i, 3));
        while (auto frame = reader.next(&error))
            frames.push_back(*frame);
    }
    ASSERT_TRUE(error.isEmpty());
    ASSERT_EQ(frames.size(), 4u);

    const auto hello = decodeHello(frames[0].payload);
    ASSERT_TRUE(hello);
    EXPECT_EQ(hello->lane, 3);
    EXPECT_EQ(hello->sliceIterations, 42);
    EXPECT_EQ(hello->ioPort, 5555);

    const auto gotTask = decodeTask(frames[1].payload);
    ASSERT_TRUE(gotTask);
    EXPECT_EQ(gotTask->id, 7);
    EXPECT_EQ(gotTask->seed, 0xABCDEFu);
    ASSERT_EQ(gotTask->phases.size(), 2u);
    EXPECT_EQ(gotTask->phases[1].kind, PhaseKind::Io);
    EXPECT_EQ(gotTask->phases[1].amount, 50'000);

    const auto gotSegments = decodeSegments(frames[2].payload);
    ASSERT_TRUE(gotSegments);
    ASSERT_EQ(gotSegments->size(), 2u);
    EXPECT_EQ((*gotSegments)[1].state, TaskState::WaitingIo);
    EXPECT_EQ((*gotSegments)[1].endNs, 5);

    const auto done = decodeTaskDone(frames[3].payload);
    ASSERT_TRUE(done);
    EXPECT_TRUE(done->completed);
    EXPECT_EQ(done->checksum, 99u);
    EXPECT_EQ(done->error.english(), QStringLiteral("ünïcode"));
}

TEST(WorkerProtocol, RejectsMalformedInput)
{
    EXPECT_FALSE(decodeHello(QByteArray("nonsense")));
    EXPECT_FALSE(decodeTask(QByteArray(3, 'x')));
    EXPECT_FALSE(decodeSegments(QByteArray(7, '\0')));
    FrameReader reader;
    reader.append(QByteArray("\xff\xff\xff\xff", 4));
    QString error;
    EXPECT_FALSE(reader.next(&error));
    EXPECT_FALSE(error.isEmpty());
}

namespace {

// A TaskDone payload whose error is `problem`, written field by field as a worker would: the task, completed,
// the checksum, the peak RSS, then the problem's bytes with their length.
QByteArray taskDonePayload(std::int32_t task, const QByteArray& problem)
{
    QByteArray payload;
    const auto put = [&](const auto& value) { payload.append(reinterpret_cast<const char*>(&value), sizeof value); };
    put(task);
    put(std::uint8_t(0));
    put(std::uint64_t(0));
    put(double(1.5));
    put(std::uint32_t(problem.size()));
    payload.append(problem);
    return payload;
}

// The payload of a frame, without its length and type.
QByteArray payloadOf(const QByteArray& frame)
{
    return frame.mid(qsizetype(sizeof(std::uint32_t)) + 1);
}

} // namespace

// A task's failure crosses the pipe as its sentence and values, nested problems included: the parent words it in
// its own language and locale, and the command line still gets the English.
TEST(WorkerProtocol, AFailedTasksProblemCrossesWithItsValues)
{
    const Problem connect(QT_TRANSLATE_NOOP("conlab::Problem", "cannot connect to the latency server on port %1: %2"),
        {40123, QStringLiteral("Connection refused")});
    const Problem failure(QT_TRANSLATE_NOOP("conlab::Problem", "task %1: %2"), {12345, connect});
    const auto done = decodeTaskDone(payloadOf(encodeTaskDone(TaskDone {12345, false, 0, 3.0, failure})));
    ASSERT_TRUE(done);
    EXPECT_FALSE(done->completed);
    EXPECT_EQ(done->error.english(),
        QStringLiteral("task 12345: cannot connect to the latency server on port 40123: Connection refused"));
    // Numbers crossed as numbers: the receiving side groups them in its locale.
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::German));
    EXPECT_EQ(done->error.describe(),
        QStringLiteral("task 12.345: cannot connect to the latency server on port 40.123: Connection refused"));
    EXPECT_EQ(done->error.describe(), failure.describe());
    QLocale::setDefault(previous);

    // No error (a cancelled task) stays empty.
    const auto cancelled = decodeTaskDone(payloadOf(encodeTaskDone(TaskDone {1, false, 0, 0, Problem()})));
    ASSERT_TRUE(cancelled);
    EXPECT_TRUE(cancelled->error.isEmpty());
}

TEST(WorkerProtocol, AMalformedProblemIsRefusedSayingWhy)
{
    const auto problemBytes = [](const QByteArray& source, quint32 count, quint8 kind) {
        QByteArray bytes;
        QDataStream out(&bytes, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_4);
        out << source << QString() << count;
        for (quint32 i = 0; i < count; ++i)
            out << kind << qint64(3); // kind 1: a whole number
        return bytes;
    };
    // Well formed, as a check on the hand-made bytes.
    QString why;
    const auto good = decodeTaskDone(taskDonePayload(3, problemBytes("task %1: %2", 2, 1)), &why);
    ASSERT_TRUE(good) << why.toStdString();
    EXPECT_EQ(good->error.english(), QStringLiteral("task 3: 3"));

    // A sentence with a placeholder that has no value.
    EXPECT_FALSE(decodeTaskDone(taskDonePayload(3, problemBytes("task %1: %2", 1, 1)), &why));
    EXPECT_EQ(why, QStringLiteral("the problem \"task %1: %2\" uses 2 values but carries 1"));
    // A value of a kind this build does not know.
    EXPECT_FALSE(decodeTaskDone(taskDonePayload(3, problemBytes("task %1", 1, 42)), &why));
    EXPECT_EQ(why, QStringLiteral("a problem's value 1 is of an unknown kind 42"));
    // Cut short, and with bytes left over.
    const QByteArray bytes = problemBytes("task %1", 1, 1);
    EXPECT_FALSE(decodeTaskDone(taskDonePayload(3, bytes.left(bytes.size() - 4)), &why));
    EXPECT_EQ(why, QStringLiteral("a problem cut short"));
    EXPECT_FALSE(decodeTaskDone(taskDonePayload(3, bytes + QByteArray(2, 'x')), &why));
    EXPECT_EQ(why, QStringLiteral("2 bytes after a problem"));
}
