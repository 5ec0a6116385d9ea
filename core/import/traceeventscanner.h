#pragma once

#include "core/import/jsonreader.h"
#include "core/import/rawtrace.h"
#include "core/import/runfilelimits.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace conlab {

// Reads a traceEvents array into a RawTrace, checking on the way every field the importer will need. An event that
// cannot be used (a wrong type, a negative duration, a missing required field) is skipped and counted by reason in
// RawTrace::report, with the line and column of the first; only JSON that is not JSON is an error. Numbers written
// as strings are read where Perfetto reads them (ts, dur, pid, tid, counter values); a pid or tid that is a name
// becomes a process or thread of that name. Phases the importer does not use are counted and passed over (their
// JSON must still be valid).
class TraceEventScanner
{
public:
    TraceEventScanner(JsonReader& reader, RawTrace& raw, const RunFileLimits& limits);

    // From the array's '['. arrayForm: the array is the whole file, and may lack its closing ']'. A text that ends
    // inside the array after a complete event ends it, as if it were closed there: false is returned and the report
    // says so. True when the array was read to its ']'.
    bool readEvents(bool arrayForm);

private:
    struct EventFields;

    void readEvent();
    void readArgs(EventFields& event);
    void store(const EventFields& event);
    void storeMetadata(const EventFields& event);
    void storeCounters(const EventFields& event, RawEvent& raw);
    std::int32_t internThread(std::int64_t pid, std::int64_t tid);
    std::int32_t internThread(const EventFields& event);
    void countPhase(std::string_view phase);
    void skip(SkipReason reason, ParseError&& problem, std::int64_t count = 1);
    void deferConlabProblem(RawEvent& raw, ParseError&& problem);

    struct ThreadKeyHash
    {
        std::size_t operator()(const std::pair<std::int64_t, std::int64_t>& key) const;
    };

    JsonReader& m_reader;
    RawTrace& m_raw;
    const RunFileLimits& m_limits;
    std::unordered_map<std::pair<std::int64_t, std::int64_t>, std::int32_t, ThreadKeyHash> m_threadIds; // (pid, tid)
    std::int32_t m_lastThread = -1; // consecutive events are usually on one thread: skip both lookups
    struct NumericArg
    {
        std::string key;
        JsonNumber number; // as written, when it was a number
        std::optional<double> fromString; // when it was a string holding a number
    };
    std::vector<NumericArg> m_numericArgs; // reused by every event
    std::string m_lastPhase; // most events share a phase with the one before: one map lookup per change
    std::int64_t* m_lastPhaseCount = nullptr;
};

} // namespace conlab
