#pragma once

#include <QString>
#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace conlab {

// Each distinct string of a file stored once and named by a small integer: a million events share a handful of
// names, categories and states.
class StringTable
{
public:
    StringTable() { m_recent.fill(-1); }

    std::int32_t intern(std::string_view text);
    std::int32_t find(std::string_view text) const; // -1 when absent
    std::string_view view(std::int32_t id) const { return m_strings[static_cast<std::size_t>(id)]; }
    QString string(std::int32_t id) const;
    std::size_t size() const { return m_strings.size(); }

private:
    std::deque<std::string> m_strings; // a deque never moves its elements, so the map's views stay valid
    std::unordered_map<std::string_view, std::int32_t> m_ids;
    // The few names that make up most of a file, found by a cheap hash and one comparison, before the map.
    std::array<std::int32_t, 256> m_recent;
};

} // namespace conlab
