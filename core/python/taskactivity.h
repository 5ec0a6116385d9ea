#pragma once

#include "core/trace/taskstate.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace conlab::python {

// The two fields of /proc/PID/task/TID/stat the observer uses.
struct TaskStat
{
    char state = '?'; // R (runnable: on a CPU or queued for one), S, D, Z, T...
    int processor = -1; // the CPU it last ran on, or whose queue it waits in
};
std::optional<TaskStat> parseTaskStat(std::string_view text);

// /proc/PID/task/TID/syscall: "running", or the blocking call's number and arguments.
struct TaskSyscall
{
    bool running = false;
    long number = -1; // -1: blocked outside a system call
    std::array<std::uint64_t, 6> args {};
};
std::optional<TaskSyscall> parseTaskSyscall(std::string_view text);

// What a sleeping thread waits for, from its system call.
enum class Blocking
{
    GilFutex, // a futex inside the GIL struct: its mutex or condition variables
    Futex, // any other futex: a Lock, a join, a queue
    Selector, // epoll_wait: an idle event loop
    Io, // read, recv, poll, select, accept...
    Sleep, // nanosleep, clock_nanosleep, select or poll without descriptors
    Other, // wait4 and the rest, or not in a system call
};
// `gilBegin`..`gilEnd`: the GIL struct's address range in the process (empty where unknown).
Blocking classifyBlocking(const TaskSyscall& call, std::uint64_t gilBegin, std::uint64_t gilEnd);

// conlab has no state for sleeping or for "waiting on the OS" in general: both are drawn as waiting (WaitingIo).
TaskState taskStateFor(Blocking blocking);

} // namespace conlab::python
