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
    StringField ph;
    StringField name;
    StringField cat;
    IntField pid;
    IntField tid;
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
    Field nonNumericArg;
    std::string nonNumericKey;
    std::size_t numericArgs = 0; // in m_numericArgs
};

TraceEventScanner::TraceEventScanner(JsonReader& reader, RawTrace& raw, const RunFileLimits& limits)
    : m_reader(reader)
    , m_raw(raw)
    , m_limits(limits)
{
}

void TraceEventScanner::readEvents(bool arrayForm)
{
    // conlab writes about 150 bytes an event; growing a vector of a million by doubling would copy it all twice.
    m_raw.events.reserve(std::min<std::size_t>(static_cast<std::size_t>(std::max<std::int64_t>(m_limits.maxEvents, 0)),
        (m_reader.size() - m_reader.offset()) / 160));
    m_reader.beginArray();
    std::int64_t count = 0;
    while (m_reader.nextElement(arrayForm)) {
        if (++count > m_limits.maxEvents)
            m_reader.failHere(QStringLiteral("the trace holds more than %1 events, the most a file may have")
                                  .arg(m_limits.maxEvents));
        readEvent();
    }
}

void TraceEventScanner::readEvent()
{
    if (m_reader.peek() != JsonReader::Kind::Object)
        m_reader.failHere(
            QStringLiteral("each trace event must be an object, found %1").arg(JsonReader::kindName(m_reader.peek())));
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
    const auto readNumber = [&](IntField& field, bool micros) {
        if (start(field) != JsonReader::Kind::Number) {
            field.status = Status::WrongType;
            m_reader.skipValue();
            return;
        }
        const JsonNumber number = m_reader.readNumber();
        field.text = number.quoted();
        const std::optional<std::int64_t> value = micros ? number.microsToNs(maxAbsNs) : number.toInt64();
        field.status = value ? Status::Ok : Status::Invalid;
        field.value = value.value_or(0);
    };

    m_reader.beginObject();
    std::string_view key;
    while (m_reader.nextMember(key)) {
        if (key == "ph") {
            const std::string_view phase = readString(event.ph, false);
            event.phase = phase.size() == 1 ? phase[0] : '?';
        } else if (key == "name") {
            readString(event.name, true);
        } else if (key == "cat") {
            readString(event.cat, true);
        } else if (key == "pid") {
            readNumber(event.pid, false);
        } else if (key == "tid") {
            readNumber(event.tid, false);
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
    store(event);
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
            auto& [name, number] = m_numericArgs[event.numericArgs++];
            name.assign(key);
            number = m_reader.readNumber();
            if (integer)
                setInteger(*integer, number);
            continue;
        }
        if (event.nonNumericArg.status == Status::Missing) {
            event.nonNumericArg = Field {Status::WrongType, offset, kind, {}};
            event.nonNumericKey.assign(key);
        }
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

// The event's own required and typed fields: failing here is an error whatever kind of file this is.
class Checker
{
public:
    Checker(JsonReader& reader, std::size_t eventOffset, char phase)
        : m_reader(reader)
        , m_eventOffset(eventOffset)
        , m_phase(phase)
    {
    }

    void require(const Field& field, std::string_view key, const QString& expected) const
    {
        if (field.status == Status::Missing)
            m_reader.fail(m_eventOffset,
                QStringLiteral("the \"%1\" event that starts here has no %2")
                    .arg(QString(QLatin1Char(m_phase)), quoted(key)));
        check(field, key, expected);
    }

    // Optional, but when present it must be right.
    void check(const Field& field, std::string_view key, const QString& expected) const
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

    void requireTime(const IntField& field, std::string_view key) const { require(field, key, microseconds()); }

private:
    JsonReader& m_reader;
    std::size_t m_eventOffset;
    char m_phase;
};

} // namespace

void TraceEventScanner::store(const EventFields& event)
{
    if (event.ph.status != Status::Ok) {
        if (event.ph.status == Status::Missing)
            m_reader.fail(event.offset, QStringLiteral("the event that starts here has no \"ph\" (its phase)"));
        m_reader.fail(event.ph.offset,
            QStringLiteral("\"ph\" must be a string, found %1").arg(JsonReader::kindName(event.ph.found)));
    }
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
            checker.requireTime(event.ts, "ts");
            checker.require(event.lane, "args.lane", QStringLiteral("a lane number"));
            if (event.lane.value < 0 || event.lane.value > std::numeric_limits<std::uint16_t>::max())
                m_reader.fail(event.lane.offset, QStringLiteral("\"args.lane\" must be a lane number from 0 to 65535"));
        } catch (ParseError& error) {
            deferConlabProblem(raw, std::move(error));
        }
        raw.ts = event.ts.value;
        raw.laneArg = static_cast<std::int32_t>(event.lane.value);
        m_raw.events.push_back(raw);
        return;
    }

    if (phase != 'E')
        checker.require(event.name, "name", QStringLiteral("a string"));
    checker.requireTime(event.ts, "ts");
    raw.ts = event.ts.value;
    if (phase == 'C') {
        checker.check(event.args, "args", QStringLiteral("an object of counter values"));
        storeCounters(event, raw);
        m_raw.events.push_back(raw);
        return;
    }

    checker.check(event.pid, "pid", integer);
    checker.check(event.tid, "tid", integer);
    if (phase == 'X') {
        checker.requireTime(event.dur, "dur");
        if (event.dur.value < 0)
            m_reader.fail(event.dur.offset,
                QStringLiteral("\"dur\" is negative (%1): a slice cannot end before it begins")
                    .arg(QString::fromUtf8(event.dur.text.data(), static_cast<qsizetype>(event.dur.text.size()))));
        raw.dur = event.dur.value;
    }
    raw.thread = internThread(event.pid.value, event.tid.value);

    // conlab's exact fields: checked only on events conlab writes, and only an error if the record says the file
    // is conlab's.
    if (event.pid.value != segmentEventPid || event.cat.status != Status::Ok
        || m_raw.strings.view(event.cat.id) != segmentEventCategory) {
        m_raw.events.push_back(raw);
        return;
    }
    try {
        const auto narrow = [&](const IntField& field, std::string_view key, std::int64_t low, std::int64_t high) {
            checker.check(field, key, integer);
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

void TraceEventScanner::storeCounters(const EventFields& event, RawEvent& raw)
{
    if (event.nonNumericArg.status != Status::Missing)
        m_reader.fail(event.nonNumericArg.offset,
            QStringLiteral("counter values must be numbers, but \"args.%1\" is %2")
                .arg(QString::fromStdString(event.nonNumericKey), JsonReader::kindName(event.nonNumericArg.found)));
    raw.counterBegin = static_cast<std::int32_t>(m_raw.counterValues.size());
    raw.counterCount = static_cast<std::int32_t>(event.numericArgs);
    for (std::size_t i = 0; i < event.numericArgs; ++i) {
        const auto& [key, number] = m_numericArgs[i];
        const std::optional<double> value = number.toDouble();
        if (!value)
            m_reader.fail(number.offset,
                QStringLiteral("counter value \"args.%1\" is out of range").arg(QString::fromStdString(key)));
        m_raw.counterValues.push_back({m_raw.strings.intern(key), *value});
    }
}

void TraceEventScanner::storeMetadata(const EventFields& event)
{
    const Checker checker(m_reader, event.offset, 'M');
    checker.require(event.name, "name", QStringLiteral("a string"));
    checker.check(event.pid, "pid", QStringLiteral("an integer"));
    checker.check(event.tid, "tid", QStringLiteral("an integer"));
    const std::string_view name = m_raw.strings.view(event.name.id);
    const bool process = name == "process_name" || name == "process_sort_index";
    const bool thread = name == "thread_name" || name == "thread_sort_index";
    if (!process && !thread)
        return;
    const bool isName = name.ends_with("_name");
    checker.check(event.args, "args", QStringLiteral("an object"));
    if (isName)
        checker.require(event.argName, "args.name", QStringLiteral("a string"));
    else
        checker.require(event.sortIndex, "args.sort_index", QStringLiteral("an integer"));

    if (process) {
        RawProcess& target = m_raw.processes[event.pid.value];
        if (isName)
            target.name = event.argName.id;
        else
            target.sortIndex = event.sortIndex.value;
    } else {
        RawThread& target = m_raw.threads[static_cast<std::size_t>(internThread(event.pid.value, event.tid.value))];
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
