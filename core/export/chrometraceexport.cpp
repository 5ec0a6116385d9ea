#include "core/export/chrometraceexport.h"

#include "core/export/jsontext.h"
#include "core/gil/gillane.h"
#include "core/trace/tracekeys.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

namespace conlab {

namespace {

constexpr int runPid = segmentEventPid;
constexpr int cpuPid = 2;

// The per-state text of a segment event, escaped once rather than once per segment.
struct StateText
{
    QByteArray head; // from the separator up to the tid value
    QByteArray stateArg; // "state":"<label>"
};

StateText makeStateText(TaskState state)
{
    return {QByteArrayLiteral(",\n{\"name\":") + jsonString(taskStateKey(state)) + QByteArrayLiteral(",\"cat\":\"")
            + segmentEventCategory + QByteArrayLiteral("\",\"ph\":\"X\",\"pid\":") + QByteArray::number(runPid)
            + QByteArrayLiteral(",\"tid\":"),
        QByteArrayLiteral("\"state\":") + jsonString(taskStateEnglishLabel(state))};
}

void appendMetadata(TextBuffer& out, const char* name, int pid, int tid, const char* argKey, const QByteArray& value)
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

void appendCounterHead(TextBuffer& out, const QByteArray& name, std::int64_t ts)
{
    out.appendLiteral(",\n{\"name\":");
    out.append(name);
    out.appendLiteral(",\"ph\":\"C\",\"pid\":2,\"tid\":0,\"ts\":");
    out.appendMicros(ts);
    out.appendLiteral(",\"args\":{");
}

void appendCpuSample(TextBuffer& out, const CpuSample& sample, std::int64_t originNs)
{
    const bool anyValue
        = std::any_of(sample.perCore.begin(), sample.perCore.end(), [](float v) { return std::isfinite(v); });
    // A core without data is left out rather than written as 0: the viewer then keeps its previous value,
    // which misleads less than a false "idle".
    if (anyValue) {
        appendCounterHead(out, QByteArrayLiteral("\"cpu utilisation\""), sample.timeNs - originNs);
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
        appendCounterHead(out, QByteArrayLiteral("\"average\""), sample.timeNs - originNs);
        out.appendLiteral("\"percent\":");
        out.appendFloat(average);
        out.appendLiteral("}}");
    }
}

// An imported trace's columns are its own counters, each written back under its name.
void appendCounterSample(
    TextBuffer& out, const CpuSample& sample, std::int64_t originNs, const std::vector<QByteArray>& names)
{
    const std::size_t columns = std::min(sample.perCore.size(), names.size());
    for (std::size_t column = 0; column < columns; ++column) {
        const float value = sample.perCore[column];
        if (!std::isfinite(value))
            continue;
        appendCounterHead(out, names[column], sample.timeNs - originNs);
        out.appendLiteral("\"value\":");
        out.appendFloat(value);
        out.appendLiteral("}}");
    }
}

std::vector<QByteArray> escapedNames(const std::vector<QString>& names)
{
    std::vector<QByteArray> escaped;
    escaped.reserve(names.size());
    for (const QString& name : names)
        escaped.push_back(jsonString(name));
    return escaped;
}

// A segment's duration such that a viewer's end, parsed ts + parsed dur in double precision, is no later than its
// exact end parsed alone. Lanes never overlap, so that end is no later than the next segment's ts: without this,
// 74403.63 + 5150.944 gives 79554.57400000001 > 79554.574 and speedscope nests the next segment inside this one.
// speedscope (1.25) first subtracts the lane's earliest ts from every ts of the lane, so the sum must hold after that
// shift too: `laneStart` is that earliest ts. Where the three-decimal text already adds up (most segments) it is
// written as is; otherwise the largest double that does, with the digits that read back as that double. Either way
// it rounds to the exact nanoseconds, which is what conlab reads back (import/jsonnumber.h).
void appendDuration(TextBuffer& out, std::int64_t beginNs, std::int64_t durationNs, double laneStart)
{
    // n / 1000.0 is correctly rounded, so each equals what strtod (and JSON.parse) makes of the three-decimal text.
    const double ts = static_cast<double>(beginNs) / 1000.0;
    const double end = static_cast<double>(beginNs + durationNs) / 1000.0;
    const double exact = static_cast<double>(durationNs) / 1000.0;
    const double shiftedTs = ts - laneStart;
    const double shiftedEnd = end - laneStart;
    const auto endsInTime = [&](double dur) { return ts + dur <= end && shiftedTs + dur <= shiftedEnd; };
    if (endsInTime(exact)) {
        out.appendMicros(durationNs);
        return;
    }
    double dur = std::min(end - ts, shiftedEnd - shiftedTs);
    while (dur > 0 && !endsInTime(dur))
        dur = std::nextafter(dur, 0.0);
    // Only a run of weeks spaces its doubles wider than a nanosecond; there the exact text wins over the viewers.
    if (std::abs(dur - exact) >= 0.0004) {
        out.appendMicros(durationNs);
        return;
    }
    out.appendDoubleFixed(dur);
}

// Each lane's earliest segment start, in microseconds as a viewer parses it.
std::vector<double> laneStarts(const Trace& trace)
{
    std::vector<std::int64_t> earliest(trace.lanes.size() + 1, std::numeric_limits<std::int64_t>::max());
    for (const Segment& segment : trace.segments) {
        const std::size_t lane = std::min<std::size_t>(segment.lane, trace.lanes.size());
        earliest[lane] = std::min(earliest[lane], segment.beginNs - trace.originNs);
    }
    std::vector<double> starts;
    starts.reserve(earliest.size());
    for (const std::int64_t ns : earliest)
        starts.push_back(static_cast<double>(ns) / 1000.0);
    return starts;
}

void appendSegments(TextBuffer& out, const Trace& trace)
{
    // The last entry covers state values this build does not know (a trace from a newer version); their number
    // goes into "state_value" so that nothing is lost.
    std::array<StateText, taskStateCount + 1> stateText;
    for (TaskState state : allTaskStates)
        stateText[static_cast<std::size_t>(state)] = makeStateText(state);
    stateText[taskStateCount] = makeStateText(static_cast<TaskState>(taskStateCount));
    // Viewers show an imported trace's slices under their own names, not only as numbers.
    const std::vector<QByteArray> taskNames = escapedNames(trace.taskNames);
    // A Python thread's segments name its function: args.function, which the viewers show on the slice.
    const std::vector<QByteArray> functionNames = escapedNames(trace.functionNames);

    const std::vector<double> starts = laneStarts(trace);
    for (const Segment& segment : trace.segments) {
        const auto stateIndex = std::min<std::size_t>(static_cast<std::size_t>(segment.state), taskStateCount);
        const StateText& text = stateText[stateIndex];
        out.append(text.head);
        out.appendInteger(segment.lane + 1);
        out.appendLiteral(",\"ts\":");
        out.appendMicros(segment.beginNs - trace.originNs);
        out.appendLiteral(",\"dur\":");
        // A negative duration makes viewers drop or mis-nest the event; an empty one at least stays visible.
        appendDuration(out, segment.beginNs - trace.originNs, std::max<std::int64_t>(segment.durationNs(), 0),
            starts[std::min<std::size_t>(segment.lane, trace.lanes.size())]);
        out.appendLiteral(",\"args\":{");
        if (segment.task != -1) {
            out.appendLiteral("\"task\":");
            out.appendInteger(segment.task);
            out.appendLiteral(",");
            if (segment.task >= 0 && static_cast<std::size_t>(segment.task) < taskNames.size()) {
                out.appendLiteral("\"task_name\":");
                out.append(taskNames[static_cast<std::size_t>(segment.task)]);
                out.appendLiteral(",");
            }
            if (segment.task >= 0 && static_cast<std::size_t>(segment.task) < functionNames.size()
                && segment.lane < trace.lanes.size() && trace.lanes[segment.lane].kind != LaneKind::Gil) {
                out.appendLiteral("\"function\":");
                out.append(functionNames[static_cast<std::size_t>(segment.task)]);
                out.appendLiteral(",");
            }
        }
        out.append(text.stateArg);
        if (stateIndex == taskStateCount) [[unlikely]] {
            out.appendLiteral(",\"state_value\":");
            out.appendInteger(static_cast<int>(segment.state));
        }
        if (segment.core != -1) {
            out.appendLiteral(",\"core\":");
            out.appendInteger(segment.core);
        }
        out.appendLiteral("}}");
    }
}

void appendInstants(TextBuffer& out, const Trace& trace)
{
    // Drop requests are drawn on the GIL lane, the moment a waiting thread asked its holder to let go; "lane" keeps
    // which lane asked.
    const int gilLane = gilLaneIndex(trace.lanes);
    for (const InstantEvent& event : trace.instants) {
        out.appendLiteral(",\n{\"name\":");
        out.append(jsonString(instantKindKey(event.kind)));
        out.appendLiteral(",\"cat\":\"gil\",\"ph\":\"i\",\"s\":\"t\",\"pid\":1,\"tid\":");
        out.appendInteger((gilLane >= 0 ? gilLane : event.lane) + 1);
        out.appendLiteral(",\"ts\":");
        out.appendMicros(event.timeNs - trace.originNs);
        out.appendLiteral(",\"args\":{\"lane\":");
        out.appendInteger(event.lane);
        out.appendLiteral(",\"requested_by\":");
        // The event loop's thread has no lane of its own: its requests are filed under the GIL lane.
        QString requester = QStringLiteral("?");
        if (event.lane < trace.lanes.size())
            requester = trace.lanes[event.lane].kind == LaneKind::Gil ? QStringLiteral("event loop thread")
                                                                      : trace.lanes[event.lane].name;
        out.append(jsonString(requester));
        out.appendLiteral("}}");
    }
}

} // namespace

// Every event is written as ",\n{...}" so the hot loop needs no "is this the first?" test; only the first event,
// part of the opening literal, has no separator.
void appendTraceEvents(TextBuffer& out, const Trace& trace)
{
    out.appendLiteral(
        "\"traceEvents\":[\n"
        "{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":1,\"tid\":0,\"args\":{\"name\":\"conlab run\"}}");
    appendMetadata(out, "process_sort_index", runPid, 0, "sort_index", QByteArrayLiteral("0"));
    appendMetadata(out, "process_name", cpuPid, 0, "name",
        trace.counterNames.empty() ? QByteArrayLiteral("\"CPU utilisation\"") : QByteArrayLiteral("\"Counters\""));
    appendMetadata(out, "process_sort_index", cpuPid, 0, "sort_index", QByteArrayLiteral("1"));
    // Viewers order threads by tid or name unless told otherwise; the sort index keeps the app's lane order.
    for (std::size_t i = 0; i < trace.lanes.size(); ++i) {
        const int tid = static_cast<int>(i) + 1;
        appendMetadata(out, "thread_name", runPid, tid, "name", jsonString(trace.lanes[i].name));
        appendMetadata(out, "thread_sort_index", runPid, tid, "sort_index", QByteArray::number(static_cast<int>(i)));
    }

    appendSegments(out, trace);
    appendInstants(out, trace);

    if (trace.counterNames.empty()) {
        for (const CpuSample& sample : trace.cpuSamples)
            appendCpuSample(out, sample, trace.originNs);
    } else {
        const std::vector<QByteArray> names = escapedNames(trace.counterNames);
        for (const CpuSample& sample : trace.cpuSamples)
            appendCounterSample(out, sample, trace.originNs, names);
    }
    out.appendLiteral("\n]");
}

} // namespace conlab
