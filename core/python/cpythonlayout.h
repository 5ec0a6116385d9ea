#pragma once

#include <QString>
#include <cstdint>
#include <optional>

namespace conlab::python {

class ProcessMemory;

// Where one CPython version keeps a thread's running Python function (x86-64, default build), in bytes: PyThreadState
// -> its newest _PyInterpreterFrame -> the frame's code object -> co_qualname, a str.
struct FrameLayout
{
    // 3.11/3.12: tstate->cframe->current_frame (threadCFrame is then non-zero); 3.13: tstate->current_frame.
    std::uint64_t threadCFrame = 0;
    std::uint64_t cframeCurrentFrame = 0;
    std::uint64_t threadCurrentFrame = 0;
    std::uint64_t frameCode = 0; // f_code (3.11/3.12), f_executable (3.13)
    std::uint64_t framePrevious = 0;
    std::uint64_t frameOwner = 0; // char; 3 (FRAME_OWNED_BY_CSTACK, 3.12+) marks a C entry shim, not a function
    std::uint64_t codeFilename = 0;
    std::uint64_t codeName = 0;
    std::uint64_t codeQualname = 0;
    std::uint64_t codeFirstLine = 0; // int
    std::uint64_t objectType = 8; // PyObject.ob_type
    std::uint64_t typeName = 24; // PyTypeObject.tp_name, a char*
    // PyASCIIObject: length (Py_ssize_t), state (bit field: kind in bits 2-4, compact bit 5, ascii bit 6,
    // in 3.11-3.13).
    std::uint64_t unicodeLength = 16;
    std::uint64_t unicodeState = 32;
    std::uint64_t asciiSize = 0; // sizeof(PyASCIIObject): a compact ASCII string's characters follow it
    std::uint64_t compactSize = 0; // sizeof(PyCompactUnicodeObject): a compact non-ASCII string's follow it
    std::uint64_t unicodeData = 0; // PyUnicodeObject.data.any: a legacy (non-compact) string's characters

    // Zero where the version is not known to keep its frames this way.
    bool readable() const { return framePrevious != 0; }
};

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
    FrameLayout frames;
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
