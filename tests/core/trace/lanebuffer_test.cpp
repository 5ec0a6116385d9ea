#include "core/trace/lanebuffer.h"

#include <gtest/gtest.h>
#include <thread>

using namespace conlab;

TEST(LaneBuffer, DrainsInRecordingOrderAcrossChunks)
{
    LaneBuffer buffer;
    const int count = int(LaneBuffer::firstChunkCapacity + LaneBuffer::chunkCapacity * 3) + 17;
    std::vector<Segment> out;
    for (int i = 0; i < count; ++i) {
        buffer.record(Segment {i, i + 1, i, 0, TaskState::Running, 0});
        if (i % 1000 == 999)
            buffer.drainTo(out);
    }
    buffer.drainTo(out);
    ASSERT_EQ(int(out.size()), count);
    for (int i = 0; i < count; ++i)
        ASSERT_EQ(out[i].task, i);
    EXPECT_EQ(buffer.drainTo(out), 0u);
}

// One producer and one consumer running at once: nothing lost, nothing duplicated, order kept.
TEST(LaneBuffer, ConcurrentProducerAndConsumer)
{
    LaneBuffer buffer;
    constexpr int count = 500'000;
    std::vector<Segment> out;
    std::atomic<bool> done {false};
    std::thread producer([&] {
        for (int i = 0; i < count; ++i)
            buffer.record(Segment {i, i, i, 0, TaskState::WaitingIo, -1});
        done = true;
    });
    while (!done)
        buffer.drainTo(out);
    producer.join();
    buffer.drainTo(out);
    ASSERT_EQ(int(out.size()), count);
    for (int i = 0; i < count; ++i)
        ASSERT_EQ(out[i].task, i);
}
