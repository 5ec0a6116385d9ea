#include "core/python/pyunicode.h"

#include "core/python/processmemory.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

namespace conlab::python {
namespace {

constexpr std::uint32_t kindShift = 2;
constexpr std::uint32_t kindMask = 7;
constexpr std::uint32_t compactBit = 1u << 5;
constexpr std::uint32_t asciiBit = 1u << 6;

bool sane(char32_t c)
{
    return c >= 0x20 && c != 0x7f && c <= 0x10ffff && (c < 0xd800 || c > 0xdfff);
}

} // namespace

std::optional<QString> readPyUnicode(
    ProcessMemory& memory, const FrameLayout& layout, std::uint64_t address, std::size_t maxLength)
{
    if (address == 0 || layout.asciiSize == 0)
        return std::nullopt;
    std::array<char, 128> header {};
    const std::uint64_t headerSize
        = std::max({layout.unicodeState + 4, layout.unicodeLength + 8, layout.unicodeData + 8});
    if (headerSize > header.size() || !memory.read(address, header.data(), headerSize))
        return std::nullopt;
    std::int64_t length = 0;
    std::uint32_t state = 0;
    std::memcpy(&length, header.data() + layout.unicodeLength, sizeof(length));
    std::memcpy(&state, header.data() + layout.unicodeState, sizeof(state));
    const std::uint32_t kind = (state >> kindShift) & kindMask;
    const bool ascii = state & asciiBit;
    if (length <= 0 || std::uint64_t(length) > maxLength || (kind != 1 && kind != 2 && kind != 4)
        || (ascii && kind != 1))
        return std::nullopt;
    std::uint64_t data = 0;
    if (!(state & compactBit))
        std::memcpy(&data, header.data() + layout.unicodeData, sizeof(data));
    else
        data = address + (ascii ? layout.asciiSize : layout.compactSize);
    if (data == 0)
        return std::nullopt;
    std::vector<unsigned char> bytes(std::size_t(length) * kind);
    if (!memory.read(data, bytes.data(), bytes.size()))
        return std::nullopt;
    std::u32string text(std::size_t(length), U'\0');
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (kind == 1) {
            text[i] = bytes[i];
        } else if (kind == 2) {
            std::uint16_t unit = 0;
            std::memcpy(&unit, &bytes[i * 2], sizeof(unit));
            text[i] = unit;
        } else {
            std::uint32_t unit = 0;
            std::memcpy(&unit, &bytes[i * 4], sizeof(unit));
            text[i] = unit;
        }
        if (!sane(text[i]) || (ascii && text[i] > 0x7f))
            return std::nullopt;
    }
    return QString::fromUcs4(text.data(), qsizetype(text.size()));
}

bool hasTypeNamed(ProcessMemory& memory, const FrameLayout& layout, std::uint64_t address, const char* name)
{
    const std::uint64_t type = memory.readPointer(address + layout.objectType);
    const std::uint64_t typeName = type ? memory.readPointer(type + layout.typeName) : 0;
    std::array<char, 8> text {};
    const std::size_t size = std::strlen(name) + 1;
    return typeName != 0 && size <= text.size() && memory.read(typeName, text.data(), size)
        && std::memcmp(text.data(), name, size) == 0;
}

} // namespace conlab::python
