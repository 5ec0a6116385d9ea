#include "core/python/taskactivity.h"

#include <charconv>
#include <sys/syscall.h>

namespace conlab::python {
namespace {

std::string_view nextField(std::string_view& rest)
{
    while (!rest.empty() && rest.front() == ' ')
        rest.remove_prefix(1);
    const std::size_t end = rest.find_first_of(" \n");
    const std::string_view field = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end);
    return field;
}

template <typename T> bool parseNumber(std::string_view text, T* value, int base = 10)
{
    if (base == 16 && text.substr(0, 2) == "0x")
        text.remove_prefix(2);
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *value, base);
    return error == std::errc() && end == text.data() + text.size() && !text.empty();
}

bool isOneOf(long number, std::initializer_list<long> numbers)
{
    for (long candidate : numbers) {
        if (number == candidate)
            return true;
    }
    return false;
}

} // namespace

std::optional<TaskStat> parseTaskStat(std::string_view text)
{
    // The name (field 2) is in parentheses and may hold spaces and ')': the fields resume after the last ')'.
    const std::size_t close = text.rfind(')');
    if (close == std::string_view::npos)
        return std::nullopt;
    std::string_view rest = text.substr(close + 1);
    TaskStat stat;
    const std::string_view state = nextField(rest);
    if (state.size() != 1)
        return std::nullopt;
    stat.state = state.front();
    // processor is field 39; state was field 3.
    std::string_view field;
    for (int index = 4; index <= 39; ++index)
        field = nextField(rest);
    if (!parseNumber(field, &stat.processor))
        return std::nullopt;
    return stat;
}

std::optional<TaskSyscall> parseTaskSyscall(std::string_view text)
{
    TaskSyscall call;
    std::string_view rest = text;
    const std::string_view first = nextField(rest);
    if (first == "running") {
        call.running = true;
        return call;
    }
    if (!parseNumber(first, &call.number))
        return std::nullopt;
    if (call.number < 0)
        return call;
    for (std::uint64_t& arg : call.args) {
        if (!parseNumber(nextField(rest), &arg, 16))
            return std::nullopt;
    }
    return call;
}

Blocking classifyBlocking(const TaskSyscall& call, std::uint64_t gilBegin, std::uint64_t gilEnd)
{
    const long number = call.number;
    if (number == SYS_futex)
        return call.args[0] >= gilBegin && call.args[0] < gilEnd ? Blocking::GilFutex : Blocking::Futex;
#ifdef SYS_futex_waitv
    if (number == SYS_futex_waitv)
        return Blocking::Futex;
#endif
#ifdef SYS_epoll_wait
    if (number == SYS_epoll_wait)
        return Blocking::Selector;
#endif
#ifdef SYS_epoll_pwait2
    if (number == SYS_epoll_pwait2)
        return Blocking::Selector;
#endif
    if (number == SYS_epoll_pwait)
        return Blocking::Selector;
    if (isOneOf(number, {SYS_nanosleep, SYS_clock_nanosleep}))
        return Blocking::Sleep;
#ifdef SYS_select
    // time.sleep on some builds, and select() with only a timeout, wait for nothing but time.
    if (number == SYS_select)
        return call.args[0] == 0 ? Blocking::Sleep : Blocking::Io;
#endif
    if (number == SYS_pselect6)
        return call.args[0] == 0 ? Blocking::Sleep : Blocking::Io;
#ifdef SYS_poll
    if (number == SYS_poll)
        return call.args[1] == 0 ? Blocking::Sleep : Blocking::Io;
#endif
    if (number == SYS_ppoll)
        return call.args[1] == 0 ? Blocking::Sleep : Blocking::Io;
    if (isOneOf(number,
            {SYS_read, SYS_readv, SYS_pread64, SYS_preadv, SYS_write, SYS_writev, SYS_pwrite64, SYS_recvfrom,
                SYS_recvmsg, SYS_recvmmsg, SYS_sendto, SYS_sendmsg, SYS_accept, SYS_accept4, SYS_connect}))
        return Blocking::Io;
    return Blocking::Other;
}

TaskState taskStateFor(Blocking blocking)
{
    switch (blocking) {
    case Blocking::GilFutex:
        return TaskState::WaitingGil;
    case Blocking::Futex:
        return TaskState::BlockedLock;
    case Blocking::Selector:
    case Blocking::Io:
    case Blocking::Sleep:
    case Blocking::Other:
        return TaskState::WaitingIo;
    }
    return TaskState::WaitingIo;
}

} // namespace conlab::python
