#include "core/import/runrecordreader.h"

#include "core/export/runrecord.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <type_traits>

namespace conlab {

namespace {

// The reading side of the field walk described in export/runrecord.h. An object is read member by member in file
// order; for each member the walk runs once and the field of that name reads the value. A second walk afterwards
// finds the required fields that never came.
struct RecordContext
{
    JsonReader& reader;
    const RunFileLimits& limits;
    std::int64_t sampleValues = 0; // over the whole record
};

class RecordReader
{
public:
    RecordReader(RecordContext& context, QString path)
        : m_context(context)
        , m_reader(context.reader)
        , m_limits(context.limits)
        , m_path(std::move(path))
    {
    }

    template <typename Describe> void readObject(Describe describe)
    {
        expect(JsonReader::Kind::Object, QStringLiteral("an object"));
        m_objectOffset = m_reader.offset();
        m_reader.beginObject();
        std::string_view key;
        while (m_reader.nextMember(key)) {
            m_key.assign(key);
            m_pass = Pass::Match;
            m_matched = false;
            m_index = 0;
            describe(*this);
            if (!m_matched)
                m_reader.skipValue(); // written by a newer version; nothing here needs it
        }
        m_pass = Pass::CheckMissing;
        m_index = 0;
        describe(*this);
    }

    template <typename T> void field(std::string_view name, T& value)
    {
        if (claim(name, !runrecord::mayBeAbsent<T>))
            read(value, name);
    }

    template <typename Enum, typename KeyOf, typename FromKey>
    void keyed(std::string_view name, Enum& value, KeyOf, FromKey fromKey)
    {
        if (!claim(name, true))
            return;
        const std::size_t offset = m_reader.offset();
        QString text;
        read(text, name);
        const auto parsed = fromKey(text);
        if (!parsed)
            m_reader.fail(offset,
                QStringLiteral("%1 is \"%2\", which this version of conlab does not know").arg(pathOf(name), text));
        value = *parsed;
    }

    template <typename Describe> void group(std::string_view name, Describe describe)
    {
        if (claim(name, true))
            child(name).readObject(describe);
    }

private:
    enum class Pass
    {
        Match,
        CheckMissing,
    };

    // Match: whether `name` is the member being read. CheckMissing: fails if a required field never came.
    bool claim(std::string_view name, bool required)
    {
        const std::size_t index = m_index++;
        if (m_seen.size() <= index)
            m_seen.resize(index + 1);
        if (m_pass == Pass::CheckMissing) {
            if (required && !m_seen[index])
                m_reader.fail(m_objectOffset, QStringLiteral("%1 has no \"%2\"").arg(quotedPath(), qstring(name)));
            return false;
        }
        if (m_matched || name != m_key)
            return false;
        if (m_seen[index])
            m_reader.failHere(QStringLiteral("%1 appears twice").arg(pathOf(name)));
        m_seen[index] = true;
        m_matched = true;
        return true;
    }

    template <typename T> void read(T& value, std::string_view name)
    {
        if constexpr (runrecord::isOptional<T>) {
            read(value.emplace(), name);
        } else if constexpr (runrecord::isOptionalList<T>) {
            read(value.items, name);
        } else if constexpr (std::is_same_v<T, bool>) {
            const JsonReader::Kind kind = m_reader.peek();
            if (kind != JsonReader::Kind::True && kind != JsonReader::Kind::False)
                typeError(name, QStringLiteral("true or false"));
            value = m_reader.readBool();
        } else if constexpr (std::is_integral_v<T>) {
            value = readInteger<T>(name);
        } else if constexpr (std::is_floating_point_v<T>) {
            value = static_cast<T>(readFloating<T>(name));
        } else if constexpr (std::is_same_v<T, QString>) {
            expect(JsonReader::Kind::String, QStringLiteral("a string"), name);
            const std::string_view text = m_reader.readString();
            value = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
        } else if constexpr (std::is_same_v<T, QDateTime>) {
            const std::size_t offset = m_reader.offset();
            QString text;
            read(text, name);
            const std::optional<QDateTime> time = runrecord::dateTimeFromText(text);
            if (!time)
                m_reader.fail(offset,
                    QStringLiteral("%1 is \"%2\", which is not an ISO 8601 date and time").arg(pathOf(name), text));
            value = *time;
        } else if constexpr (std::is_same_v<T, runrecord::FormatVersion>) {
            const std::size_t offset = m_reader.offset();
            value.value = readInteger<int>(name);
            if (value.value > runrecord::formatVersion)
                m_reader.fail(offset,
                    QStringLiteral("the file was written by a newer conlab (record format %1; this version reads "
                                   "format %2)")
                        .arg(value.value)
                        .arg(runrecord::formatVersion));
            if (value.value < 1)
                m_reader.fail(offset, QStringLiteral("%1 must be 1 or more").arg(pathOf(name)));
        } else if constexpr (std::is_same_v<T, CpuSample>) {
            readSample(value, name);
        } else if constexpr (runrecord::List<T>) {
            expect(JsonReader::Kind::Array, QStringLiteral("an array"), name);
            m_reader.beginArray();
            // Lanes are few by nature (Segment::lane is 16 bits); other lists are bounded like the events.
            const std::int64_t limit = std::is_same_v<typename T::value_type, LaneInfo>
                ? std::clamp(m_limits.maxLanes, 0, 65535)
                : m_limits.maxEvents;
            std::int64_t count = 0;
            while (m_reader.nextElement()) {
                if (++count > limit)
                    m_reader.failHere(QStringLiteral("%1 has more than %2 entries").arg(pathOf(name)).arg(limit));
                const std::string element = std::string(name) + '[' + std::to_string(count - 1) + ']';
                read(value.emplace_back(), element);
            }
        } else {
            child(name).readObject([&value](auto& io) { describeFields(io, value); });
        }
    }

    template <typename T> T readInteger(std::string_view name)
    {
        expect(JsonReader::Kind::Number, QStringLiteral("an integer"), name);
        const JsonNumber number = m_reader.readNumber();
        constexpr auto low = std::numeric_limits<T>::min();
        constexpr auto high = std::numeric_limits<T>::max();
        if constexpr (std::is_signed_v<T>) {
            const std::optional<std::int64_t> value = number.toInt64();
            if (value && *value >= low && *value <= high)
                return static_cast<T>(*value);
        } else {
            const std::optional<std::uint64_t> value = number.toUInt64();
            if (value && *value <= high)
                return static_cast<T>(*value);
        }
        m_reader.fail(number.offset,
            QStringLiteral("%1 must be an integer from %2 to %3, not %4")
                .arg(pathOf(name))
                .arg(low)
                .arg(high)
                .arg(qstring(number.quoted())));
    }

    // The counterpart of appendJsonDouble(): null is NaN, "Infinity" and "-Infinity" the infinities.
    template <typename T> T readFloating(std::string_view name)
    {
        const QString expected = QStringLiteral("a number, null or \"Infinity\"");
        switch (m_reader.peek()) {
        case JsonReader::Kind::Number: {
            const JsonNumber number = m_reader.readNumber();
            const std::optional<T> value
                = std::is_same_v<T, float> ? std::optional<T>(number.toFloat()) : std::optional<T>(number.toDouble());
            if (!value)
                m_reader.fail(number.offset, QStringLiteral("%1 is out of range").arg(pathOf(name)));
            return *value;
        }
        case JsonReader::Kind::Null:
            m_reader.readNull();
            return std::numeric_limits<T>::quiet_NaN();
        case JsonReader::Kind::String: {
            const std::size_t offset = m_reader.offset();
            const std::string_view text = m_reader.readString();
            if (text == "Infinity")
                return std::numeric_limits<T>::infinity();
            if (text == "-Infinity")
                return -std::numeric_limits<T>::infinity();
            m_reader.fail(offset,
                QStringLiteral("%1 must be %2, not the string \"%3\"").arg(pathOf(name), expected, qstring(text)));
        }
        default:
            typeError(name, expected);
        }
    }

    // [time_ns, column 0, column 1, ...]
    void readSample(CpuSample& sample, std::string_view name)
    {
        expect(JsonReader::Kind::Array, QStringLiteral("an array [time_ns, value, ...]"), name);
        m_reader.beginArray();
        if (!m_reader.nextElement())
            m_reader.failHere(QStringLiteral("%1 must begin with its time in nanoseconds").arg(pathOf(name)));
        sample.timeNs = readInteger<std::int64_t>(name);
        while (m_reader.nextElement()) {
            if (++m_context.sampleValues > m_limits.maxCounterValues)
                m_reader.failHere(QStringLiteral("the CPU samples hold more than %1 values, the most a file may have")
                                      .arg(m_limits.maxCounterValues));
            if (static_cast<std::int64_t>(sample.perCore.size()) >= m_limits.maxCounters)
                m_reader.failHere(
                    QStringLiteral("%1 has more than %2 columns").arg(pathOf(name)).arg(m_limits.maxCounters));
            sample.perCore.push_back(readFloating<float>(name));
        }
    }

    void expect(JsonReader::Kind kind, const QString& expected, std::string_view name = {})
    {
        if (m_reader.peek() != kind)
            typeError(name, expected);
    }

    [[noreturn]] void typeError(std::string_view name, const QString& expected)
    {
        m_reader.failHere(
            QStringLiteral("%1 must be %2, found %3")
                .arg(name.empty() ? quotedPath() : pathOf(name), expected, JsonReader::kindName(m_reader.peek())));
    }

    RecordReader child(std::string_view name) const
    {
        return RecordReader(m_context, m_path + QLatin1Char('.') + qstring(name));
    }

    static QString qstring(std::string_view text)
    {
        return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    }
    QString quotedPath() const { return QLatin1Char('"') + m_path + QLatin1Char('"'); }
    QString pathOf(std::string_view name) const
    {
        return QLatin1Char('"') + m_path + QLatin1Char('.') + qstring(name) + QLatin1Char('"');
    }

    RecordContext& m_context;
    JsonReader& m_reader;
    const RunFileLimits& m_limits;
    QString m_path; // "conlab.summary.config", for messages
    Pass m_pass = Pass::Match;
    std::string m_key;
    bool m_matched = false;
    std::size_t m_index = 0;
    std::vector<bool> m_seen;
    std::size_t m_objectOffset = 0;
};

} // namespace

RunRecord readRunRecord(JsonReader& reader, const RunFileLimits& limits)
{
    RunRecord record;
    runrecord::FormatVersion format;
    RecordContext context {reader, limits};
    RecordReader(context, QStringLiteral("conlab")).readObject([&](auto& io) {
        describeRunRecord(io, format, record.trace, record.summary, record.baseline, record.scriptSource);
    });
    return record;
}

} // namespace conlab
