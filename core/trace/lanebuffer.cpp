#include "core/trace/lanebuffer.h"

namespace conlab {

LaneBuffer::LaneBuffer()
    : m_head(new Chunk(firstChunkCapacity))
    , m_tail(m_head)
{
}

LaneBuffer::~LaneBuffer()
{
    delete m_spare.load(std::memory_order_acquire);
    Chunk* chunk = m_head;
    while (chunk) {
        Chunk* next = chunk->next.load(std::memory_order_acquire);
        delete chunk;
        chunk = next;
    }
}

void LaneBuffer::growTail()
{
    Chunk* chunk = m_spare.exchange(nullptr, std::memory_order_acquire);
    if (chunk) {
        chunk->count.store(0, std::memory_order_relaxed);
        chunk->next.store(nullptr, std::memory_order_relaxed);
    } else {
        chunk = new Chunk(chunkCapacity);
    }
    m_tail->next.store(chunk, std::memory_order_release);
    m_tail = chunk;
}

std::size_t LaneBuffer::drainTo(std::vector<Segment>& out)
{
    std::size_t appended = 0;
    for (;;) {
        const std::size_t published = m_head->count.load(std::memory_order_acquire);
        if (published > m_readIndex) {
            out.insert(out.end(), m_head->items.get() + m_readIndex, m_head->items.get() + published);
            appended += published - m_readIndex;
            m_readIndex = published;
        }
        if (m_readIndex < m_head->capacity)
            return appended;
        // A full chunk is freed only once the producer has linked a successor: it never writes to it again.
        Chunk* next = m_head->next.load(std::memory_order_acquire);
        if (!next)
            return appended;
        if (m_head->capacity == chunkCapacity)
            delete m_spare.exchange(m_head, std::memory_order_acq_rel);
        else
            delete m_head;
        m_head = next;
        m_readIndex = 0;
    }
}

} // namespace conlab
