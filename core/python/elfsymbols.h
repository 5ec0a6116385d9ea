#pragma once

#include <QString>
#include <QStringList>
#include <cstdint>
#include <map>
#include <optional>

namespace conlab::python {

// The symbols an external observer needs from an ELF image on disk, and what it takes to turn their values into
// addresses in a process that mapped the image.
struct ElfSymbols
{
    std::map<QString, std::uint64_t> values; // link-time values (st_value) of the symbols found
    bool positionIndependent = false; // ET_DYN (a shared library or a PIE): values are relative to the load bias
    std::uint64_t firstLoadVaddr = 0; // p_vaddr of the first PT_LOAD, page-aligned: subtracted to get the bias
};

// Reads `path` (a 64-bit little-endian ELF) and looks each name up in .dynsym. Only .dynsym: it survives `strip`,
// and a name missing from it (a stripped or statically linked build) means "cannot be located", which the caller
// reports. Returns nothing, with `error` set, if the file cannot be read or is not such an ELF.
std::optional<ElfSymbols> readElfDynamicSymbols(const QString& path, const QStringList& names, QString* error);

} // namespace conlab::python
