#include "core/import/importreport.h"

#include <QCoreApplication>
#include <QStringList>
#include <algorithm>
#include <limits>

namespace conlab {

namespace {

struct ReasonNames
{
    const char* key;
    const char* text;
};

constexpr std::array<ReasonNames, skipReasonCount> reasonNames {{
    {"not-an-object", QT_TRANSLATE_NOOP("conlab::ImportReport", "not an object")},
    {"no-phase", QT_TRANSLATE_NOOP("conlab::ImportReport", "without ph")},
    {"no-ts", QT_TRANSLATE_NOOP("conlab::ImportReport", "ts missing or not a number")},
    {"x-without-dur", QT_TRANSLATE_NOOP("conlab::ImportReport", "X without dur")},
    {"negative-dur", QT_TRANSLATE_NOOP("conlab::ImportReport", "negative dur")},
    {"bad-name", QT_TRANSLATE_NOOP("conlab::ImportReport", "name not a string")},
    {"bad-pid-tid", QT_TRANSLATE_NOOP("conlab::ImportReport", "pid or tid neither a number nor a string")},
    {"bad-metadata", QT_TRANSLATE_NOOP("conlab::ImportReport", "M whose args cannot be read")},
    {"bad-counter", QT_TRANSLATE_NOOP("conlab::ImportReport", "C whose args are not an object")},
    {"counter-value-not-a-number", QT_TRANSLATE_NOOP("conlab::ImportReport", "not a number")},
}};

// The texts are marked where they are written (QT_TRANSLATE_NOOP, QT_TRANSLATE_N_NOOP) for lupdate to find.
QString translate(const char* text, int n = -1)
{
    return QCoreApplication::translate("conlab::ImportReport", text, nullptr, n);
}

// The English singular and plural are both in the source, so that the command line, which loads no translation,
// says "1 event" and "2 events"; Russian gives each its three forms.
QString translate(const char* one, const char* many, int n)
{
    return n == 1 ? translate(one, n) : translate(many, n);
}

// The texts, one a line for lupdate (which reads one marked string per statement).
constexpr const char* valueLeftOut
    = QT_TRANSLATE_N_NOOP("conlab::ImportReport", "%n counter value left out: %1 (first at line %2)");
constexpr const char* valuesLeftOut
    = QT_TRANSLATE_N_NOOP("conlab::ImportReport", "%n counter values left out: %1 (first at line %2)");
constexpr const char* eventSkipped
    = QT_TRANSLATE_N_NOOP("conlab::ImportReport", "%n event skipped: %1 (first at line %2)");
constexpr const char* eventsSkipped
    = QT_TRANSLATE_N_NOOP("conlab::ImportReport", "%n events skipped: %1 (first at line %2)");
constexpr const char* eventOfPhase
    = QT_TRANSLATE_N_NOOP("conlab::ImportReport", "The file holds %n event, of phase %1, which conlab does not draw.");
constexpr const char* eventsOfPhase
    = QT_TRANSLATE_N_NOOP("conlab::ImportReport", "The file holds %n events, of phase %1, which conlab does not draw.");
constexpr const char* eventsOfPhases = QT_TRANSLATE_N_NOOP(
    "conlab::ImportReport", "The file holds %n events, of phases %1, which conlab does not draw.");
constexpr const char* eventNotDrawn = QT_TRANSLATE_N_NOOP(
    "conlab::ImportReport", "The file holds %n event, but it could not be drawn: see the skipped events.");
constexpr const char* eventsNotDrawn = QT_TRANSLATE_N_NOOP(
    "conlab::ImportReport", "The file holds %n events, but none of them could be drawn: see the skipped events.");
constexpr const char* endedEarly = QT_TRANSLATE_NOOP(
    "conlab::ImportReport", "The file ended early, at line %1: the events read up to there are shown.");
constexpr const char* noEvents = QT_TRANSLATE_NOOP("conlab::ImportReport", "The file holds no events.");

} // namespace

std::int64_t ImportReport::skippedCount() const
{
    std::int64_t total = 0;
    for (std::size_t i = 0; i < skipped.size(); ++i) {
        if (static_cast<SkipReason>(i) != SkipReason::CounterValue)
            total += skipped[i].count;
    }
    return total;
}

QString skipReasonKey(SkipReason reason)
{
    return QLatin1String(reasonNames[static_cast<std::size_t>(reason)].key);
}

QString skipReasonText(SkipReason reason)
{
    return translate(reasonNames[static_cast<std::size_t>(reason)].text);
}

QStringList skippedLines(const ImportReport& report)
{
    QStringList lines;
    for (std::size_t i = 0; i < report.skipped.size(); ++i) {
        const SkippedEvents& skipped = report.skipped[i];
        if (skipped.count == 0)
            continue;
        const auto reason = static_cast<SkipReason>(i);
        const int count = static_cast<int>(std::min<std::int64_t>(skipped.count, std::numeric_limits<int>::max()));
        // A counter value is left out of its event, not the event itself.
        const QString line = reason == SkipReason::CounterValue ? translate(valueLeftOut, valuesLeftOut, count)
                                                                : translate(eventSkipped, eventsSkipped, count);
        lines << line.arg(skipReasonText(reason)).arg(skipped.firstLine);
    }
    return lines;
}

QString endedEarlyText(const ImportReport& report)
{
    if (!report.endedEarly)
        return {};
    return translate(endedEarly).arg(report.endedAtLine);
}

bool isDrawnPhase(char phase)
{
    return phase == 'X' || phase == 'B' || phase == 'E' || phase == 'C';
}

QString emptyTraceText(const ImportReport& report)
{
    const int events = static_cast<int>(std::min<std::int64_t>(report.events, std::numeric_limits<int>::max()));
    if (events == 0)
        return translate(noEvents);
    QStringList phases;
    std::int64_t undrawn = 0;
    for (const auto& [phase, count] : report.eventsByPhase) {
        if (phase.empty() || !isDrawnPhase(phase.front())) {
            phases << QString::fromStdString(phase);
            undrawn += count;
        }
    }
    if (undrawn == report.events && phases.size() == 1)
        return translate(eventOfPhase, eventsOfPhase, events).arg(phases.front());
    if (undrawn == report.events)
        return translate(eventsOfPhases, events).arg(phases.join(QStringLiteral(", ")));
    return translate(eventNotDrawn, eventsNotDrawn, events);
}

} // namespace conlab
