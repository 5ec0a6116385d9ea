#pragma once

#include <QString>
#include <QStringList>
#include <array>
#include <cstdint>
#include <map>
#include <string>

namespace conlab {

// Why an event of another tool's trace was left out rather than drawn. The file is still opened: one bad event
// does not make the others wrong (Perfetto, the reference reader of the format, does the same).
enum class SkipReason : std::uint8_t
{
    NotAnObject, // an entry of traceEvents that is not an object
    NoPhase, // "ph" missing, empty or not a string
    NoTime, // "ts" missing, not a number, or too large
    NoDuration, // an X event without a usable "dur"
    NegativeDuration,
    BadName, // "name" that is not a string
    BadThread, // "pid" or "tid" neither an integer nor a string
    BadMetadata, // an M event whose args cannot be read
    BadCounter, // a C event whose args are not an object
    CounterValue, // one value of a C event that is not a number (the event's other values are kept)
};
inline constexpr std::size_t skipReasonCount = 10;

// The first event left out for one reason: where it is, and what exactly was wrong with it (English, for the
// command line; the window shows the reason's translated name and the line).
struct SkippedEvents
{
    std::int64_t count = 0;
    std::uint64_t firstOffset = 0;
    std::int64_t firstLine = 0; // 1-based; filled in once the whole file is read
    std::int64_t firstColumn = 0;
    QString firstDetail;
};

// What reading another tool's trace left out, beside the trace itself. Empty for conlab's own files, which are
// read exactly or refused.
struct ImportReport
{
    std::array<SkippedEvents, skipReasonCount> skipped;
    std::int64_t events = 0; // entries of traceEvents read, skipped ones included
    std::map<std::string, std::int64_t> eventsByPhase; // by "ph" as written (at most a few dozen kinds)
    bool endedEarly = false; // the file was cut off after an event; the rest was ignored
    std::uint64_t endedAtOffset = 0;
    std::int64_t endedAtLine = 0;
    QString displayTimeUnit; // as written, if it was; times are microseconds whatever it says

    std::int64_t skippedCount() const;
};

// Stable English identifiers, for `conlab open --json`.
QString skipReasonKey(SkipReason reason);
// The reason's name for people, translated for the window when a translator is installed ("X without dur").
QString skipReasonText(SkipReason reason);
// One line per reason that has events, translated: "3 events skipped: X without dur (first at line 12)".
QStringList skippedLines(const ImportReport& report);
// "The file ended early, at line 40: the rest was ignored." or empty.
QString endedEarlyText(const ImportReport& report);
// Why a trace with no lanes and no counters shows nothing ("the file holds 1 event, of phase XXX, which conlab
// does not draw"); for a file that yields something, empty.
QString emptyTraceText(const ImportReport& report);
// Phases that become lanes or counters (by their first letter, as Perfetto reads them).
bool isDrawnPhase(char phase);

} // namespace conlab
