#include "core/export/textbuffer.h"

#ifdef __linux__
#include <sys/mman.h>
#endif

#include <algorithm>

namespace conlab {

namespace {

// Faulting in a buffer of a hundred megabytes or more 4 KiB at a time can cost more than formatting into it
// (about 20 us a fault on some VMs, nearly a second per million segments). With transparent huge pages in the
// common "madvise" mode, 2 MiB pages come only on request. Advice, not a requirement: failure changes nothing.
void adviseHugePages([[maybe_unused]] char* data, [[maybe_unused]] qsizetype size)
{
#ifdef __linux__
    constexpr std::uintptr_t hugePage = 2 * 1024 * 1024;
    if (size < 16 * static_cast<qsizetype>(hugePage))
        return;
    const auto begin = (reinterpret_cast<std::uintptr_t>(data) + hugePage - 1) & ~(hugePage - 1);
    const auto end = (reinterpret_cast<std::uintptr_t>(data) + static_cast<std::uintptr_t>(size)) & ~(hugePage - 1);
    if (end > begin)
        (void)::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#endif
}

} // namespace

TextBuffer::TextBuffer(qsizetype capacity)
{
    resize(std::max<qsizetype>(capacity, 256));
}

TextBuffer::TextBuffer(QIODevice* device, qsizetype chunkSize)
    : m_device(device)
{
    resize(chunkSize);
}

bool TextBuffer::flush()
{
    if (m_device && m_size > 0) {
        if (m_ok)
            m_ok = m_device->write(m_data, m_size) == m_size;
        m_size = 0;
    }
    return m_ok;
}

QByteArray TextBuffer::take()
{
    m_bytes.resize(m_size);
    // The caller's estimate over-reserves by tens of megabytes on big traces; hand back only what is used.
    if (m_bytes.capacity() - m_size > m_size / 8)
        m_bytes.squeeze();
    m_data = nullptr;
    m_size = 0;
    return std::move(m_bytes);
}

void TextBuffer::makeRoom(qsizetype size)
{
    if (m_device) {
        flush();
        if (size <= m_bytes.size())
            return;
    }
    resize(std::max(m_size + size, m_bytes.size() + m_bytes.size() / 2));
}

void TextBuffer::resize(qsizetype capacity)
{
    m_bytes.resize(capacity);
    m_data = m_bytes.data();
    adviseHugePages(m_data, capacity);
}

} // namespace conlab
