#include "core/import/stringtable.h"

namespace conlab {

namespace {

std::size_t recentSlot(std::string_view text)
{
    if (text.empty())
        return 0;
    const auto first = static_cast<unsigned char>(text.front());
    const auto last = static_cast<unsigned char>(text.back());
    return (text.size() * 31 + first * 7 + last) & 255;
}

} // namespace

std::int32_t StringTable::intern(std::string_view text)
{
    std::int32_t& recent = m_recent[recentSlot(text)];
    if (recent >= 0 && view(recent) == text)
        return recent;
    if (const auto it = m_ids.find(text); it != m_ids.end())
        return recent = it->second;
    const auto id = static_cast<std::int32_t>(m_strings.size());
    m_ids.emplace(m_strings.emplace_back(text), id);
    return recent = id;
}

std::int32_t StringTable::find(std::string_view text) const
{
    const auto it = m_ids.find(text);
    return it == m_ids.end() ? -1 : it->second;
}

QString StringTable::string(std::int32_t id) const
{
    const std::string_view text = view(id);
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace conlab
