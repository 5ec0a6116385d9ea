#include "core/python/elfsymbols.h"

#include "core/util/fileerror.h"

#include <QFile>
#include <cstring>
#include <elf.h>

namespace conlab::python {
namespace {

// A bounds-checked view of the file's bytes: a corrupt or truncated image must give "not found", not a crash.
class ImageView
{
public:
    explicit ImageView(const QByteArray& bytes)
        : m_bytes(bytes)
    {
    }

    template <typename T> std::optional<T> at(std::uint64_t offset) const
    {
        if (offset > std::uint64_t(m_bytes.size()) || sizeof(T) > std::uint64_t(m_bytes.size()) - offset)
            return std::nullopt;
        T value;
        std::memcpy(&value, m_bytes.constData() + offset, sizeof(T));
        return value;
    }

    // The NUL-terminated string at `offset`, or nothing if it runs past the end.
    std::optional<QByteArray> stringAt(std::uint64_t offset, std::uint64_t limit) const
    {
        const std::uint64_t end = std::min<std::uint64_t>(limit, std::uint64_t(m_bytes.size()));
        for (std::uint64_t i = offset; i < end; ++i) {
            if (m_bytes.at(qsizetype(i)) == '\0')
                return QByteArray(m_bytes.constData() + offset, qsizetype(i - offset));
        }
        return std::nullopt;
    }

private:
    const QByteArray& m_bytes;
};

} // namespace

std::optional<ElfSymbols> readElfDynamicSymbols(const QString& path, const QStringList& names, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, fileErrorReason(file.errorString()));
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    const ImageView image(bytes);
    const std::optional<Elf64_Ehdr> header = image.at<Elf64_Ehdr>(0);
    if (!header || std::memcmp(header->e_ident, ELFMAG, SELFMAG) != 0 || header->e_ident[EI_CLASS] != ELFCLASS64
        || header->e_ident[EI_DATA] != ELFDATA2LSB) {
        *error = QStringLiteral("%1 is not a 64-bit little-endian ELF file").arg(path);
        return std::nullopt;
    }

    ElfSymbols symbols;
    symbols.positionIndependent = header->e_type == ET_DYN;
    for (unsigned i = 0; i < header->e_phnum; ++i) {
        const auto program = image.at<Elf64_Phdr>(header->e_phoff + std::uint64_t(i) * header->e_phentsize);
        if (program && program->p_type == PT_LOAD) {
            symbols.firstLoadVaddr = program->p_vaddr & ~std::uint64_t(0xfff);
            break;
        }
    }

    for (unsigned i = 0; i < header->e_shnum; ++i) {
        const auto section = image.at<Elf64_Shdr>(header->e_shoff + std::uint64_t(i) * header->e_shentsize);
        if (!section || section->sh_type != SHT_DYNSYM || section->sh_entsize != sizeof(Elf64_Sym))
            continue;
        const auto strings
            = image.at<Elf64_Shdr>(header->e_shoff + std::uint64_t(section->sh_link) * header->e_shentsize);
        if (!strings)
            continue;
        const std::uint64_t count = section->sh_size / sizeof(Elf64_Sym);
        for (std::uint64_t k = 0; k < count; ++k) {
            const auto symbol = image.at<Elf64_Sym>(section->sh_offset + k * sizeof(Elf64_Sym));
            if (!symbol || symbol->st_value == 0 || symbol->st_shndx == SHN_UNDEF)
                continue;
            const auto name
                = image.stringAt(strings->sh_offset + symbol->st_name, strings->sh_offset + strings->sh_size);
            if (!name)
                continue;
            const QString key = QString::fromLatin1(*name);
            if (names.contains(key))
                symbols.values.emplace(key, symbol->st_value);
        }
    }
    return symbols;
}

} // namespace conlab::python
