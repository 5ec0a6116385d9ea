#include "core/export/csvexport.h"

#include "core/export/atomicwrite.h"
#include "core/export/textbuffer.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace conlab {

namespace {

constexpr char lineEnd[] = "\r\n";

QByteArray csvField(const QString& text)
{
    QByteArray utf8 = text.toUtf8();
    if (!utf8.contains(',') && !utf8.contains('"') && !utf8.contains('\n') && !utf8.contains('\r'))
        return utf8;
    utf8.replace("\"", "\"\"");
    return '"' + utf8 + '"';
}

std::vector<QByteArray> csvFields(const std::vector<QString>& texts)
{
    std::vector<QByteArray> fields;
    fields.reserve(texts.size());
    for (const QString& text : texts)
        fields.push_back(csvField(text));
    return fields;
}

void appendSegments(TextBuffer& out, const Trace& trace)
{
    const bool taskNames = !trace.taskNames.empty();
    // An observed Python run's thread lanes hold the Python function in `task` (Trace::functionNames): it gets a
    // column of its own, and the task column stays empty there.
    const bool functions = !trace.functionNames.empty();
    out.appendLiteral("lane,lane_name,task,");
    if (taskNames)
        out.appendLiteral("task_name,");
    if (functions)
        out.appendLiteral("function,");
    out.appendLiteral("state,begin_ms,end_ms,duration_ms,core");
    out.appendLiteral(lineEnd);

    std::vector<QByteArray> laneNames;
    for (const LaneInfo& lane : trace.lanes)
        laneNames.push_back(csvField(lane.name));
    const std::vector<QByteArray> names = csvFields(trace.taskNames);
    const std::vector<QByteArray> functionNames = csvFields(trace.functionNames);
    std::array<QByteArray, taskStateCount + 1> states;
    for (std::size_t state = 0; state < states.size(); ++state)
        states[state] = csvField(taskStateKey(static_cast<TaskState>(state)));

    std::vector<std::size_t> order(trace.segments.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&trace](std::size_t a, std::size_t b) {
        const Segment& x = trace.segments[a];
        const Segment& y = trace.segments[b];
        return x.lane != y.lane ? x.lane < y.lane : x.beginNs < y.beginNs;
    });
    for (std::size_t index : order) {
        const Segment& segment = trace.segments[index];
        out.appendInteger(segment.lane);
        out.append(',');
        if (segment.lane < laneNames.size())
            out.append(laneNames[segment.lane]);
        out.append(',');
        const bool functionLane
            = functions && segment.lane < trace.lanes.size() && trace.lanes[segment.lane].kind == LaneKind::Thread;
        const int task = functionLane ? -1 : segment.task;
        if (task != -1)
            out.appendInteger(task);
        out.append(',');
        if (taskNames) {
            if (task >= 0 && static_cast<std::size_t>(task) < names.size())
                out.append(names[static_cast<std::size_t>(task)]);
            out.append(',');
        }
        if (functions) {
            if (functionLane && segment.task >= 0 && static_cast<std::size_t>(segment.task) < functionNames.size())
                out.append(functionNames[static_cast<std::size_t>(segment.task)]);
            out.append(',');
        }
        out.append(states[std::min<std::size_t>(static_cast<std::size_t>(segment.state), taskStateCount)]);
        out.append(',');
        out.appendFixed(segment.beginNs - trace.originNs, 6);
        out.append(',');
        out.appendFixed(segment.endNs - trace.originNs, 6);
        out.append(',');
        out.appendFixed(segment.durationNs(), 6);
        out.append(',');
        if (segment.core != -1)
            out.appendInteger(segment.core);
        out.appendLiteral(lineEnd);
    }
}

void appendValue(TextBuffer& out, float value)
{
    out.append(',');
    if (!std::isnan(value))
        out.appendFloat(value);
}

void appendSamples(TextBuffer& out, const Trace& trace)
{
    const bool counters = !trace.counterNames.empty();
    std::size_t columns = counters ? trace.counterNames.size() : static_cast<std::size_t>(std::max(trace.cores, 0));
    if (!counters) {
        for (const CpuSample& sample : trace.cpuSamples)
            columns = std::max(columns, sample.perCore.size());
    }
    out.appendLiteral("time_ms");
    for (std::size_t column = 0; column < columns; ++column) {
        out.append(',');
        if (counters)
            out.append(csvField(trace.counterNames[column]));
        else
            out.append(QByteArrayLiteral("cpu") + QByteArray::number(qulonglong(column)));
    }
    if (!counters)
        out.appendLiteral(",average");
    out.appendLiteral(lineEnd);

    for (const CpuSample& sample : trace.cpuSamples) {
        out.appendFixed(sample.timeNs - trace.originNs, 6);
        for (std::size_t column = 0; column < columns; ++column)
            appendValue(out, column < sample.perCore.size() ? sample.perCore[column] : std::nanf(""));
        if (!counters)
            appendValue(out, sample.average());
        out.appendLiteral(lineEnd);
    }
}

QByteArray inMemory(const Trace& trace, void (*append)(TextBuffer&, const Trace&), qsizetype estimate)
{
    TextBuffer out(estimate);
    append(out, trace);
    return out.take();
}

} // namespace

QByteArray segmentsCsv(const Trace& trace)
{
    return inMemory(trace, appendSegments, 256 + static_cast<qsizetype>(trace.segments.size()) * 80);
}

QByteArray samplesCsv(const Trace& trace)
{
    return inMemory(trace, appendSamples, 256 + static_cast<qsizetype>(trace.cpuSamples.size()) * 128);
}

bool writeSegmentsCsv(const Trace& trace, const QString& path, Problem* error)
{
    return writeTextFileAtomically(
        path, QT_TRANSLATE_NOOP("conlab::Problem", "segments CSV file"),
        [&trace](TextBuffer& out) { appendSegments(out, trace); }, error);
}

bool writeSamplesCsv(const Trace& trace, const QString& path, Problem* error)
{
    return writeTextFileAtomically(
        path, QT_TRANSLATE_NOOP("conlab::Problem", "samples CSV file"),
        [&trace](TextBuffer& out) { appendSamples(out, trace); }, error);
}

} // namespace conlab
