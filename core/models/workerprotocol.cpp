#include "core/models/workerprotocol.h"

#include <QDataStream>
#include <QIODevice>
#include <cstring>
#include <type_traits>

namespace conlab::workerprotocol {
namespace {

// Both ends are the same binary; the version is pinned all the same, so a Qt update never changes the bytes.
constexpr QDataStream::Version streamVersion = QDataStream::Qt_6_4;

// Appends trivially copyable values; the frame header is patched in by frame().
class Writer
{
public:
    explicit Writer(MessageType type)
    {
        put(std::uint32_t(0));
        put(std::uint8_t(type));
    }

    template <typename T> Writer& put(const T& value)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        m_bytes.append(reinterpret_cast<const char*>(&value), sizeof value);
        return *this;
    }

    Writer& putBytes(const void* data, std::size_t size)
    {
        m_bytes.append(static_cast<const char*>(data), qsizetype(size));
        return *this;
    }

    Writer& putProblem(const Problem& problem)
    {
        QByteArray bytes;
        QDataStream out(&bytes, QIODevice::WriteOnly);
        out.setVersion(streamVersion);
        problem.write(out);
        put(std::uint32_t(bytes.size()));
        return putBytes(bytes.constData(), std::size_t(bytes.size()));
    }

    QByteArray frame()
    {
        const auto length = std::uint32_t(m_bytes.size() - sizeof(std::uint32_t));
        std::memcpy(m_bytes.data(), &length, sizeof length);
        return m_bytes;
    }

private:
    QByteArray m_bytes;
};

class Reader
{
public:
    explicit Reader(const QByteArray& payload)
        : m_payload(payload)
    {
    }

    template <typename T> bool get(T& value)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        if (m_offset + qsizetype(sizeof value) > m_payload.size())
            return false;
        std::memcpy(&value, m_payload.constData() + m_offset, sizeof value);
        m_offset += sizeof value;
        return true;
    }

    bool getProblem(Problem& problem, QString* why)
    {
        std::uint32_t size = 0;
        if (!get(size) || m_offset + qsizetype(size) > m_payload.size())
            return false;
        const QByteArray bytes = QByteArray::fromRawData(m_payload.constData() + m_offset, qsizetype(size));
        m_offset += size;
        QDataStream in(bytes);
        in.setVersion(streamVersion);
        std::optional<Problem> read = Problem::read(in, why);
        if (!read)
            return false;
        if (!in.atEnd()) {
            if (why)
                *why = QStringLiteral("%1 bytes after a problem").arg(bytes.size() - in.device()->pos());
            return false;
        }
        problem = std::move(*read);
        return true;
    }

    bool atEnd() const { return m_offset == m_payload.size(); }
    const char* here() const { return m_payload.constData() + m_offset; }
    qsizetype remaining() const { return m_payload.size() - m_offset; }

private:
    const QByteArray& m_payload;
    qsizetype m_offset = 0;
};

} // namespace

QByteArray encodeHello(const Hello& hello)
{
    return Writer(MessageType::Hello).put(magic).put(hello.lane).put(hello.sliceIterations).put(hello.ioPort).frame();
}

QByteArray encodeTask(const TaskSpec& task)
{
    Writer writer(MessageType::Task);
    writer.put(std::int32_t(task.id)).put(task.seed).put(std::uint32_t(task.phases.size()));
    for (const Phase& phase : task.phases)
        writer.put(phase.kind).put(phase.amount).put(phase.extra);
    return writer.frame();
}

QByteArray encodeReady(const Ready& ready)
{
    return Writer(MessageType::Ready).put(ready.readyNs).put(ready.pid).put(ready.peakRssMb).frame();
}

QByteArray encodeSegments(const std::vector<Segment>& segments)
{
    Writer writer(MessageType::Segments);
    writer.put(std::uint32_t(segments.size()));
    writer.putBytes(segments.data(), segments.size() * sizeof(Segment));
    return writer.frame();
}

QByteArray encodeTaskDone(const TaskDone& done)
{
    return Writer(MessageType::TaskDone)
        .put(done.task)
        .put(std::uint8_t(done.completed))
        .put(done.checksum)
        .put(done.peakRssMb)
        .putProblem(done.error)
        .frame();
}

std::optional<Hello> decodeHello(const QByteArray& payload)
{
    Reader reader(payload);
    std::uint32_t gotMagic = 0;
    Hello hello;
    if (!reader.get(gotMagic) || gotMagic != magic || !reader.get(hello.lane) || !reader.get(hello.sliceIterations)
        || !reader.get(hello.ioPort) || !reader.atEnd() || hello.sliceIterations < 1)
        return std::nullopt;
    return hello;
}

std::optional<TaskSpec> decodeTask(const QByteArray& payload)
{
    Reader reader(payload);
    TaskSpec task;
    std::int32_t id = 0;
    std::uint32_t phaseCount = 0;
    if (!reader.get(id) || !reader.get(task.seed) || !reader.get(phaseCount))
        return std::nullopt;
    if (phaseCount > std::uint32_t(reader.remaining()))
        return std::nullopt;
    task.id = id;
    task.phases.resize(phaseCount);
    for (Phase& phase : task.phases) {
        if (!reader.get(phase.kind) || !reader.get(phase.amount) || !reader.get(phase.extra)
            || std::uint8_t(phase.kind) > std::uint8_t(lastPhaseKind))
            return std::nullopt;
    }
    if (!reader.atEnd())
        return std::nullopt;
    return task;
}

std::optional<Ready> decodeReady(const QByteArray& payload)
{
    Reader reader(payload);
    Ready ready;
    if (!reader.get(ready.readyNs) || !reader.get(ready.pid) || !reader.get(ready.peakRssMb) || !reader.atEnd())
        return std::nullopt;
    return ready;
}

std::optional<std::vector<Segment>> decodeSegments(const QByteArray& payload)
{
    Reader reader(payload);
    std::uint32_t count = 0;
    if (!reader.get(count) || reader.remaining() != qsizetype(count) * qsizetype(sizeof(Segment)))
        return std::nullopt;
    std::vector<Segment> segments(count);
    std::memcpy(segments.data(), reader.here(), count * sizeof(Segment));
    return segments;
}

std::optional<TaskDone> decodeTaskDone(const QByteArray& payload, QString* why)
{
    Reader reader(payload);
    TaskDone done;
    std::uint8_t completed = 0;
    if (!reader.get(done.task) || !reader.get(completed) || !reader.get(done.checksum) || !reader.get(done.peakRssMb)
        || !reader.getProblem(done.error, why) || !reader.atEnd())
        return std::nullopt;
    done.completed = completed != 0;
    return done;
}

std::optional<Frame> FrameReader::next(QString* error)
{
    const qsizetype available = m_buffer.size() - m_offset;
    std::uint32_t length = 0;
    if (available < qsizetype(sizeof length))
        return std::nullopt;
    std::memcpy(&length, m_buffer.constData() + m_offset, sizeof length);
    if (length < 1 || length > maxFrameBytes) {
        *error = QStringLiteral("malformed frame of %1 bytes").arg(length);
        return std::nullopt;
    }
    if (available < qsizetype(sizeof length + length))
        return std::nullopt;
    Frame frame;
    frame.type = MessageType(std::uint8_t(m_buffer.at(m_offset + sizeof length)));
    frame.payload = m_buffer.mid(m_offset + qsizetype(sizeof length) + 1, qsizetype(length) - 1);
    m_offset += qsizetype(sizeof length + length);
    // Compact once the consumed prefix dominates, so a long run does not keep every byte it ever received.
    if (m_offset > 65536 && m_offset * 2 > m_buffer.size()) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
    return frame;
}

} // namespace conlab::workerprotocol
