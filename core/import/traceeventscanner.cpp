#include "core/import/traceeventscanner.h"

#include "core/export/chrometraceexport.h"
#include "core/trace/tracekeys.h"

#include <algorithm>
#include <limits>

namespace conlab {

namespace {

enum class Status : std::uint8_t
{
    Missing,
    Ok,
    WrongType,
    Invalid, // the right type, but no usable value (out of range, negative, not an integer)
};

struct Field
{
    Status status = Status::Missing;
    std::size_t offset = 0; // of the value
    JsonReader::Kind found = JsonReader::Kind::Null;
    std::string_view text; // numbers: as written (its start, if long), for messages
};

struct IntField : Field
{
    std::int64_t value = 0;
};

struct StringField : Field
{
    std::int32_t id = -1;
};

// A pid or tid: a number, or a name written in its place ("pid": "browser"), which Perfetto takes as the process's
// or thread's name.
struct IdField : IntField
{
    std::int32_t name = -1;
};

// An event that cannot be used: it is skipped and counted under its reason.
struct Skip
{
    SkipReason reason;
    ParseError problem;
};

// Ids for processes and threads known only by a name: far from any real pid or tid, one per distinct name.
constexpr std::int64_t namedIdBase = std::int64_t(1) << 62;

QString quoted(std::string_view key)
{
    return QLatin1Char('"') + QString::fromUtf8(key.data(), static_cast<qsizetype>(key.size())) + QLatin1Char('"');
}

// Built once: it is passed for every event, and needed only when one is wrong.
const QString& microseconds()
{
    static const QString text = QStringLiteral("a number (microseconds, at most %1 from zero)").arg(maxAbsNs / 1000);
    return text;
}

} // namespace

struct TraceEventScanner::EventFields
{
    std::size_t offset = 0;
    char phase = 0;
    std::string phaseText; // its start, for the counts by phase
    StringField ph;
    StringField name;
    StringField cat;
    IdField pid;
    IdField tid;
    IntField ts;
    IntField dur;
    Field args;
    StringField state; // args.state
    StringField argName; // args.name (metadata)
    IntField task;
    IntField core;
    IntField stateValue;
    IntField lane;
    IntField sortIndex;
    Field nonNumericArg; // the first
    std::string nonNumericKey;
    std::int64_t nonNumericArgs = 0;
    std::size_t numericArgs = 0; // in m_numericArgs
};

TraceEventScanner::TraceEventScanner(JsonReader& reader, RawTrace& raw, const RunFileLimits& limits)
    : m_reader(reader)
    , m_raw(raw)
    , m_limits(limits)
{
}

bool TraceEventScanner::readEvents(bool arrayForm)
{
    // conlab writes about 150 bytes an event; growing a vector of a million by doubling would copy it all twice.
    m_raw.events.reserve(std::min<std::size_t>(static_cast<std::size_t>(std::max<std::int64_t>(m_limits.maxEvents, 0)),
        (m_reader.size() - m_reader.offset()) / 160));
    m_reader.beginArray();
    std::int64_t& count = m_raw.report.events;
    try {
        while (m_reader.nextElement(arrayForm)) {
            if (count + 1 > m_limits.maxEvents)
                m_reader.failHere(QStringLiteral("the trace holds more than %1 events, the most a file may have")
                                      .arg(m_limits.maxEvents));
            readEvent();
            ++count;
        }
    } catch (const ParseError& problem) {
        // A trace whose writer was stopped mid-way (a crash, a full disk): what came before is still a trace, as
        // Perfetto shows it. An event is stored only once it is complete, so a cut one leaves nothing behind.
        if (!problem.truncated || count == 0)
            throw;
        m_raw.report.endedEarly = true;
        m_raw.report.endedAtOffset = m_reader.size();
        return false;
    }
    return true;
}

void TraceEventScanner::readEvent()
{
    if (m_reader.peek() != JsonReader::Kind::Object) {
        ParseError problem {m_reader.offset(),
            QStringLiteral("each trace event must be an object, found %1").arg(JsonReader::kindName(m_reader.peek()))};
        m_reader.skipValue();
        return skip(SkipReason::NotAnObject, std::move(problem));
    }
    EventFields event;
    event.offset = m_reader.offset();

    const auto start = [this](Field& field) {
        field.offset = m_reader.offset();
        field.found = m_reader.peek();
        return field.found;
    };
    const auto readString = [&](StringField& field, bool intern) -> std::string_view {
        if (start(field) != JsonReader::Kind::String) {
            field.status = Status::WrongType;
            m_reader.skipValue();
            return {};
        }
        field.status = Status::Ok;
        const std::string_view text = m_reader.readString();
        if (intern)
            field.id = m_raw.strings.intern(text);
        return text;
    };
    const auto convert = [](IntField& field, const JsonNumber& number, bool micros) {
        const std::optional<std::int64_t> value = micros ? number.microsToNs(maxAbsNs) : number.toInt64();
        field.status = value ? Status::Ok : Status::Invalid;
        field.value = value.value_or(0);
    };
    // Numbers written as strings are read as Perfetto reads them; what the string held is not kept for messages
    // (it may live in the reader's scratch space), so one that is no usable number is "found a string".
    const auto readNumber = [&](IntField& field, bool micros) -> std::string_view {
        const JsonReader::Kind kind = start(field);
        if (kind == JsonReader::Kind::String) {
            const std::string_view text = m_reader.readString();
            const std::optional<JsonNumber> number = numberInString(text, field.offset + 1);
            if (number)
                convert(field, *number, micros);
            if (!number || field.status != Status::Ok)
                field.status = Status::WrongType;
            return number ? std::string_view() : text;
        }
        if (kind != JsonReader::Kind::Number) {
            field.status = Status::WrongType;
            m_reader.skipValue();
            return {};
        }
        const JsonNumber number = m_reader.readNumber();
        field.text = number.quoted();
        convert(field, number, micros);
        return {};
    };
    const auto readId = [&](IdField& field) {
        const std::string_view name = readNumber(field, false);
        if (!name.empty()) {
            field.status = Status::Ok;
            field.name = m_raw.strings.intern(name);
            field.value = namedIdBase + field.name;
        }
    };

    m_reader.beginObject();
    std::string_view key;
    while (m_reader.nextMember(key)) {
        if (key == "ph") {
            // Perfetto goes by the first letter alone: "XXX" is a complete event.
            const std::string_view phase = readString(event.ph, false);
            event.phase = phase.empty() ? '\0' : phase[0];
            event.phaseText.assign(phase.substr(0, 16));
        } else if (key == "name") {
            readString(event.name, true);
        } else if (key == "cat") {
            readString(event.cat, true);
        } else if (key == "pid") {
            readId(event.pid);
        } else if (key == "tid") {
            readId(event.tid);
        } else if (key == "ts") {
            readNumber(event.ts, true);
        } else if (key == "dur") {
            readNumber(event.dur, true);
        } else if (key == "args") {
            if (start(event.args) == JsonReader::Kind::Object) {
                event.args.status = Status::Ok;
                readArgs(event);
            } else {
                event.args.status = Status::WrongType;
                m_reader.skipValue();
            }
        } else {
            m_reader.skipValue();
        }
    }
    if (!event.phaseText.empty())
        countPhase(event.phaseText);
    try {
        store(event);
    } catch (Skip& skipped) {
        skip(skipped.reason, std::move(skipped.problem));
    }
}

void TraceEventScanner::readArgs(EventFields& event)
{
    const auto setInteger = [](IntField& field, const JsonNumber& number) {
        const std::optional<std::int64_t> value = number.toInt64();
        field.offset = number.offset;
        field.found = JsonReader::Kind::Number;
        field.text = number.quoted();
        field.status = value ? Status::Ok : Status::Invalid;
        field.value = value.value_or(0);
    };
    const auto integerArg = [&event](std::string_view key) -> IntField* {
        if (key == "task")
            return &event.task;
        if (key == "core")
            return &event.core;
        if (key == "state_value")
            return &event.stateValue;
        if (key == "lane")
            return &event.lane;
        if (key == "sort_index")
            return &event.sortIndex;
        return nullptr;
    };

    m_reader.beginObject();
    std::string_view key;
    while (m_reader.nextMember(key)) {
        const std::size_t offset = m_reader.offset();
        const JsonReader::Kind kind = m_reader.peek();
        IntField* integer = integerArg(key);
        StringField* string = key == "state" ? &event.state : key == "name" ? &event.argName : nullptr;
        if (string) {
            *string = StringField {};
            string->offset = offset;
            string->found = kind;
            string->status = kind == JsonReader::Kind::String ? Status::Ok : Status::WrongType;
        }
        if (kind == JsonReader::Kind::Number) {
            // Every number may be a counter value; only a C event will use them.
            if (m_numericArgs.size() <= event.numericArgs)
                m_numericArgs.resize(event.numericArgs + 1);
            NumericArg& arg = m_numericArgs[event.numericArgs++];
            arg.key.assign(key);
            arg.number = m_reader.readNumber();
            arg.fromString.reset();
            if (integer)
                setInteger(*integer, arg.number);
            continue;
        }
        if (kind == JsonReader::Kind::String && !string && !integer) {
            // "25.7": a counter value as Perfetto reads one. Converted at once: the string may be decoded into the
            // reader's scratch space, which the next string reuses.
            const std::string_view text = m_reader.readString();
            const std::optional<JsonNumber> number = numberInString(text, offset + 1);
            const std::optional<double> value = number ? number->toDouble() : std::nullopt;
            if (value) {
                if (m_numericArgs.size() <= event.numericArgs)
                    m_numericArgs.resize(event.numericArgs + 1);
                NumericArg& arg = m_numericArgs[event.numericArgs++];
                arg.key.assign(key);
                arg.number = JsonNumber {{}, offset, false, false};
                arg.fromString = value;
            } else {
                if (event.nonNumericArg.status == Status::Missing) {
                    event.nonNumericArg = Field {Status::WrongType, offset, kind, {}};
                    event.nonNumericKey.assign(key);
                }
                ++event.nonNumericArgs;
            }
            continue;
        }
        if (event.nonNumericArg.status == Status::Missing) {
            event.nonNumericArg = Field {Status::WrongType, offset, kind, {}};
            event.nonNumericKey.assign(key);
        }
        ++event.nonNumericArgs;
        if (integer) {
            *integer = IntField {};
            integer->status = Status::WrongType;
            integer->offset = offset;
            integer->found = kind;
        }
        if (string && kind == JsonReader::Kind::String)
            string->id = m_raw.strings.intern(m_reader.readString());
        else
            m_reader.skipValue();
    }
}

namespace {

// The event's own required and typed fields. Failing here skips the event under the reason given, whatever kind of
// file this is; the exact variants throw ParseError itself, for conlab's own fields (deferred, see below).
class Checker
{
public:
    Checker(JsonReader& reader, std::size_t eventOffset, char phase)
        : m_reader(reader)
        , m_eventOffset(eventOffset)
        , m_phase(phase)
    {
    }

    void require(SkipReason reason, const Field& field, std::string_view key, const QString& expected) const
    {
        if (field.status == Status::Missing)
            throw Skip {reason,
                ParseError {m_eventOffset,
                    QStringLiteral("the \"%1\" event that starts here has no %2")
                        .arg(QString(QLatin1Char(m_phase)), quoted(key))}};
        check(reason, field, key, expected);
    }

    // Optional, but when present it must be right.
    void check(SkipReason reason, const Field& field, std::string_view key, const QString& expected) const
    {
        try {
            checkExact(field, key, expected);
        } catch (ParseError& problem) {
            throw Skip {reason, std::move(problem)};
        }
    }

    void checkExact(const Field& field, std::string_view key, const QString& expected) const
    {
        if (field.status == Status::WrongType)
            m_reader.fail(field.offset,
                QStringLiteral("%1 must be %2, found %3")
                    .arg(quoted(key), expected, JsonReader::kindName(field.found)));
        if (field.status == Status::Invalid)
            m_reader.fail(field.offset,
                QStringLiteral("%1 must be %2, not %3")
                    .arg(quoted(key), expected,
                        QString::fromUtf8(field.text.data(), static_cast<qsizetype>(field.text.size()))));
    }

    void requireTime(SkipReason reason, const IntField& field, std::string_view key) const
    {
        require(reason, field, key, microseconds());
    }

private:
    JsonReader& m_reader;
    std::size_t m_eventOffset;
    char m_phase;
};

} // namespace

void TraceEventScanner::store(const EventFields& event)
{
    if (event.ph.status != Status::Ok)
        throw Skip {SkipReason::NoPhase,
            event.ph.status == Status::Missing
                ? ParseError {event.offset, QStringLiteral("the event that starts here has no \"ph\" (its phase)")}
                : ParseError {event.ph.offset,
                    QStringLiteral("\"ph\" must be a string, found %1").arg(JsonReader::kindName(event.ph.found))}};
    if (event.phase == '\0')
        throw Skip {SkipReason::NoPhase, ParseError {event.ph.offset, QStringLiteral("\"ph\" is empty")}};
    const char phase = event.phase;
    const bool slice = phase == 'X' || phase == 'B' || phase == 'E';
    const bool instant = phase == 'i' || phase == 'I';
    if (phase == 'M')
        return storeMetadata(event);
    if (!slice && !instant && phase != 'C')
        return; // async, flow, object and sample events: not something a timeline of lanes shows

    const Checker checker(m_reader, event.offset, phase);
    const QString integer = QStringLiteral("an integer");
    RawEvent raw;
    raw.offset = event.offset;
    raw.phase = phase;
    raw.name = event.name.id;
    raw.cat = event.cat.id;
    raw.stateArg = event.state.id;

    if (instant) {
        // Only conlab's own instants mean anything here; whether this is conlab's file is not known yet.
        if (event.name.status != Status::Ok || !instantKindFromKey(m_raw.strings.string(event.name.id)))
            return;
        try {
            checker.requireTime(SkipReason::NoTime, event.ts, "ts");
            checker.checkExact(event.lane, "args.lane", QStringLiteral("a lane number"));
            if (event.lane.status == Status::Missing)
                m_reader.fail(event.offset,
                    QStringLiteral("the \"%1\" event that starts here has no \"args.lane\"")
                        .arg(QString(QLatin1Char(phase))));
            if (event.lane.value < 0 || event.lane.value > std::numeric_limits<std::uint16_t>::max())
                m_reader.fail(event.lane.offset, QStringLiteral("\"args.lane\" must be a lane number from 0 to 65535"));
        } catch (Skip& skipped) {
            deferConlabProblem(raw, std::move(skipped.problem));
        } catch (ParseError& error) {
            deferConlabProblem(raw, std::move(error));
        }
        raw.ts = event.ts.value;
        raw.laneArg = static_cast<std::int32_t>(event.lane.value);
        m_raw.events.push_back(raw);
        return;
    }

    // A slice or counter without a name is drawn without one, as Perfetto draws it.
    checker.check(SkipReason::BadName, event.name, "name", QStringLiteral("a string"));
    if (phase != 'E' && raw.name < 0)
        raw.name = m_raw.strings.intern({});
    checker.requireTime(SkipReason::NoTime, event.ts, "ts");
    raw.ts = event.ts.value;
    if (phase == 'C') {
        checker.check(SkipReason::BadCounter, event.args, "args", QStringLiteral("an object of counter values"));
        storeCounters(event, raw);
        m_raw.events.push_back(raw);
        return;
    }

    const QString id = QStringLiteral("an integer or a name");
    checker.check(SkipReason::BadThread, event.pid, "pid", id);
    checker.check(SkipReason::BadThread, event.tid, "tid", id);
    if (phase == 'X') {
        checker.requireTime(SkipReason::NoDuration, event.dur, "dur");
        if (event.dur.value < 0)
            throw Skip {SkipReason::NegativeDuration,
                ParseError {event.dur.offset,
                    QStringLiteral("\"dur\" is negative (%1): a slice cannot end before it begins")
                        .arg(QString::fromUtf8(event.dur.text.data(), static_cast<qsizetype>(event.dur.text.size())))}};
        raw.dur = event.dur.value;
    }
    raw.thread = internThread(event);

    // conlab's exact fields: checked only on events conlab writes, and only an error if the record says the file
    // is conlab's.
    if (event.pid.status != Status::Ok || event.pid.value != segmentEventPid || event.cat.status != Status::Ok
        || m_raw.strings.view(event.cat.id) != segmentEventCategory) {
        m_raw.events.push_back(raw);
        return;
    }
    try {
        const auto narrow = [&](const IntField& field, std::string_view key, std::int64_t low, std::int64_t high) {
            checker.checkExact(field, key, integer);
            if (field.status == Status::Ok && (field.value < low || field.value > high))
                m_reader.fail(field.offset,
                    QStringLiteral("%1 must be an integer from %2 to %3").arg(quoted(key)).arg(low).arg(high));
            return field.status == Status::Ok ? field.value : -1;
        };
        raw.task = static_cast<std::int32_t>(narrow(event.task, "args.task", std::numeric_limits<std::int32_t>::min(),
            std::numeric_limits<std::int32_t>::max()));
        raw.core = static_cast<std::int8_t>(narrow(event.core, "args.core", -128, 127));
        raw.stateValue = static_cast<std::int16_t>(narrow(event.stateValue, "args.state_value", 0, 255));
    } catch (ParseError& error) {
        deferConlabProblem(raw, std::move(error));
    }
    m_raw.events.push_back(raw);
}

void TraceEventScanner::deferConlabProblem(RawEvent& raw, ParseError&& problem)
{
    raw.conlabProblem = true;
    if (!m_raw.firstConlabProblem)
        m_raw.firstConlabProblem = std::move(problem);
}

void TraceEventScanner::skip(SkipReason reason, ParseError&& problem, std::int64_t count)
{
    SkippedEvents& skipped = m_raw.report.skipped[static_cast<std::size_t>(reason)];
    skipped.count += count;
    if (skipped.count == count) {
        skipped.firstOffset = problem.offset;
        skipped.firstDetail = problem.message;
    }
    if (!m_raw.firstSkip)
        m_raw.firstSkip = std::move(problem);
}

void TraceEventScanner::countPhase(std::string_view phase)
{
    if (m_lastPhaseCount && phase == m_lastPhase) {
        ++*m_lastPhaseCount;
        return;
    }
    // A hostile file could name a million phases; past a few dozen they share one entry.
    constexpr std::size_t maxPhases = 64;
    auto& phases = m_raw.report.eventsByPhase;
    std::string key(phase);
    if (phases.size() >= maxPhases && !phases.contains(key))
        key = "...";
    m_lastPhaseCount = &phases[key];
    m_lastPhase.assign(phase);
    ++*m_lastPhaseCount;
}

void TraceEventScanner::storeCounters(const EventFields& event, RawEvent& raw)
{
    // A value that is no number is left out, the event's others kept (Perfetto drops such values silently).
    if (event.nonNumericArgs > 0)
        skip(SkipReason::CounterValue,
            ParseError {event.nonNumericArg.offset,
                QStringLiteral("counter values must be numbers, but \"args.%1\" is %2")
                    .arg(QString::fromStdString(event.nonNumericKey), JsonReader::kindName(event.nonNumericArg.found))},
            event.nonNumericArgs);
    raw.counterBegin = static_cast<std::int32_t>(m_raw.counterValues.size());
    for (std::size_t i = 0; i < event.numericArgs; ++i) {
        const NumericArg& arg = m_numericArgs[i];
        const std::optional<double> value = arg.fromString ? arg.fromString : arg.number.toDouble();
        if (!value) {
            skip(SkipReason::CounterValue,
                ParseError {arg.number.offset,
                    QStringLiteral("counter value \"args.%1\" is out of range").arg(QString::fromStdString(arg.key))});
            continue;
        }
        m_raw.counterValues.push_back({m_raw.strings.intern(arg.key), *value});
    }
    raw.counterCount = static_cast<std::int32_t>(m_raw.counterValues.size()) - raw.counterBegin;
}

void TraceEventScanner::storeMetadata(const EventFields& event)
{
    const Checker checker(m_reader, event.offset, 'M');
    checker.check(SkipReason::BadName, event.name, "name", QStringLiteral("a string"));
    if (event.name.status != Status::Ok)
        return; // nothing to do with a metadata event of no name
    const std::string_view name = m_raw.strings.view(event.name.id);
    const bool process = name == "process_name" || name == "process_sort_index";
    const bool thread = name == "thread_name" || name == "thread_sort_index";
    if (!process && !thread)
        return;
    const QString id = QStringLiteral("an integer or a name");
    checker.check(SkipReason::BadThread, event.pid, "pid", id);
    checker.check(SkipReason::BadThread, event.tid, "tid", id);
    const bool isName = name.ends_with("_name");
    checker.check(SkipReason::BadMetadata, event.args, "args", QStringLiteral("an object"));
    if (isName)
        checker.require(SkipReason::BadMetadata, event.argName, "args.name", QStringLiteral("a string"));
    else
        checker.require(SkipReason::BadMetadata, event.sortIndex, "args.sort_index", QStringLiteral("an integer"));

    if (process) {
        RawProcess& target = m_raw.processes[event.pid.value];
        if (isName)
            target.name = event.argName.id;
        else
            target.sortIndex = event.sortIndex.value;
    } else {
        RawThread& target = m_raw.threads[static_cast<std::size_t>(internThread(event))];
        if (isName)
            target.name = event.argName.id;
        else
            target.sortIndex = event.sortIndex.value;
    }
}

std::size_t TraceEventScanner::ThreadKeyHash::operator()(const std::pair<std::int64_t, std::int64_t>& key) const
{
    return std::hash<std::int64_t>()(key.first) * 0x9e3779b97f4a7c15ull ^ std::hash<std::int64_t>()(key.second);
}

std::int32_t TraceEventScanner::internThread(const EventFields& event)
{
    // Where Perfetto puts an event without them: no pid is process 0, no tid is the process's main thread (tid =
    // pid).
    const std::int64_t pid = event.pid.status == Status::Ok ? event.pid.value : 0;
    const std::int64_t tid = event.tid.status == Status::Ok ? event.tid.value : pid;
    const std::int32_t thread = internThread(pid, tid);
    // A name written in place of a number names the process or thread, unless metadata names it.
    if (event.pid.name >= 0) {
        RawProcess& process = m_raw.processes[pid];
        if (process.name < 0)
            process.name = event.pid.name;
    }
    if (event.tid.name >= 0) {
        RawThread& named = m_raw.threads[static_cast<std::size_t>(thread)];
        if (named.name < 0)
            named.name = event.tid.name;
    }
    return thread;
}

std::int32_t TraceEventScanner::internThread(std::int64_t pid, std::int64_t tid)
{
    if (m_lastThread >= 0) {
        const RawThread& last = m_raw.threads[static_cast<std::size_t>(m_lastThread)];
        if (last.pid == pid && last.tid == tid)
            return m_lastThread;
    }
    auto [it, added] = m_threadIds.try_emplace({pid, tid}, static_cast<std::int32_t>(m_raw.threads.size()));
    if (added)
        m_raw.threads.push_back(RawThread {pid, tid, -1, 0});
    m_lastThread = it->second;
    return m_lastThread;
}

} // namespace conlab
