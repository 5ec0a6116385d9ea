#include "core/models/workerprotocol.h"

#include <gtest/gtest.h>

using namespace conlab;
using namespace conlab::workerprotocol;

TEST(WorkerProtocol, FramesSurviveArbitrarySplits)
{
    TaskSpec task {7, 0xABCDEF, {Phase {PhaseKind::Cpu, 1000}, Phase {PhaseKind::Io, 50'000}}};
    const std::vector<Segment> segments {
        Segment {1, 2, 7, 0, TaskState::Running, 1}, Segment {2, 5, 7, 0, TaskState::WaitingIo, -1}};
    const QByteArray stream = encodeHello(Hello {3, 42, 5555}) + encodeTask(task) + encodeSegments(segments)
        + encodeTaskDone(TaskDone {7, true, 99, 12.5, QStringLiteral("ünïcode")});

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
    EXPECT_EQ(done->error, QStringLiteral("ünïcode"));
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
