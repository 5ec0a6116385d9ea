#pragma once

#include "core/trace/segment.h"
#include "core/util/problem.h"
#include "core/workload/workload.h"

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <optional>
#include <vector>

namespace conlab {

// The framed messages between the parent and a worker process, over the worker's stdin and stdout. A frame is
// { uint32 length; uint8 type; payload[length - 1] } in host byte order: both ends are the same binary on the
// same machine, and segments travel as their raw 24-byte layout so a batch costs one memcpy.
namespace workerprotocol {

enum class MessageType : std::uint8_t
{
    Hello = 1, // parent -> worker: who you are and how to run tasks
    Task = 2, // parent -> worker: one task
    Ready = 3, // worker -> parent: started up, waiting for tasks
    Segments = 4, // worker -> parent: trace segments recorded so far
    TaskDone = 5, // worker -> parent: a task finished (or failed)
};

inline constexpr std::uint32_t magic = 0x42414C43; // "CLAB"
inline constexpr std::uint32_t maxFrameBytes = 64u << 20;

struct Hello
{
    std::uint16_t lane = 0;
    std::int64_t sliceIterations = 1;
    quint16 ioPort = 0;
};

struct Ready
{
    std::int64_t readyNs = 0; // monotonic clock, same as the parent's
    std::int64_t pid = 0;
    double peakRssMb = 0;
};

struct TaskDone
{
    std::int32_t task = -1;
    bool completed = false;
    std::uint64_t checksum = 0;
    double peakRssMb = 0;
    Problem error; // as a sentence and its values: the parent words it in the window's language
};

struct Frame
{
    MessageType type = MessageType::Hello;
    QByteArray payload;
};

QByteArray encodeHello(const Hello& hello);
QByteArray encodeTask(const TaskSpec& task);
QByteArray encodeReady(const Ready& ready);
QByteArray encodeSegments(const std::vector<Segment>& segments);
QByteArray encodeTaskDone(const TaskDone& done);

// Each decoder returns nullopt when the payload is malformed: the peer is not a conlab of this build.
std::optional<Hello> decodeHello(const QByteArray& payload);
std::optional<TaskSpec> decodeTask(const QByteArray& payload);
std::optional<Ready> decodeReady(const QByteArray& payload);
std::optional<std::vector<Segment>> decodeSegments(const QByteArray& payload);
// A malformed error also sets *why ("the problem \"task %1: %2\" uses 2 values but carries 1").
std::optional<TaskDone> decodeTaskDone(const QByteArray& payload, QString* why = nullptr);

// Accumulates bytes from a stream and cuts them into frames.
class FrameReader
{
public:
    void append(const QByteArray& bytes) { m_buffer.append(bytes); }
    // The next complete frame, if any. Sets *error and returns nullopt on a frame that cannot be valid.
    std::optional<Frame> next(QString* error);

private:
    QByteArray m_buffer;
    qsizetype m_offset = 0;
};

} // namespace workerprotocol
} // namespace conlab
