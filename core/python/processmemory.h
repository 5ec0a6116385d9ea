#pragma once

#include <cstddef>
#include <cstdint>
#include <sys/types.h>

namespace conlab::python {

// Reads another process's memory with process_vm_readv: one system call, no ptrace stop, nothing changed in the
// target. Allowed where ptrace attach would be (same user and, under Yama ptrace_scope=1, a descendant).
class ProcessMemory
{
public:
    explicit ProcessMemory(pid_t pid)
        : m_pid(pid)
    {
    }

    pid_t pid() const { return m_pid; }
    // True when all `size` bytes were read; otherwise lastError() holds errno (EPERM: refused, ESRCH: the process or
    // its memory is gone, EFAULT: not mapped).
    bool read(std::uint64_t address, void* buffer, std::size_t size);
    template <typename T> bool read(std::uint64_t address, T* value) { return read(address, value, sizeof(T)); }
    // 0 when the read fails.
    std::uint64_t readPointer(std::uint64_t address);
    int lastError() const { return m_lastError; }

private:
    pid_t m_pid;
    int m_lastError = 0;
};

} // namespace conlab::python
