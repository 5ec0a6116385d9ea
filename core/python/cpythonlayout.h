#pragma once

#include <QString>
#include <cstdint>
#include <optional>

namespace conlab::python {

class ProcessMemory;

// Where one CPython version keeps what the observer reads (x86-64, default build). Offsets in bytes.
struct CPythonLayout
{
    int minor = 0; // 3.minor
    std::uint64_t interpreter = 0; // _PyRuntime + interpreter holds the PyInterpreterState* to watch
    // 3.11: the GIL struct sits inside _PyRuntime at gil. 3.12+: interp + gil holds a pointer to it.
    bool gilInRuntime = false;
    std::uint64_t gil = 0;
    // Inside struct _gil_runtime_state (interval is at +0 in every version).
    std::uint64_t gilLastHolder = 0; // PyThreadState*
    std::uint64_t gilLocked = 0; // int
    std::uint64_t gilSwitchNumber = 0; // unsigned long, +1 at every hand-over to another thread
    std::uint64_t gilSize = 0; // the futex words of its mutexes and condition variables lie inside
    std::uint64_t threadsHead = 0; // interp + threadsHead: first PyThreadState*
    std::uint64_t threadNext = 0;
    std::uint64_t threadInterpreter = 0;
    std::uint64_t threadNativeId = 0; // unsigned long: the Linux thread id
};

// The GIL words the observer samples, as one read of the struct's head returns them.
struct GilWords
{
    std::uint64_t interval = 0; // µs
    std::uint64_t lastHolder = 0; // PyThreadState*
    std::int32_t locked = -1; // -1 before the GIL is created
    std::uint64_t switchNumber = 0;
};
// One process_vm_readv of the GIL struct at `gil`, unpacked where `layout` places the fields.
bool readGilWords(ProcessMemory& memory, const CPythonLayout& layout, std::uint64_t gil, GilWords* words);

// "3.11.2", "3.13.0rc1" from a PY_VERSION_HEX value such as Py_Version.
QString pythonVersionText(std::uint32_t hexVersion);

// The layout tables for versions that publish no offsets (3.11, 3.12); nothing for any other minor version. A test
// checks them with offsetof against every installed interpreter's headers.
std::optional<CPythonLayout> layoutTable(int minor);

// The layout of the interpreter whose _PyRuntime is at `runtime`: the table for 3.11/3.12, _Py_DebugOffsets (cookie
// "xdebugpy" at _PyRuntime + 0) for 3.13. Nothing, with `why` set, for other versions (3.14 reorders the debug
// offsets; older ones lack what is needed) and for free-threaded builds (no GIL to show).
std::optional<CPythonLayout> cpythonLayout(
    ProcessMemory& memory, std::uint64_t runtime, std::uint32_t hexVersion, QString* why);

} // namespace conlab::python
