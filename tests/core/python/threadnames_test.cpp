#include "core/python/threadnames.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <string>
#include <unistd.h>

using conlab::python::ThreadNames;

namespace {

struct Pipe
{
    Pipe() { EXPECT_EQ(::pipe2(fds, O_CLOEXEC | O_NONBLOCK), 0); }
    ~Pipe()
    {
        for (int fd : fds)
            ::close(fd);
    }
    void write(const std::string& text) const
    {
        EXPECT_EQ(::write(fds[1], text.data(), text.size()), ssize_t(text.size()));
    }
    int fds[2] {-1, -1};
};

} // namespace

TEST(ThreadNames, ReadsWholeLinesAsTheyArriveAndALaterNameWins)
{
    Pipe pipe;
    ThreadNames names(pipe.fds[0]);
    EXPECT_TRUE(names.reported());
    names.drain(); // nothing yet: must not block
    EXPECT_FALSE(names.nameOf(101));
    pipe.write("101 MainThread\n102 ThreadPoolExecutor-0_0\n103 half a na");
    names.drain();
    EXPECT_EQ(names.nameOf(101), QStringLiteral("MainThread"));
    EXPECT_EQ(names.nameOf(102), QStringLiteral("ThreadPoolExecutor-0_0"));
    EXPECT_FALSE(names.nameOf(103)) << "a line is taken only once it is whole";
    pipe.write("me\n101 Thread-7 (worker)\nnonsense\n\n");
    names.drain();
    EXPECT_EQ(names.nameOf(103), QStringLiteral("half a name"));
    EXPECT_EQ(names.nameOf(101), QStringLiteral("Thread-7 (worker)")) << "a reused thread id takes its new name";
}

TEST(ThreadNames, WithoutAPipeNothingIsReported)
{
    ThreadNames names;
    EXPECT_FALSE(names.reported());
    names.drain();
    EXPECT_FALSE(names.nameOf(1));
}
