#include "core/import/foreigntrace.h"

#include "core/import/sliceflattener.h"
#include "core/import/statematcher.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <tuple>
#include <unordered_map>

namespace conlab {

namespace {

bool isSlice(char phase)
{
    return phase == 'X' || phase == 'B' || phase == 'E';
}

// Each thread's slices: X events as they are, B/E pairs matched per thread in time order.
std::vector<std::vector<Slice>> slicesByThread(const RawTrace& raw, std::int64_t traceEndNs)
{
    std::vector<std::vector<Slice>> slices(raw.threads.size());
    std::vector<std::vector<std::int32_t>> beginsAndEnds(raw.threads.size());
    for (std::size_t i = 0; i < raw.events.size(); ++i) {
        const RawEvent& event = raw.events[i];
        const auto thread = static_cast<std::size_t>(event.thread);
        if (event.phase == 'X')
            slices[thread].push_back({event.ts, event.ts + event.dur, static_cast<std::int32_t>(i)});
        else if (event.phase == 'B' || event.phase == 'E')
            beginsAndEnds[thread].push_back(static_cast<std::int32_t>(i));
    }
    std::vector<std::int32_t> open;
    for (std::size_t thread = 0; thread < raw.threads.size(); ++thread) {
        std::vector<std::int32_t>& events = beginsAndEnds[thread];
        // Files need not be in time order; at equal times the file's order decides.
        std::stable_sort(events.begin(), events.end(), [&raw](std::int32_t a, std::int32_t b) {
            return raw.events[std::size_t(a)].ts < raw.events[std::size_t(b)].ts;
        });
        open.clear();
        for (std::int32_t index : events) {
            const RawEvent& event = raw.events[static_cast<std::size_t>(index)];
            if (event.phase == 'B') {
                open.push_back(index);
            } else if (!open.empty()) { // an E with nothing open is ignored
                slices[thread].push_back({raw.events[static_cast<std::size_t>(open.back())].ts, event.ts, open.back()});
                open.pop_back();
            }
        }
        for (std::int32_t index : open)
            slices[thread].push_back({raw.events[static_cast<std::size_t>(index)].ts, traceEndNs, index});
    }
    return slices;
}

QString laneName(const RawTrace& raw, const RawThread& thread)
{
    const auto process = raw.processes.find(thread.pid);
    const QString processName = process != raw.processes.end() && process->second.name >= 0
        ? raw.strings.string(process->second.name)
        : QStringLiteral("pid %1").arg(thread.pid);
    const QString threadName
        = thread.name >= 0 ? raw.strings.string(thread.name) : QStringLiteral("tid %1").arg(thread.tid);
    return processName + QStringLiteral(" / ") + threadName;
}

std::int64_t processSortIndex(const RawTrace& raw, std::int64_t pid)
{
    const auto process = raw.processes.find(pid);
    return process == raw.processes.end() ? 0 : process->second.sortIndex;
}

// Per string, computed once: the state it names, if any.
class StateCache
{
public:
    explicit StateCache(const StringTable& strings)
        : m_strings(strings)
        , m_states(strings.size(), unset)
    {
    }

    std::optional<TaskState> of(std::int32_t id)
    {
        if (id < 0)
            return std::nullopt;
        std::int16_t& cached = m_states[static_cast<std::size_t>(id)];
        if (cached == unset) {
            const std::optional<TaskState> state = stateNamedIn(m_strings.view(id));
            cached = state ? static_cast<std::int16_t>(*state) : none;
        }
        return cached == none ? std::nullopt : std::optional<TaskState>(static_cast<TaskState>(cached));
    }

    // The first of the slice's name, args.state and category that names a state.
    std::optional<TaskState> of(const RawEvent& event)
    {
        for (std::int32_t id : {event.name, event.stateArg, event.cat}) {
            if (const std::optional<TaskState> state = of(id))
                return state;
        }
        return std::nullopt;
    }

private:
    static constexpr std::int16_t unset = -2;
    static constexpr std::int16_t none = -1;
    const StringTable& m_strings;
    std::vector<std::int16_t> m_states;
};

void buildLanes(const RawTrace& raw, const RunFileLimits& limits, std::int64_t traceEndNs, Trace& trace)
{
    std::vector<std::vector<Slice>> pieces = slicesByThread(raw, traceEndNs);
    for (std::vector<Slice>& thread : pieces)
        thread = flattenSlices(std::move(thread));

    std::vector<std::size_t> threads;
    for (std::size_t thread = 0; thread < pieces.size(); ++thread) {
        if (!pieces[thread].empty())
            threads.push_back(thread);
    }
    const auto firstEvent = [&pieces](std::size_t thread) {
        std::int32_t first = std::numeric_limits<std::int32_t>::max();
        for (const Slice& piece : pieces[thread])
            first = std::min(first, piece.id);
        return first;
    };
    const auto maxLanes = static_cast<std::size_t>(std::clamp(limits.maxLanes, 0, 65535));
    if (threads.size() > maxLanes) {
        std::vector<std::int32_t> firsts;
        for (std::size_t thread : threads)
            firsts.push_back(firstEvent(thread));
        std::nth_element(firsts.begin(), firsts.begin() + static_cast<std::ptrdiff_t>(maxLanes), firsts.end());
        throw ParseError {raw.events[static_cast<std::size_t>(firsts[maxLanes])].offset,
            QStringLiteral("this event is on thread number %1 with slices; a timeline holds at most %2 lanes")
                .arg(maxLanes + 1)
                .arg(maxLanes)};
    }

    const auto order = [&raw](std::size_t thread) {
        const RawThread& t = raw.threads[thread];
        return std::make_tuple(processSortIndex(raw, t.pid), t.pid, t.sortIndex, t.tid);
    };
    std::sort(threads.begin(), threads.end(), [&](std::size_t a, std::size_t b) { return order(a) < order(b); });

    StateCache states(raw.strings);
    std::vector<std::int32_t> taskOfName(raw.strings.size(), -1);
    for (std::size_t lane = 0; lane < threads.size(); ++lane) {
        const std::size_t thread = threads[lane];
        trace.lanes.push_back(LaneInfo {laneName(raw, raw.threads[thread]), LaneKind::Thread});
        for (const Slice& piece : pieces[thread]) {
            const RawEvent& event = raw.events[static_cast<std::size_t>(piece.id)];
            std::int32_t& task = taskOfName[static_cast<std::size_t>(event.name)];
            if (task < 0) {
                task = static_cast<std::int32_t>(trace.taskNames.size());
                trace.taskNames.push_back(raw.strings.string(event.name));
            }
            Segment segment;
            segment.beginNs = piece.beginNs;
            segment.endNs = piece.endNs;
            segment.task = task;
            segment.lane = static_cast<std::uint16_t>(lane);
            segment.state = states.of(event).value_or(TaskState::Running);
            trace.segments.push_back(segment);
        }
    }
}

void buildCounters(const RawTrace& raw, const RunFileLimits& limits, Trace& trace)
{
    // A series is one argument of one counter name, numbered in order of first appearance.
    std::unordered_map<std::uint64_t, std::int32_t> seriesOf;
    std::vector<std::pair<std::int32_t, std::int32_t>> series; // (name, key)
    std::unordered_map<std::int32_t, int> keysOfName;
    std::vector<std::int32_t> events;
    for (std::size_t i = 0; i < raw.events.size(); ++i) {
        const RawEvent& event = raw.events[i];
        if (event.phase != 'C' || event.counterCount == 0)
            continue;
        events.push_back(static_cast<std::int32_t>(i));
        for (std::int32_t v = 0; v < event.counterCount; ++v) {
            const CounterValue& value = raw.counterValues[static_cast<std::size_t>(event.counterBegin + v)];
            const auto key = (std::uint64_t(std::uint32_t(event.name)) << 32) | std::uint32_t(value.key);
            if (seriesOf.try_emplace(key, static_cast<std::int32_t>(series.size())).second) {
                if (static_cast<std::int64_t>(series.size()) >= limits.maxCounters)
                    throw ParseError {event.offset,
                        QStringLiteral("the trace has more than %1 counter series, the most a file may have")
                            .arg(limits.maxCounters)};
                series.emplace_back(event.name, value.key);
                ++keysOfName[event.name];
            }
        }
    }
    if (series.empty())
        return;
    for (const auto& [name, key] : series)
        trace.counterNames.push_back(keysOfName[name] == 1
                ? raw.strings.string(name)
                : raw.strings.string(name) + QLatin1Char('.') + raw.strings.string(key));

    std::stable_sort(events.begin(), events.end(), [&raw](std::int32_t a, std::int32_t b) {
        return raw.events[std::size_t(a)].ts < raw.events[std::size_t(b)].ts;
    });
    const auto columns = static_cast<std::int64_t>(series.size());
    std::vector<float> current(series.size(), std::numeric_limits<float>::quiet_NaN());
    for (std::size_t i = 0; i < events.size();) {
        const std::int64_t ts = raw.events[static_cast<std::size_t>(events[i])].ts;
        if ((static_cast<std::int64_t>(trace.cpuSamples.size()) + 1) * columns > limits.maxCounterValues)
            throw ParseError {raw.events[static_cast<std::size_t>(events[i])].offset,
                QStringLiteral("the counters need more than %1 values once each holds its value between its events, "
                               "the most a file may have")
                    .arg(limits.maxCounterValues)};
        for (; i < events.size() && raw.events[static_cast<std::size_t>(events[i])].ts == ts; ++i) {
            const RawEvent& event = raw.events[static_cast<std::size_t>(events[i])];
            for (std::int32_t v = 0; v < event.counterCount; ++v) {
                const CounterValue& value = raw.counterValues[static_cast<std::size_t>(event.counterBegin + v)];
                const auto key = (std::uint64_t(std::uint32_t(event.name)) << 32) | std::uint32_t(value.key);
                current[static_cast<std::size_t>(seriesOf[key])] = static_cast<float>(value.value);
            }
        }
        trace.cpuSamples.push_back(CpuSample {ts, current});
    }
}

} // namespace

Trace buildForeignTrace(const RawTrace& raw, const RunFileLimits& limits)
{
    Trace trace;
    std::int64_t first = std::numeric_limits<std::int64_t>::max();
    std::int64_t last = std::numeric_limits<std::int64_t>::min();
    for (const RawEvent& event : raw.events) {
        if (!isSlice(event.phase) && event.phase != 'C')
            continue;
        first = std::min(first, event.ts);
        last = std::max(last, event.ts + event.dur);
    }
    if (first <= last) {
        // Times are kept relative to the first event when saved again: they must stay within the same limit.
        if (last - first > maxAbsNs)
            throw ParseError {ParseError::npos,
                QStringLiteral("the events span more than %1 microseconds (about 95 years)").arg(maxAbsNs / 1000)};
        trace.originNs = first;
    }
    buildLanes(raw, limits, last, trace);
    buildCounters(raw, limits, trace);
    return trace;
}

} // namespace conlab
