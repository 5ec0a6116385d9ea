#include "core/python/functionreader.h"

#include "core/python/processmemory.h"
#include "core/python/pyunicode.h"

#include <QFileInfo>
#include <algorithm>
#include <array>
#include <cstring>

namespace conlab::python {
namespace {

// _PyInterpreterFrame.owner of a frame the C stack pushed to enter the eval loop (3.12+): it runs no function.
constexpr char ownedByCStack = 3;
// A thread's newest frames hold at most this many shims before a function's frame.
constexpr int maxFrameHops = 4;
// Code objects a process may churn through (exec, lambdas in a loop): past this the cache starts over.
constexpr std::size_t maxCachedCodeObjects = 4096;

std::uint64_t wordAt(const char* bytes, std::uint64_t offset)
{
    std::uint64_t word = 0;
    std::memcpy(&word, bytes + offset, sizeof(word));
    return word;
}

} // namespace

FunctionReader::FunctionReader(ProcessMemory& memory, const CPythonLayout& layout, Intern intern)
    : m_memory(memory)
    , m_layout(layout)
    , m_intern(std::move(intern))
{
}

std::uint64_t FunctionReader::newestFrame(std::uint64_t threadState, pid_t tid)
{
    const FrameLayout& frames = m_layout.frames;
    std::array<char, 256> head {};
    const std::uint64_t size = std::max({m_layout.threadNativeId, frames.threadCFrame, frames.threadCurrentFrame}) + 8;
    if (threadState == 0 || size > head.size() || !m_memory.read(threadState, head.data(), size))
        return 0;
    // Thread states are freed and reused: this one must still be the thread's.
    if (wordAt(head.data(), m_layout.threadNativeId) != std::uint64_t(tid))
        return 0;
    if (frames.threadCFrame == 0)
        return wordAt(head.data(), frames.threadCurrentFrame);
    const std::uint64_t cframe = wordAt(head.data(), frames.threadCFrame);
    return cframe ? m_memory.readPointer(cframe + frames.cframeCurrentFrame) : 0;
}

std::int32_t FunctionReader::functionOf(std::uint64_t threadState, pid_t tid)
{
    const FrameLayout& frames = m_layout.frames;
    if (!frames.readable())
        return -1;
    std::uint64_t frame = newestFrame(threadState, tid);
    std::array<char, 128> head {};
    const std::uint64_t size = std::max({frames.frameCode, frames.framePrevious, frames.frameOwner}) + 8;
    if (size > head.size())
        return -1;
    for (int hop = 0; frame != 0 && hop < maxFrameHops; ++hop) {
        if (!m_memory.read(frame, head.data(), size))
            return -1;
        if (head[frames.frameOwner] != ownedByCStack)
            return functionOfCode(wordAt(head.data(), frames.frameCode));
        frame = wordAt(head.data(), frames.framePrevious);
    }
    return -1;
}

std::int32_t FunctionReader::functionOfCode(std::uint64_t code)
{
    const FrameLayout& frames = m_layout.frames;
    std::array<char, 256> head {};
    const std::uint64_t size
        = std::max({frames.codeFilename, frames.codeName, frames.codeQualname, frames.codeFirstLine}) + 8;
    if (code == 0 || size > head.size() || !m_memory.read(code, head.data(), size))
        return -1;
    const std::uint64_t qualname = wordAt(head.data(), frames.codeQualname);
    const std::uint64_t filename = wordAt(head.data(), frames.codeFilename);
    const auto cached = m_cache.find(code);
    if (cached != m_cache.end() && cached->second.qualname == qualname && cached->second.filename == filename)
        return cached->second.function;

    // New, or another code object now lives there: read its text, once. A read that fails or makes no sense is
    // kept too (as -1), so that garbage is not read again at every sample.
    ++m_textReads;
    if (m_cache.size() >= maxCachedCodeObjects)
        m_cache.clear();
    Cached entry {qualname, filename, -1};
    if (hasTypeNamed(m_memory, frames, code, "code")) {
        std::optional<QString> name = readPyUnicode(m_memory, frames, qualname);
        if (!name)
            name = readPyUnicode(m_memory, frames, wordAt(head.data(), frames.codeName));
        if (name) {
            std::int32_t line = 0;
            std::memcpy(&line, head.data() + frames.codeFirstLine, sizeof(line));
            const std::optional<QString> file = readPyUnicode(m_memory, frames, filename, 4096);
            QString text = *name;
            if (file && line > 0)
                text += QStringLiteral(" (%1:%2)").arg(QFileInfo(*file).fileName()).arg(line);
            entry.function = m_intern(text);
        }
    }
    m_cache[code] = entry;
    return entry.function;
}

} // namespace conlab::python
