#include "core/sampling/procstatparser.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <string_view>

namespace conlab {

namespace {

// Field order of a cpuN line, see proc(5).
enum Field
{
    User,
    Nice,
    System,
    Idle,
    IoWait,
    Irq,
    SoftIrq,
    Steal,
    KnownFieldCount
};

// Every kernel since 2.4 reports at least these; without idle a line cannot give a utilisation at all.
constexpr int minimumFieldCount = Idle + 1;

void setError(QString* error, QString message)
{
    if (error)
        *error = std::move(message);
}

QString quoted(std::string_view text)
{
    return QLatin1Char('"') + QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())) + QLatin1Char('"');
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

std::vector<std::string_view> splitFields(std::string_view line)
{
    std::vector<std::string_view> fields;
    std::size_t pos = 0;
    while (pos < line.size()) {
        while (pos < line.size() && isBlank(line[pos]))
            ++pos;
        const std::size_t begin = pos;
        while (pos < line.size() && !isBlank(line[pos]))
            ++pos;
        if (pos > begin)
            fields.push_back(line.substr(begin, pos - begin));
    }
    return fields;
}

template <typename T> bool parseNumber(std::string_view text, T& value)
{
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    return ec == std::errc() && ptr == end;
}

} // namespace

std::optional<ProcStatSnapshot> parseProcStat(const QByteArray& text, QString* error)
{
    static constexpr std::string_view cpuPrefix = "cpu";

    ProcStatSnapshot snapshot;
    const std::string_view all(text.constData(), static_cast<std::size_t>(text.size()));
    std::size_t lineStart = 0;
    int lineNumber = 0;
    while (lineStart < all.size()) {
        std::size_t lineEnd = all.find('\n', lineStart);
        if (lineEnd == std::string_view::npos)
            lineEnd = all.size();
        const std::string_view line = all.substr(lineStart, lineEnd - lineStart);
        lineStart = lineEnd + 1;
        ++lineNumber;

        // "cpu " (the sum over all cores) and unrelated keys that merely start with "cpu" carry no per-core data.
        if (!line.starts_with(cpuPrefix) || line.size() == cpuPrefix.size() || line[cpuPrefix.size()] < '0'
            || line[cpuPrefix.size()] > '9')
            continue;

        const std::vector<std::string_view> fields = splitFields(line);
        int index = -1;
        if (!parseNumber(fields.front().substr(cpuPrefix.size()), index)) {
            setError(error, QStringLiteral("line %1: bad cpu name %2").arg(lineNumber).arg(quoted(fields.front())));
            return std::nullopt;
        }
        const int valueCount = static_cast<int>(fields.size()) - 1;
        if (valueCount < minimumFieldCount) {
            setError(error,
                QStringLiteral("line %1: %2 has %3 fields, expected at least %4")
                    .arg(lineNumber)
                    .arg(quoted(fields.front()))
                    .arg(valueCount)
                    .arg(minimumFieldCount));
            return std::nullopt;
        }

        // Fields past steal (guest, guest_nice, and whatever future kernels append) are still validated, since a
        // garbled tail means the whole line is suspect, but not added: guest time is already counted in user/nice.
        std::array<std::uint64_t, KnownFieldCount> values {};
        for (int i = 0; i < valueCount; ++i) {
            std::uint64_t value = 0;
            const std::string_view field = fields[static_cast<std::size_t>(i) + 1];
            if (!parseNumber(field, value)) {
                setError(error,
                    QStringLiteral("line %1: field %2 of %3 is not a counter: %4")
                        .arg(lineNumber)
                        .arg(i + 1)
                        .arg(quoted(fields.front()))
                        .arg(quoted(field)));
                return std::nullopt;
            }
            if (i < KnownFieldCount)
                values[static_cast<std::size_t>(i)] = value;
        }

        CoreTimes times;
        times.busy = values[User] + values[Nice] + values[System] + values[Irq] + values[SoftIrq] + values[Steal];
        times.total = times.busy + values[Idle] + values[IoWait];
        if (!snapshot.cores.emplace(index, times).second) {
            setError(error, QStringLiteral("line %1: %2 appears twice").arg(lineNumber).arg(quoted(fields.front())));
            return std::nullopt;
        }
    }

    if (snapshot.cores.empty()) {
        setError(error, QStringLiteral("no per-core cpuN line in %1 lines").arg(lineNumber));
        return std::nullopt;
    }
    return snapshot;
}

std::vector<float> coreUtilisation(const ProcStatSnapshot& previous, const ProcStatSnapshot& current, int coreCount)
{
    constexpr float noData = std::numeric_limits<float>::quiet_NaN();
    std::vector<float> result(static_cast<std::size_t>(std::max(coreCount, 0)), noData);
    for (int core = 0; core < coreCount; ++core) {
        const auto before = previous.cores.find(core);
        const auto after = current.cores.find(core);
        if (before == previous.cores.end() || after == current.cores.end())
            continue;
        const CoreTimes& a = before->second;
        const CoreTimes& b = after->second;
        if (b.total <= a.total || b.busy < a.busy)
            continue;
        const double percent = 100.0 * static_cast<double>(b.busy - a.busy) / static_cast<double>(b.total - a.total);
        // iowait may legitimately decrease (proc(5)), which can push busy's share of the total past 100.
        result[static_cast<std::size_t>(core)] = static_cast<float>(std::clamp(percent, 0.0, 100.0));
    }
    return result;
}

} // namespace conlab
