#pragma once

#include <QByteArray>
#include <QString>
#include <cstddef>
#include <cstdint>

namespace conlab {

// What a script printed on one stream, capped: the first bytes and the last ones, with a line saying how many were
// dropped between them. A script that prints megabytes costs at most `capBytes` of memory, and its last lines (the
// traceback) are always kept.
class OutputCapture
{
public:
    static constexpr std::size_t defaultCapBytes = 1024 * 1024;

    explicit OutputCapture(std::size_t capBytes = defaultCapBytes);

    void append(const char* data, std::size_t size);

    std::uint64_t totalBytes() const { return m_total; }
    std::uint64_t droppedBytes() const;
    // Decoded as UTF-8 (invalid bytes become U+FFFD).
    QString text() const;

private:
    QByteArray keptTail() const;

    std::size_t m_headCap;
    std::size_t m_tailCap;
    QByteArray m_head;
    QByteArray m_tail; // holds up to twice m_tailCap between trims, so that trimming is amortised
    std::uint64_t m_total = 0;
};

} // namespace conlab
