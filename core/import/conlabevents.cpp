#include "core/import/conlabevents.h"

#include "core/export/chrometraceexport.h"
#include "core/trace/tracekeys.h"

#include <cstdlib>
#include <limits>

namespace conlab {

namespace {

constexpr std::int16_t notAState = -1;
constexpr std::int16_t unknownState = -2; // "unknown": its number is in args.state_value

std::int32_t find(const RawTrace& raw, const QString& text)
{
    return raw.strings.find(text.toStdString());
}

std::uint16_t laneOf(const RawEvent& event, std::int64_t lane, const Trace& trace)
{
    if (lane < 0 || lane >= static_cast<std::int64_t>(trace.lanes.size()))
        throw ParseError {event.offset,
            QStringLiteral("an event on lane %1, but the file's record names only %2 lanes")
                .arg(lane)
                .arg(trace.lanes.size())};
    return static_cast<std::uint16_t>(lane);
}

} // namespace

void readConlabEvents(const RawTrace& raw, Trace& trace)
{
    if (std::llabs(trace.originNs) > maxAbsNs)
        throw ParseError {ParseError::npos, QStringLiteral("the record's origin_ns is out of range")};

    std::vector<std::int16_t> stateOfName(raw.strings.size(), notAState);
    for (TaskState state : allTaskStates) {
        if (const std::int32_t id = find(raw, taskStateKey(state)); id >= 0)
            stateOfName[static_cast<std::size_t>(id)] = static_cast<std::int16_t>(state);
    }
    if (const std::int32_t id = find(raw, taskStateKey(static_cast<TaskState>(taskStateCount))); id >= 0)
        stateOfName[static_cast<std::size_t>(id)] = unknownState;
    std::vector<std::int16_t> instantOfName(raw.strings.size(), -1);
    for (InstantKind kind : allInstantKinds) {
        if (const std::int32_t id = find(raw, instantKindKey(kind)); id >= 0)
            instantOfName[static_cast<std::size_t>(id)] = static_cast<std::int16_t>(kind);
    }
    const std::int32_t segmentCategory = raw.strings.find(segmentEventCategory);
    trace.segments.reserve(raw.events.size());

    for (const RawEvent& event : raw.events) {
        if (event.phase == 'X') {
            const RawThread& thread = raw.threads[static_cast<std::size_t>(event.thread)];
            if (thread.pid != segmentEventPid || event.cat != segmentCategory || segmentCategory < 0)
                continue;
            if (event.conlabProblem)
                throw *raw.firstConlabProblem;
            Segment segment;
            segment.lane = laneOf(event, thread.tid - 1, trace);
            std::int16_t state = stateOfName[static_cast<std::size_t>(event.name)];
            if (state == unknownState)
                state = event.stateValue;
            if (state < 0)
                throw ParseError {event.offset,
                    QStringLiteral("a segment named \"%1\", which is not a state this version of conlab knows")
                        .arg(raw.strings.string(event.name))};
            segment.state = static_cast<TaskState>(state);
            segment.beginNs = trace.originNs + event.ts;
            segment.endNs = segment.beginNs + event.dur;
            segment.task = event.task;
            segment.core = event.core;
            trace.segments.push_back(segment);
        } else if (event.phase == 'i' || event.phase == 'I') {
            const std::int16_t kind = instantOfName[static_cast<std::size_t>(event.name)];
            if (kind < 0)
                continue;
            if (event.conlabProblem)
                throw *raw.firstConlabProblem;
            trace.instants.push_back(InstantEvent {
                trace.originNs + event.ts, laneOf(event, event.laneArg, trace), static_cast<InstantKind>(kind)});
        }
    }
}

} // namespace conlab
