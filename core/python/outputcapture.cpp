#include "core/python/outputcapture.h"

#include <algorithm>

namespace conlab {

OutputCapture::OutputCapture(std::size_t capBytes)
    : m_headCap(capBytes - capBytes / 4)
    , m_tailCap(capBytes / 4)
{
}

void OutputCapture::append(const char* data, std::size_t size)
{
    m_total += size;
    const std::size_t toHead = std::min(size, m_headCap - std::size_t(m_head.size()));
    m_head.append(data, qsizetype(toHead));
    data += toHead;
    size -= toHead;
    if (size == 0)
        return;
    if (size >= m_tailCap) {
        m_tail = QByteArray(data + size - m_tailCap, qsizetype(m_tailCap));
        return;
    }
    m_tail.append(data, qsizetype(size));
    if (std::size_t(m_tail.size()) > 2 * m_tailCap)
        m_tail.remove(0, m_tail.size() - qsizetype(m_tailCap));
}

QByteArray OutputCapture::keptTail() const
{
    // Between trims the tail may hold more than its cap.
    return std::size_t(m_tail.size()) > m_tailCap ? m_tail.right(qsizetype(m_tailCap)) : m_tail;
}

std::uint64_t OutputCapture::droppedBytes() const
{
    return m_total - std::uint64_t(m_head.size()) - std::uint64_t(keptTail().size());
}

QString OutputCapture::text() const
{
    const QByteArray tail = keptTail();
    const std::uint64_t dropped = droppedBytes();
    if (dropped == 0)
        return QString::fromUtf8(m_head + tail);
    return QString::fromUtf8(m_head)
        + QStringLiteral("\n[... %1 bytes of output dropped: conlab keeps the first and the last ...]\n").arg(dropped)
        + QString::fromUtf8(tail);
}

} // namespace conlab
