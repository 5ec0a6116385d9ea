#pragma once

#include "core/python/cpythonlayout.h"
#include "core/python/elfsymbols.h"

#include <QString>
#include <cstdint>
#include <map>
#include <optional>
#include <sys/types.h>

namespace conlab::python {

class ProcessMemory;

// How to read one process's GIL: its addresses, valid for the life of the process (up to an exec).
struct GilAccess
{
    CPythonLayout layout;
    std::uint64_t interpreter = 0; // PyInterpreterState*
    std::uint64_t gil = 0; // struct _gil_runtime_state*
};

// What one look at a process found.
struct ProbeResult
{
    enum class Outcome
    {
        Gil, // a CPython whose GIL passed the sanity checks: `gil` is set
        OsOnly, // a Python process whose GIL cannot be shown: `note` says why
        NotPython, // no CPython image mapped: `note` says what was looked for
        NotYet, // try again: exec still under way, interpreter or GIL not initialised, or a check failed once
        Gone, // the process no longer exists
    };
    Outcome outcome = Outcome::NotYet;
    QString version; // "3.11.2" once Py_Version could be read
    std::optional<GilAccess> gil;
    QString note;
};

// Finds CPython in a process from the outside: the image that defines _PyRuntime (libpython3.X.so, else the
// executable, found in /proc/PID/maps), its dynamic symbols (load bias added for PIE), Py_Version, the layout, and the
// GIL, checked before it is trusted. Keeps the symbols of images already read: multiprocessing's children map the
// same file.
class ProcessProbe
{
public:
    ProbeResult probe(pid_t pid);

private:
    struct CachedImage
    {
        std::optional<ElfSymbols> symbols;
        QString error;
    };
    const CachedImage& image(pid_t pid, const QString& path, const QByteArray& inode);
    ProbeResult checkGil(pid_t pid, ProcessMemory& memory, const CPythonLayout& layout, std::uint64_t runtime);

    std::map<QString, CachedImage> m_images; // by path and inode
};

} // namespace conlab::python
