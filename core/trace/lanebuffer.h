#pragma once

#include "core/trace/segment.h"

#include <atomic>
#include <cstddef>
#include <memory>
#include <vector>

namespace conlab {

// Single-producer, single-consumer store of one lane's segments. The worker that owns the lane appends without a
// lock; a chunk is allocated once every chunkCapacity segments, never per event. The controller drains what was
// published so far from another thread while the worker keeps recording.
class LaneBuffer
{
public:
    // A lane starts small (an event loop may have thousands of mostly idle task slots) and grows in big chunks.
    static constexpr std::size_t firstChunkCapacity = 64;
    static constexpr std::size_t chunkCapacity = 4096;

    LaneBuffer();
    ~LaneBuffer();
    LaneBuffer(const LaneBuffer&) = delete;
    LaneBuffer& operator=(const LaneBuffer&) = delete;

    // Producer side.
    void record(const Segment& segment)
    {
        std::size_t count = m_tail->count.load(std::memory_order_relaxed);
        if (count == m_tail->capacity) [[unlikely]] {
            growTail();
            count = 0;
        }
        m_tail->items[count] = segment;
        m_tail->count.store(count + 1, std::memory_order_release);
    }

    // Consumer side: appends every segment published since the previous call. Returns how many were appended.
    std::size_t drainTo(std::vector<Segment>& out);

private:
    struct Chunk
    {
        explicit Chunk(std::size_t size)
            : items(new Segment[size])
            , capacity(size)
        {
        }

        std::unique_ptr<Segment[]> items;
        const std::size_t capacity;
        std::atomic<std::size_t> count {0};
        std::atomic<Chunk*> next {nullptr};
    };

    void growTail();

    Chunk* m_head; // consumer-owned
    std::size_t m_readIndex = 0; // consumer-owned
    Chunk* m_tail; // producer-owned
    // One drained chunk handed back to the producer, so a steady run recycles memory instead of allocating (and
    // page-faulting) a fresh chunk every chunkCapacity events.
    std::atomic<Chunk*> m_spare {nullptr};
};

} // namespace conlab
