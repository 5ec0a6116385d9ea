#include "core/import/jsonnumber.h"

#include <charconv>
#include <cmath>

namespace conlab {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

template <typename T> std::optional<T> parseFloating(std::string_view text)
{
    T value {};
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

} // namespace

std::optional<double> JsonNumber::toDouble() const
{
    return parseFloating<double>(text);
}

std::optional<float> JsonNumber::toFloat() const
{
    return parseFloating<float>(text);
}

std::optional<std::int64_t> JsonNumber::toInt64() const
{
    // pid, tid, task and core: a few digits each, a million times over.
    if (integral && text.size() < 19) {
        const char* p = text.data();
        const char* end = p + text.size();
        const bool negative = *p == '-';
        std::int64_t value = 0;
        for (p += negative; p < end; ++p)
            value = value * 10 + (*p - '0');
        return negative ? -value : value;
    }
    if (integral) {
        std::int64_t value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc() || end != text.data() + text.size())
            return std::nullopt;
        return value;
    }
    // "3.0" and "3e2" are integers too, as JavaScript writers may print them.
    const std::optional<double> value = toDouble();
    if (!value || std::trunc(*value) != *value || !(std::fabs(*value) < 9.2e18))
        return std::nullopt;
    return static_cast<std::int64_t>(*value);
}

std::optional<std::uint64_t> JsonNumber::toUInt64() const
{
    if (integral) {
        std::uint64_t value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc() || end != text.data() + text.size())
            return std::nullopt;
        return value;
    }
    const std::optional<double> value = toDouble();
    if (!value || std::trunc(*value) != *value || !(*value >= 0 && *value < 1.8e19))
        return std::nullopt;
    return static_cast<std::uint64_t>(*value);
}

std::optional<std::int64_t> JsonNumber::microsToNs(std::int64_t maxAbsNs) const
{
    if (exponent) {
        const std::optional<double> micros = toDouble();
        if (!micros || !(std::fabs(*micros * 1000.0) <= static_cast<double>(maxAbsNs)))
            return std::nullopt;
        return std::llround(*micros * 1000.0);
    }
    // Digits are taken as they are, so "1234.567" is exactly 1234567 ns however large the integer part.
    const char* p = text.data();
    const char* end = p + text.size();
    const bool negative = *p == '-';
    if (negative)
        ++p;
    const auto limit = static_cast<std::uint64_t>(maxAbsNs);
    std::uint64_t micros = 0;
    for (; p < end && isDigit(*p); ++p) {
        micros = micros * 10 + static_cast<std::uint64_t>(*p - '0');
        if (micros > limit / 1000)
            return std::nullopt;
    }
    std::uint64_t ns = micros * 1000;
    if (p < end && *p == '.') {
        ++p;
        std::uint64_t scale = 100;
        for (; p < end && scale > 0; ++p, scale /= 10)
            ns += static_cast<std::uint64_t>(*p - '0') * scale;
        if (p < end && *p >= '5')
            ++ns; // nearest nanosecond; halves away from zero
    }
    if (ns > limit)
        return std::nullopt;
    return negative ? -static_cast<std::int64_t>(ns) : static_cast<std::int64_t>(ns);
}

std::optional<JsonNumber> numberInString(std::string_view text, std::size_t offset)
{
    std::size_t i = 0;
    if (i < text.size() && text[i] == '+')
        text.remove_prefix(1); // from_chars takes no '+'
    else if (i < text.size() && text[i] == '-')
        ++i;
    std::size_t digits = 0;
    for (; i < text.size() && isDigit(text[i]); ++i)
        ++digits;
    bool integral = true;
    if (i < text.size() && text[i] == '.') {
        integral = false;
        for (++i; i < text.size() && isDigit(text[i]); ++i)
            ++digits;
    }
    if (digits == 0)
        return std::nullopt;
    bool exponent = false;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        integral = false;
        exponent = true;
        ++i;
        if (i < text.size() && (text[i] == '+' || text[i] == '-'))
            ++i;
        std::size_t exponentDigits = 0;
        for (; i < text.size() && isDigit(text[i]); ++i)
            ++exponentDigits;
        if (exponentDigits == 0)
            return std::nullopt;
    }
    if (i != text.size())
        return std::nullopt;
    return JsonNumber {text, offset, integral, exponent};
}

} // namespace conlab
