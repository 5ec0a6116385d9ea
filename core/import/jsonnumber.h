#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace conlab {

// A number exactly as written (RFC 8259 grammar), converted on demand.
struct JsonNumber
{
    std::string_view text;
    std::size_t offset = 0;
    bool integral = false; // no fraction and no exponent
    bool exponent = false;

    std::optional<double> toDouble() const; // nullopt: beyond double's range
    std::optional<float> toFloat() const;
    std::optional<std::int64_t> toInt64() const; // nullopt: not an integer, or out of range
    std::optional<std::uint64_t> toUInt64() const;
    // Microseconds (Chrome trace's unit) to whole nanoseconds: exact for up to three decimals, rounded to the
    // nearest nanosecond beyond. nullopt when the magnitude exceeds maxAbsNs.
    std::optional<std::int64_t> microsToNs(std::int64_t maxAbsNs) const;
    // The text for a message: as written, or its start when it is long.
    std::string_view quoted() const { return text.size() <= 40 ? text : text.substr(0, 40); }
};

// A number written inside a JSON string, as traces write counter values, ts, dur, pid and tid ("25.7"). Read as
// Perfetto reads them: a sign ('+' too), digits with leading zeros allowed, a decimal point with digits on either
// side or only one ("246.", ".75"), and an exponent with digits. nullopt for anything else ("1.5e", ".", "-"). The
// result views text.
std::optional<JsonNumber> numberInString(std::string_view text, std::size_t offset);

} // namespace conlab
