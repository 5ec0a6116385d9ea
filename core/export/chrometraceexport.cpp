#include "chrometraceexport.h"

#include "gil/gillane.h"

#include <QDir>
#include <QSaveFile>

#ifdef __linux__
#include <sys/mman.h>
#endif

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace conlab {

namespace {

constexpr int runPid = 1;
constexpr int cpuPid = 2;

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

// A write cursor over a QByteArray. QJsonDocument and even QByteArray::append cost too much per call at a
// million events, so the hot path is one bounds check and a memcpy or to_chars into reserved space. With a
// device, the buffer is a fixed-size window that is written out whenever it fills, so a file export never holds
// the whole text in memory.
class JsonBuffer
{
public:
    explicit JsonBuffer(qsizetype capacity) { resize(std::max<qsizetype>(capacity, 256)); }
    JsonBuffer(QIODevice* device, qsizetype chunkSize)
        : m_device(device)
    {
        resize(chunkSize);
    }

    void append(const char* data, qsizetype size)
    {
        std::memcpy(room(size), data, static_cast<std::size_t>(size));
        m_size += size;
    }
    template <std::size_t N> void appendLiteral(const char (&literal)[N]) { append(literal, N - 1); }
    void append(const QByteArray& bytes) { append(bytes.constData(), bytes.size()); }

    void appendInteger(std::int64_t value)
    {
        char* out = room(24);
        finish(std::to_chars(out, out + 24, value).ptr);
    }

    // Nanoseconds as microseconds with exactly three decimals, done in integers: a double would round
    // timestamps of long runs, and printf-style formatting is several times slower.
    void appendMicros(std::int64_t ns)
    {
        char* out = room(32);
        auto magnitude = static_cast<std::uint64_t>(ns);
        if (ns < 0) {
            *out++ = '-';
            magnitude = 0 - magnitude;
        }
        out = std::to_chars(out, out + 24, magnitude / 1000).ptr;
        const auto fraction = static_cast<unsigned>(magnitude % 1000);
        out[0] = '.';
        out[1] = static_cast<char>('0' + fraction / 100);
        out[2] = static_cast<char>('0' + fraction / 10 % 10);
        out[3] = static_cast<char>('0' + fraction % 10);
        finish(out + 4);
    }

    // Shortest text that reads back as the same float; callers keep NaN and infinities out (JSON has neither).
    void appendFloat(float value)
    {
        char* out = room(48);
        finish(std::to_chars(out, out + 48, value).ptr);
    }

    // Device mode: writes out what is buffered. False once any write has failed; the device's errorString()
    // says why.
    bool flush()
    {
        if (m_device && m_size > 0) {
            if (m_ok)
                m_ok = m_device->write(m_data, m_size) == m_size;
            m_size = 0;
        }
        return m_ok;
    }

    // Memory mode: the text so far.
    QByteArray take()
    {
        m_bytes.resize(m_size);
        // The estimate over-reserves by tens of megabytes on big traces; hand back only what is used.
        if (m_bytes.capacity() - m_size > m_size / 8)
            m_bytes.squeeze();
        return std::move(m_bytes);
    }

private:
    char* room(qsizetype size)
    {
        if (m_size + size > m_bytes.size()) [[unlikely]]
            makeRoom(size);
        return m_data + m_size;
    }
    void makeRoom(qsizetype size)
    {
        if (m_device) {
            flush();
            if (size <= m_bytes.size())
                return;
        }
        resize(std::max(m_size + size, m_bytes.size() + m_bytes.size() / 2));
    }
    void resize(qsizetype capacity)
    {
        m_bytes.resize(capacity);
        m_data = m_bytes.data();
        adviseHugePages(m_data, capacity);
    }
    void finish(char* end) { m_size = end - m_data; }

    QByteArray m_bytes;
    char* m_data = nullptr;
    qsizetype m_size = 0;
    QIODevice* m_device = nullptr;
    bool m_ok = true;
};

// A complete JSON string literal, quotes included. Input is UTF-8, which JSON allows unescaped; only the
// quote, the backslash and control characters must be escaped.
QByteArray jsonString(const QString& text)
{
    static constexpr char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out.append('"');
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default:
            if (byte < 0x20) {
                out.append("\\u00");
                out.append(hex[byte >> 4]);
                out.append(hex[byte & 0xf]);
            } else {
                out.append(c);
            }
        }
    }
    out.append('"');
    return out;
}

// The per-state text of a segment event, escaped once rather than once per segment.
struct StateText
{
    QByteArray head; // from the separator up to the tid value
    QByteArray stateArg; // "state":"<label>"
};

StateText makeStateText(TaskState state)
{
    return {QByteArrayLiteral(",\n{\"name\":") + jsonString(taskStateKey(state))
            + QByteArrayLiteral(",\"cat\":\"task\",\"ph\":\"X\",\"pid\":1,\"tid\":"),
        QByteArrayLiteral("\"state\":") + jsonString(taskStateLabel(state))};
}

void appendMetadata(JsonBuffer& out, const char* name, int pid, int tid, const char* argKey, const QByteArray& value)
{
    out.appendLiteral(",\n{\"name\":\"");
    out.append(name, static_cast<qsizetype>(std::strlen(name)));
    out.appendLiteral("\",\"ph\":\"M\",\"pid\":");
    out.appendInteger(pid);
    out.appendLiteral(",\"tid\":");
    out.appendInteger(tid);
    out.appendLiteral(",\"args\":{\"");
    out.append(argKey, static_cast<qsizetype>(std::strlen(argKey)));
    out.appendLiteral("\":");
    out.append(value);
    out.appendLiteral("}}");
}

void appendCpuSample(JsonBuffer& out, const CpuSample& sample, std::int64_t originNs)
{
    const bool anyValue
        = std::any_of(sample.perCore.begin(), sample.perCore.end(), [](float v) { return std::isfinite(v); });
    // A core without data is left out rather than written as 0: the viewer then keeps its previous value,
    // which misleads less than a false "idle".
    if (anyValue) {
        out.appendLiteral(",\n{\"name\":\"cpu utilisation\",\"ph\":\"C\",\"pid\":2,\"tid\":0,\"ts\":");
        out.appendMicros(sample.timeNs - originNs);
        out.appendLiteral(",\"args\":{");
        bool first = true;
        for (std::size_t core = 0; core < sample.perCore.size(); ++core) {
            const float value = sample.perCore[core];
            if (!std::isfinite(value))
                continue;
            if (!first)
                out.appendLiteral(",");
            first = false;
            out.appendLiteral("\"cpu");
            out.appendInteger(static_cast<std::int64_t>(core));
            out.appendLiteral("\":");
            out.appendFloat(value);
        }
        out.appendLiteral("}}");
    }
    const float average = sample.average();
    if (std::isfinite(average)) {
        out.appendLiteral(",\n{\"name\":\"average\",\"ph\":\"C\",\"pid\":2,\"tid\":0,\"ts\":");
        out.appendMicros(sample.timeNs - originNs);
        out.appendLiteral(",\"args\":{\"percent\":");
        out.appendFloat(average);
        out.appendLiteral("}}");
    }
}

// Every event is written as ",\n{...}" so the hot loop needs no "is this the first?" test; only the first event,
// part of the opening literal, has no separator.
void writeTrace(JsonBuffer& out, const Trace& trace)
{
    out.appendLiteral(
        "{\"traceEvents\":[\n"
        "{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":1,\"tid\":0,\"args\":{\"name\":\"conlab run\"}}");
    appendMetadata(out, "process_sort_index", runPid, 0, "sort_index", QByteArrayLiteral("0"));
    appendMetadata(out, "process_name", cpuPid, 0, "name", QByteArrayLiteral("\"CPU utilisation\""));
    appendMetadata(out, "process_sort_index", cpuPid, 0, "sort_index", QByteArrayLiteral("1"));
    // Viewers order threads by tid or name unless told otherwise; the sort index keeps the app's lane order.
    for (std::size_t i = 0; i < trace.lanes.size(); ++i) {
        const int tid = static_cast<int>(i) + 1;
        appendMetadata(out, "thread_name", runPid, tid, "name", jsonString(trace.lanes[i].name));
        appendMetadata(out, "thread_sort_index", runPid, tid, "sort_index", QByteArray::number(static_cast<int>(i)));
    }

    // The last entry covers state values this build does not know (a trace from a newer version).
    std::array<StateText, taskStateCount + 1> stateText;
    for (TaskState state : allTaskStates)
        stateText[static_cast<std::size_t>(state)] = makeStateText(state);
    stateText[taskStateCount] = makeStateText(static_cast<TaskState>(taskStateCount));

    for (const Segment& segment : trace.segments) {
        const auto stateIndex = std::min<std::size_t>(static_cast<std::size_t>(segment.state), taskStateCount);
        const StateText& text = stateText[stateIndex];
        out.append(text.head);
        out.appendInteger(segment.lane + 1);
        out.appendLiteral(",\"ts\":");
        out.appendMicros(segment.beginNs - trace.originNs);
        out.appendLiteral(",\"dur\":");
        // A negative duration makes viewers drop or mis-nest the event; an empty one at least stays visible.
        out.appendMicros(std::max<std::int64_t>(segment.durationNs(), 0));
        out.appendLiteral(",\"args\":{");
        if (segment.task >= 0) {
            out.appendLiteral("\"task\":");
            out.appendInteger(segment.task);
            out.appendLiteral(",");
        }
        out.append(text.stateArg);
        if (segment.core >= 0) {
            out.appendLiteral(",\"core\":");
            out.appendInteger(segment.core);
        }
        out.appendLiteral("}}");
    }

    // Drop requests are drawn on the GIL lane, the moment a waiting thread asked its holder to let go.
    const int gilLane = gilLaneIndex(trace.lanes);
    for (const InstantEvent& event : trace.instants) {
        out.appendLiteral(
            ",\n{\"name\":\"gil_drop_request\",\"cat\":\"gil\",\"ph\":\"i\",\"s\":\"t\",\"pid\":1,\"tid\":");
        out.appendInteger((gilLane >= 0 ? gilLane : event.lane) + 1);
        out.appendLiteral(",\"ts\":");
        out.appendMicros(event.timeNs - trace.originNs);
        out.appendLiteral(",\"args\":{\"requested_by\":");
        // The event loop's thread has no lane of its own: its requests are filed under the GIL lane.
        QString requester = QStringLiteral("?");
        if (event.lane < trace.lanes.size())
            requester = trace.lanes[event.lane].kind == LaneKind::Gil ? QStringLiteral("event loop thread")
                                                                      : trace.lanes[event.lane].name;
        out.append(jsonString(requester));
        out.appendLiteral("}}");
    }

    for (const CpuSample& sample : trace.cpuSamples)
        appendCpuSample(out, sample, trace.originNs);

    out.appendLiteral("\n],\n\"displayTimeUnit\":\"ms\",\n\"otherData\":{\"generator\":\"conlab\",\"cores\":");
    out.appendInteger(trace.cores);
    out.appendLiteral("}}\n");
}

} // namespace

QByteArray chromeTraceJson(const Trace& trace)
{
    // Rough upper bounds per event; a typical segment takes about 150 bytes.
    qsizetype estimate = 512 + static_cast<qsizetype>(trace.segments.size()) * 168;
    for (const CpuSample& sample : trace.cpuSamples)
        estimate += 200 + static_cast<qsizetype>(sample.perCore.size()) * 24;
    for (const LaneInfo& lane : trace.lanes)
        estimate += 200 + lane.name.size() * 12;
    estimate += static_cast<qsizetype>(trace.instants.size()) * 200;
    JsonBuffer out(estimate);
    writeTrace(out, trace);
    return out.take();
}

bool writeChromeTrace(const Trace& trace, const QString& path, QString* error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        // Streamed in 1 MiB pieces: a million segments is ~150 MB of text that need never exist in memory at once.
        JsonBuffer out(&file, 1024 * 1024);
        writeTrace(out, trace);
        if (out.flush() && file.commit())
            return true;
    }

    // Not committed: QSaveFile discards its temporary file and the old file at path is untouched.
    if (error) {
        QString reason = file.errorString();
        while (reason.endsWith(QLatin1Char('.')))
            reason.chop(1);
        if (reason.isEmpty())
            reason = QStringLiteral("unknown error");
        *error = QStringLiteral("Could not write the trace file %1: %2.").arg(QDir::toNativeSeparators(path), reason);
    }
    return false;
}

} // namespace conlab
