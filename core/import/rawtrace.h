#pragma once

#include "core/import/importreport.h"
#include "core/import/jsonreader.h"
#include "core/import/stringtable.h"

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

namespace conlab {

// The events of a trace file as written, before anything is made of them. Whether a file is conlab's own (and so
// how its events read) is known only from the record after them, so the file is read once into this and
// interpreted afterwards (conlabevents.h, foreigntrace.h).
struct RawEvent
{
    std::int64_t ts = 0; // nanoseconds, as written (relative to nothing yet)
    std::int64_t dur = 0; // X only
    std::uint64_t offset = 0; // where the event begins in the file, for messages about it
    std::int32_t thread = -1; // RawTrace::threads; X, B and E only
    std::int32_t name = -1; // RawTrace::strings; -1 when absent
    std::int32_t cat = -1;
    std::int32_t stateArg = -1; // args.state
    std::int32_t task = -1; // args.task (conlab's files)
    std::int32_t counterBegin = 0; // C: its values are counterValues[counterBegin, counterBegin + counterCount)
    std::int32_t counterCount = 0;
    std::int32_t laneArg = -1; // args.lane of conlab's instants
    std::int16_t stateValue = -1; // args.state_value: a state this version has no name for
    std::int8_t core = -1; // args.core
    char phase = 0;
    // An event marked as conlab's (pid 1 and category "task", or an instant named like conlab's) had an argument
    // only conlab's files use that could not be read. If the file turns out to be conlab's, the first such event is
    // an error (RawTrace::firstConlabProblem); in another tool's file it means nothing.
    bool conlabProblem = false;
};

struct RawThread
{
    std::int64_t pid = 0;
    std::int64_t tid = 0;
    std::int32_t name = -1; // thread_name metadata
    std::int64_t sortIndex = 0; // thread_sort_index metadata
};

struct RawProcess
{
    std::int32_t name = -1; // process_name metadata
    std::int64_t sortIndex = 0; // process_sort_index metadata
};

struct CounterValue
{
    std::int32_t key = -1; // the argument's name, in strings
    double value = 0;
};

struct RawTrace
{
    StringTable strings;
    std::vector<RawEvent> events; // X, B, E, C and conlab's instants, in file order; other phases are dropped
    std::vector<RawThread> threads; // every (pid, tid) an X, B, E or thread metadata event named
    std::unordered_map<std::int64_t, RawProcess> processes;
    std::vector<CounterValue> counterValues;
    std::optional<ParseError> firstConlabProblem;
    ImportReport report; // what was skipped, and whether the file ended early
    // The first event skipped: nothing in conlab's own files may be, so if the file turns out to be conlab's, this is
    // its error.
    std::optional<ParseError> firstSkip;
};

// Timestamps and durations beyond this many nanoseconds (about 95 years) are refused, so that sums and differences
// of three of them cannot overflow. Microseconds since 1970 fit.
inline constexpr std::int64_t maxAbsNs = 3'000'000'000'000'000'000;

} // namespace conlab
