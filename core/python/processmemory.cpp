#include "core/python/processmemory.h"

#include <cerrno>
#include <sys/uio.h>

namespace conlab::python {

bool ProcessMemory::read(std::uint64_t address, void* buffer, std::size_t size)
{
    iovec local {buffer, size};
    iovec remote {reinterpret_cast<void*>(address), size};
    const ssize_t got = process_vm_readv(m_pid, &local, 1, &remote, 1, 0);
    if (got == ssize_t(size))
        return true;
    m_lastError = got < 0 ? errno : EFAULT;
    return false;
}

std::uint64_t ProcessMemory::readPointer(std::uint64_t address)
{
    std::uint64_t value = 0;
    return read(address, &value) ? value : 0;
}

} // namespace conlab::python
