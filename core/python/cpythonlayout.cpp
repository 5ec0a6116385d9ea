#include "core/python/cpythonlayout.h"

#include "core/python/processmemory.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace conlab::python {
namespace {

// The GIL struct did not change from 3.11 to 3.13; only where it lives did.
constexpr std::uint64_t gilLastHolder = 8;
constexpr std::uint64_t gilLocked = 16;
constexpr std::uint64_t gilSwitchNumber = 24;
constexpr std::uint64_t gilSize = 208;

// Indices of the 8-byte words of 3.13's _Py_DebugOffsets (Include/internal/pycore_runtime.h) that are read.
enum DebugWord : std::size_t
{
    Cookie = 0,
    Version = 1,
    FreeThreaded = 2,
    RuntimeInterpretersHead = 5,
    InterpThreadsHead = 9,
    InterpCevalGil = 14,
    InterpGilRuntimeState = 15,
    InterpGilLocked = 17,
    InterpGilHolder = 18,
    ThreadNext = 21,
    ThreadInterp = 22,
    ThreadNativeId = 25,
    ThreadCurrentFrame = 23,
    FramePrevious = 29,
    FrameExecutable = 30,
    FrameOwner = 33,
    CodeFilename = 35,
    CodeName = 36,
    CodeQualname = 37,
    CodeFirstLine = 39,
    ObjectType = 45,
    TypeName = 47,
    UnicodeState = 68,
    UnicodeLength = 69,
    UnicodeAsciiSize = 70,
    DebugWordCount = 71,
};

// What 3.13 does not publish: the bigger header of a compact non-ASCII str, and where a legacy str points to its
// characters (both checked against the 3.13 headers).
constexpr std::uint64_t compactSize313 = 56;
constexpr std::uint64_t unicodeData313 = 56;

std::optional<CPythonLayout> layoutFromDebugOffsets(
    ProcessMemory& memory, std::uint64_t runtime, std::uint32_t hexVersion, QString* why)
{
    std::array<std::uint64_t, DebugWordCount> words {};
    if (!memory.read(runtime, words.data(), sizeof(words))) {
        *why = QStringLiteral("its _Py_DebugOffsets could not be read (%1)")
                   .arg(QString::fromLocal8Bit(std::strerror(memory.lastError())));
        return std::nullopt;
    }
    if (std::memcmp(&words[Cookie], "xdebugpy", 8) != 0) {
        *why = QStringLiteral("_PyRuntime does not start with the \"xdebugpy\" debug offsets");
        return std::nullopt;
    }
    if (words[FreeThreaded] != 0) {
        *why = QStringLiteral("it is a free-threaded build: there is no GIL to show");
        return std::nullopt;
    }
    if ((words[Version] >> 16) != (hexVersion >> 16)) {
        *why = QStringLiteral("its debug offsets are for another version than Py_Version says");
        return std::nullopt;
    }
    const std::uint64_t gilStart = words[InterpGilRuntimeState];
    CPythonLayout layout;
    layout.minor = 13;
    layout.interpreter = words[RuntimeInterpretersHead];
    layout.gil = words[InterpCevalGil];
    layout.gilLastHolder = words[InterpGilHolder] - gilStart;
    layout.gilLocked = words[InterpGilLocked] - gilStart;
    // switch_number is not published: it follows `locked` as in 3.11 and 3.12 (checked against the 3.13 headers).
    layout.gilSwitchNumber = gilSwitchNumber;
    layout.gilSize = gilSize;
    layout.threadsHead = words[InterpThreadsHead];
    layout.threadNext = words[ThreadNext];
    layout.threadInterpreter = words[ThreadInterp];
    layout.threadNativeId = words[ThreadNativeId];
    FrameLayout& frames = layout.frames;
    frames.threadCurrentFrame = words[ThreadCurrentFrame];
    frames.frameCode = words[FrameExecutable];
    frames.framePrevious = words[FramePrevious];
    frames.frameOwner = words[FrameOwner];
    frames.codeFilename = words[CodeFilename];
    frames.codeName = words[CodeName];
    frames.codeQualname = words[CodeQualname];
    frames.codeFirstLine = words[CodeFirstLine];
    frames.objectType = words[ObjectType];
    frames.typeName = words[TypeName];
    frames.unicodeState = words[UnicodeState];
    frames.unicodeLength = words[UnicodeLength];
    frames.asciiSize = words[UnicodeAsciiSize];
    frames.compactSize = compactSize313;
    frames.unicodeData = unicodeData313;
    if (layout.gilLastHolder != gilLastHolder || layout.gilLocked != gilLocked) {
        *why = QStringLiteral("its GIL struct is laid out differently from 3.13.0's");
        return std::nullopt;
    }
    return layout;
}

} // namespace

bool readGilWords(ProcessMemory& memory, const CPythonLayout& layout, std::uint64_t gil, GilWords* words)
{
    std::array<char, 64> head {};
    const std::uint64_t size = std::max({layout.gilLastHolder, layout.gilLocked, layout.gilSwitchNumber}) + 8;
    if (size > head.size() || !memory.read(gil, head.data(), size))
        return false;
    std::memcpy(&words->interval, head.data(), sizeof(words->interval));
    std::memcpy(&words->lastHolder, head.data() + layout.gilLastHolder, sizeof(words->lastHolder));
    std::memcpy(&words->locked, head.data() + layout.gilLocked, sizeof(words->locked));
    std::memcpy(&words->switchNumber, head.data() + layout.gilSwitchNumber, sizeof(words->switchNumber));
    return true;
}

QString pythonVersionText(std::uint32_t hexVersion)
{
    QString text
        = QStringLiteral("%1.%2.%3").arg(hexVersion >> 24).arg((hexVersion >> 16) & 0xff).arg((hexVersion >> 8) & 0xff);
    const unsigned level = (hexVersion >> 4) & 0xf;
    const unsigned serial = hexVersion & 0xf;
    if (level == 0xa)
        text += QStringLiteral("a%1").arg(serial);
    else if (level == 0xb)
        text += QStringLiteral("b%1").arg(serial);
    else if (level == 0xc)
        text += QStringLiteral("rc%1").arg(serial);
    return text;
}

std::optional<CPythonLayout> layoutTable(int minor)
{
    CPythonLayout layout;
    layout.minor = minor;
    layout.interpreter = 48; // _PyRuntime.interpreters.main
    layout.gilLastHolder = gilLastHolder;
    layout.gilLocked = gilLocked;
    layout.gilSwitchNumber = gilSwitchNumber;
    layout.gilSize = gilSize;
    layout.threadNext = 8;
    layout.threadInterpreter = 16;
    FrameLayout& frames = layout.frames;
    frames.threadCFrame = 56;
    frames.codeFilename = 112;
    frames.codeName = 120;
    frames.codeQualname = 128;
    if (minor == 11) {
        layout.gilInRuntime = true;
        layout.gil = 360; // _PyRuntime.ceval.gil
        layout.threadsHead = 16;
        layout.threadNativeId = 160;
        frames.cframeCurrentFrame = 8; // after use_tracing
        frames.frameCode = 32; // after f_func, f_globals, f_builtins, f_locals
        frames.framePrevious = 48;
        frames.frameOwner = 69;
        frames.codeFirstLine = 72;
        frames.asciiSize = 48; // 3.11 still has wstr
        frames.compactSize = 72;
        frames.unicodeData = 72;
        return layout;
    }
    if (minor == 12) {
        layout.gil = 384; // interp->ceval.gil, a pointer since each interpreter may have its own GIL
        layout.threadsHead = 72;
        layout.threadNativeId = 144;
        frames.cframeCurrentFrame = 0;
        frames.frameCode = 0;
        frames.framePrevious = 8;
        frames.frameOwner = 70;
        frames.codeFirstLine = 68;
        frames.asciiSize = 40;
        frames.compactSize = 56;
        frames.unicodeData = 56;
        return layout;
    }
    return std::nullopt;
}

std::optional<CPythonLayout> cpythonLayout(
    ProcessMemory& memory, std::uint64_t runtime, std::uint32_t hexVersion, QString* why)
{
    const int major = int(hexVersion >> 24);
    const int minor = int((hexVersion >> 16) & 0xff);
    if (major == 3 && (minor == 11 || minor == 12))
        return layoutTable(minor);
    if (major == 3 && minor == 13)
        return layoutFromDebugOffsets(memory, runtime, hexVersion, why);
    *why = QStringLiteral("CPython %1 has no known GIL layout (3.11, 3.12 and 3.13 have)")
               .arg(pythonVersionText(hexVersion));
    return std::nullopt;
}

} // namespace conlab::python
