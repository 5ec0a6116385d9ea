#pragma once

#include "core/python/cpythonlayout.h"

#include <QString>
#include <cstddef>
#include <cstdint>
#include <optional>

namespace conlab::python {

class ProcessMemory;

// A str object of another process, decoded from its state bits: a compact ASCII string's characters follow its
// PyASCIIObject, a compact latin-1, UCS-2 or UCS-4 one's follow its PyCompactUnicodeObject, a legacy one's are where
// data.any points. Nothing for what does not look like a sane str, so that a torn or stale read is never shown: a
// failed read, a length of 0 or past maxLength, an unknown kind, a byte above 0x7f in an ASCII string, a surrogate, a
// control character or a code point past U+10FFFF.
std::optional<QString> readPyUnicode(
    ProcessMemory& memory, const FrameLayout& layout, std::uint64_t address, std::size_t maxLength = 512);

// Whether the object at `address` has the type named `name` ("code", "str"): its ob_type's tp_name.
bool hasTypeNamed(ProcessMemory& memory, const FrameLayout& layout, std::uint64_t address, const char* name);

} // namespace conlab::python
