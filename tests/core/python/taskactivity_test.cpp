#include "core/python/taskactivity.h"

#include <gtest/gtest.h>
#include <sys/syscall.h>

namespace conlab::python {
namespace {

TEST(PythonObserverTaskActivity, StatFieldsAfterANameWithSpacesAndParentheses)
{
    const std::string_view line = "4242 (py (worker) 1) S 4241 4242 4241 0 -1 4194368 120 0 0 0 3 1 0 0 20 0 3 0 "
                                  "9000 20000000 2000 18446744073709551615 1 1 0 0 0 0 0 16781312 2 0 0 0 17 1 0 0 0 "
                                  "0 0\n";
    const std::optional<TaskStat> stat = parseTaskStat(line);
    ASSERT_TRUE(stat.has_value());
    EXPECT_EQ(stat->state, 'S');
    EXPECT_EQ(stat->processor, 1);
    EXPECT_FALSE(parseTaskStat("4242 (truncated) R 1 2").has_value());
}

TEST(PythonObserverTaskActivity, SyscallLines)
{
    const std::optional<TaskSyscall> running = parseTaskSyscall("running\n");
    ASSERT_TRUE(running.has_value());
    EXPECT_TRUE(running->running);

    const std::optional<TaskSyscall> futex
        = parseTaskSyscall("202 0x7f00001000a8 0x189 0x0 0x0 0x0 0xffffffff 0x7ffd5d1c 0x7f1e2a\n");
    ASSERT_TRUE(futex.has_value());
    EXPECT_FALSE(futex->running);
    EXPECT_EQ(futex->number, 202);
    EXPECT_EQ(futex->args[0], 0x7f00001000a8u);
    EXPECT_EQ(futex->args[5], 0xffffffffu);

    const std::optional<TaskSyscall> outside = parseTaskSyscall("-1 0x7ffd5d1c 0x7f1e2a\n");
    ASSERT_TRUE(outside.has_value());
    EXPECT_EQ(outside->number, -1);
    EXPECT_FALSE(parseTaskSyscall("202 0xzz").has_value());
}

TaskSyscall call(long number, std::uint64_t arg0, std::uint64_t arg1 = 1)
{
    TaskSyscall syscall;
    syscall.number = number;
    syscall.args = {arg0, arg1, 0, 0, 0, 0};
    return syscall;
}

TEST(PythonObserverTaskActivity, FutexInsideTheGilIsWaitingForIt)
{
    const std::uint64_t gil = 0x10000;
    const std::uint64_t end = gil + 208;
    EXPECT_EQ(classifyBlocking(call(SYS_futex, gil + 40), gil, end), Blocking::GilFutex);
    EXPECT_EQ(classifyBlocking(call(SYS_futex, end - 4), gil, end), Blocking::GilFutex);
    EXPECT_EQ(classifyBlocking(call(SYS_futex, end), gil, end), Blocking::Futex) << "just past the GIL: a lock";
    EXPECT_EQ(classifyBlocking(call(SYS_futex, gil + 40), 0, 0), Blocking::Futex) << "no GIL known";
    EXPECT_EQ(taskStateFor(Blocking::GilFutex), TaskState::WaitingGil);
    EXPECT_EQ(taskStateFor(Blocking::Futex), TaskState::BlockedLock);
}

TEST(PythonObserverTaskActivity, SelectorIoAndSleep)
{
    EXPECT_EQ(classifyBlocking(call(SYS_epoll_wait, 3), 0, 0), Blocking::Selector);
    EXPECT_EQ(classifyBlocking(call(SYS_epoll_pwait, 3), 0, 0), Blocking::Selector);
    EXPECT_EQ(classifyBlocking(call(SYS_recvfrom, 5), 0, 0), Blocking::Io);
    EXPECT_EQ(classifyBlocking(call(SYS_read, 0), 0, 0), Blocking::Io);
    EXPECT_EQ(classifyBlocking(call(SYS_clock_nanosleep, 1), 0, 0), Blocking::Sleep);
    EXPECT_EQ(classifyBlocking(call(SYS_select, 0), 0, 0), Blocking::Sleep) << "select with only a timeout";
    EXPECT_EQ(classifyBlocking(call(SYS_select, 4), 0, 0), Blocking::Io);
    EXPECT_EQ(classifyBlocking(call(SYS_poll, 0x7000, 0), 0, 0), Blocking::Sleep) << "poll of no descriptors";
    EXPECT_EQ(classifyBlocking(call(SYS_wait4, 1), 0, 0), Blocking::Other);
    EXPECT_EQ(taskStateFor(Blocking::Selector), TaskState::WaitingIo);
    EXPECT_EQ(taskStateFor(Blocking::Sleep), TaskState::WaitingIo);
}

} // namespace
} // namespace conlab::python
