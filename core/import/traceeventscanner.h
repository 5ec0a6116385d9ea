#pragma once

#include "core/import/jsonreader.h"
#include "core/import/rawtrace.h"
#include "core/import/runfilelimits.h"

#include <unordered_map>
#include <utility>
#include <vector>

namespace conlab {

// Reads a traceEvents array into a RawTrace, checking on the way every field the importer will need: a wrong type,
// a negative duration or a missing required field is an error at its line and column. Phases the importer does not
// use are skipped (their JSON must still be valid).
class TraceEventScanner
{
public:
    TraceEventScanner(JsonReader& reader, RawTrace& raw, const RunFileLimits& limits);

    // From the array's '['. arrayForm: the array is the whole file, and may lack its closing ']'.
    void readEvents(bool arrayForm);

private:
    struct EventFields;

    void readEvent();
    void readArgs(EventFields& event);
    void store(const EventFields& event);
    void storeMetadata(const EventFields& event);
    void storeCounters(const EventFields& event, RawEvent& raw);
    std::int32_t internThread(std::int64_t pid, std::int64_t tid);
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
    std::vector<std::pair<std::string, JsonNumber>> m_numericArgs; // reused by every event
};

} // namespace conlab
