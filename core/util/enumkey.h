#pragma once

#include <QString>
#include <QStringList>
#include <array>
#include <cstddef>
#include <optional>

namespace conlab {

// The reverse of an enum's key function: the value among `all` whose key is `key`. Shared by every enum that is
// written to files and command lines by a stable name.
template <typename Enum, std::size_t N, typename KeyOf>
std::optional<Enum> enumFromKey(const std::array<Enum, N>& all, KeyOf keyOf, const QString& key)
{
    for (Enum value : all) {
        if (keyOf(value) == key)
            return value;
    }
    return std::nullopt;
}

// Every key, in the order of `all`: the choices an error message or --help lists.
template <typename Enum, std::size_t N, typename KeyOf>
QStringList enumKeys(const std::array<Enum, N>& all, KeyOf keyOf)
{
    QStringList keys;
    for (Enum value : all)
        keys << keyOf(value);
    return keys;
}

} // namespace conlab
