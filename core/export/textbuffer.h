#pragma once

#include <QByteArray>
#include <QIODevice>
#include <charconv>
#include <cstdint>
#include <cstring>

namespace conlab {

// A write cursor for text files of a hundred megabytes: QJsonDocument and even QByteArray::append cost too much per
// call at a million events, so the hot path is one bounds check and a memcpy or to_chars into reserved space. With
// a device, the buffer is a fixed-size window that is written out whenever it fills, so a file export never holds
// the whole text in memory. Every exporter (trace JSON, CSV) writes through it.
class TextBuffer
{
public:
    explicit TextBuffer(qsizetype capacity);
    TextBuffer(QIODevice* device, qsizetype chunkSize);

    void append(const char* data, qsizetype size)
    {
        std::memcpy(room(size), data, static_cast<std::size_t>(size));
        m_size += size;
    }
    template <std::size_t N> void appendLiteral(const char (&literal)[N]) { append(literal, N - 1); }
    void append(const QByteArray& bytes) { append(bytes.constData(), bytes.size()); }
    void append(char c)
    {
        *room(1) = c;
        ++m_size;
    }

    void appendInteger(std::int64_t value)
    {
        char* out = room(24);
        finish(std::to_chars(out, out + 24, value).ptr);
    }
    void appendUnsigned(std::uint64_t value)
    {
        char* out = room(24);
        finish(std::to_chars(out, out + 24, value).ptr);
    }

    // value / 10^decimals with exactly `decimals` (1-9) digits after the point, done in integers: nanoseconds as
    // microseconds (3) or milliseconds (6). A double would round the timestamps of long runs, and printf-style
    // formatting is several times slower.
    void appendFixed(std::int64_t value, int decimals)
    {
        static constexpr std::uint64_t scales[]
            = {1, 10, 100, 1000, 10'000, 100'000, 1'000'000, 10'000'000, 100'000'000, 1'000'000'000};
        char* out = room(48);
        auto magnitude = static_cast<std::uint64_t>(value);
        if (value < 0) {
            *out++ = '-';
            magnitude = 0 - magnitude;
        }
        const std::uint64_t scale = scales[decimals];
        out = std::to_chars(out, out + 24, magnitude / scale).ptr;
        auto fraction = magnitude % scale;
        *out = '.';
        for (int digit = decimals; digit > 0; --digit) {
            out[digit] = static_cast<char>('0' + fraction % 10);
            fraction /= 10;
        }
        finish(out + decimals + 1);
    }
    void appendMicros(std::int64_t ns) { appendFixed(ns, 3); }

    // Shortest text that reads back as the same value; callers deal with NaN and infinities.
    void appendFloat(float value)
    {
        char* out = room(48);
        finish(std::to_chars(out, out + 48, value).ptr);
    }
    void appendDouble(double value)
    {
        char* out = room(48);
        finish(std::to_chars(out, out + 48, value).ptr);
    }
    // The same without an exponent, for readers that take plain decimals only; for values from about 1e-6 to 1e15
    // (longer texts would not fit the room asked for).
    void appendDoubleFixed(double value)
    {
        char* out = room(64);
        finish(std::to_chars(out, out + 64, value, std::chars_format::fixed).ptr);
    }

    // Device mode: writes out what is buffered. False once any write has failed; the device's errorString() says
    // why.
    bool flush();

    // Memory mode: the text so far.
    QByteArray take();

private:
    char* room(qsizetype size)
    {
        if (m_size + size > m_bytes.size()) [[unlikely]]
            makeRoom(size);
        return m_data + m_size;
    }
    void makeRoom(qsizetype size);
    void resize(qsizetype capacity);
    void finish(char* end) { m_size = end - m_data; }

    QByteArray m_bytes;
    char* m_data = nullptr;
    qsizetype m_size = 0;
    QIODevice* m_device = nullptr;
    bool m_ok = true;
};

} // namespace conlab
