#pragma once

#include "core/python/cpythonlayout.h"

#include <QString>
#include <cstdint>
#include <functional>
#include <sys/types.h>
#include <unordered_map>

namespace conlab::python {

class ProcessMemory;

// The Python function a thread of another process is running, read from its memory as the GIL is: PyThreadState ->
// newest frame (C entry shims skipped) -> code object -> "qualname (file:line)". A frame is four small reads; a code
// object's text is read once and kept by address.
//
// Code objects are freed and their addresses reused: a kept entry is trusted only while the code object still points
// to the same qualname and filename objects, read again every time. A new code object at a freed one's address whose
// name and file are the very same str objects (interned, also reused) shows the old line number: accepted, as it is
// the same function name in the same file.
class FunctionReader
{
public:
    // Turns a function's text into the index a Segment's task carries (ObservationSink::functionFor()).
    using Intern = std::function<std::int32_t(const QString&)>;

    FunctionReader(ProcessMemory& memory, const CPythonLayout& layout, Intern intern);

    // The function the thread `tid`, whose PyThreadState is at `threadState`, runs now: its interned index, or -1
    // where there is none (no Python frame yet, or already gone) or the reads do not make sense (the thread state no
    // longer belongs to `tid`, a torn frame, not a code object, not a str). Never throws, never blocks.
    std::int32_t functionOf(std::uint64_t threadState, pid_t tid);
    // Like functionOf(), from the code object on.
    std::int32_t functionOfCode(std::uint64_t code);

    std::size_t cachedCodeObjects() const { return m_cache.size(); }
    std::uint64_t textReads() const { return m_textReads; }

private:
    struct Cached
    {
        std::uint64_t qualname = 0;
        std::uint64_t filename = 0;
        std::int32_t function = -1;
    };

    std::uint64_t newestFrame(std::uint64_t threadState, pid_t tid);

    ProcessMemory& m_memory;
    const CPythonLayout m_layout;
    Intern m_intern;
    std::unordered_map<std::uint64_t, Cached> m_cache; // by code object address
    std::uint64_t m_textReads = 0;
};

} // namespace conlab::python
